"""Small shared helpers: the phrase syntax used in the data files, and negation.

Phrases in ``themes.toml`` and ``sentiment.toml`` are written the way a person would
say them, not as regular expressions:

- words are separated by spaces and must appear in that order: ``turns up``;
- ``*`` at the end of a word allows any ending: ``listen*`` (listens, listened ...);
- ``|`` gives choices for one word: ``ring*|call*|text* me back``.
"""

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_WORD_CHARS = re.compile(r"[a-z0-9']+")

# Words that start a new clause: a "not" before them does not reach past them.
CLAUSE_BREAK = re.compile(
    r"[.!?;,:()\n\"]|\b(?:but|and|because|so|although|though|however|except|when|then"
    r"|that|if|what|who|which|where|why|how|until|unless|while|or)\b"
)
_SUBJECT_NEGATION = re.compile(r"\b(?:nobody|no one|noone|none of|no body|not one|nothing)\b")
_REACH = 200  # characters a negation can reach back; keeps long comments linear
_NEAR_NEGATIONS = frozenset(
    {"not", "never", "no", "nobody", "hardly", "barely", "without", "nor", "neither"}
)


def phrase_to_regex(phrase: str) -> str:
    """Turn one phrase in the data-file syntax into a regular expression."""
    slots = []
    for slot in phrase.lower().split():
        choices = []
        for word in slot.split("|"):
            if word.endswith("*"):
                choices.append(re.escape(word[:-1]) + r"[a-z']*")
            else:
                choices.append(re.escape(word))
        slots.append("(?:" + "|".join(choices) + ")")
    if not slots:
        raise ValueError("empty phrase")
    return r"\b" + " ".join(slots) + r"\b"


class PhraseIndex:
    """Find many phrases quickly: only phrases whose first word fits are tried.

    One big alternation of every phrase tries each phrase at every character; this
    looks up the phrases that can start at each word instead.
    """

    def __init__(self, phrases: Sequence[str]):
        self.phrases = tuple(phrases)
        self._regexes = tuple(re.compile(phrase_to_regex(p)) for p in self.phrases)
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._prefix: dict[str, list[int]] = defaultdict(list)
        for index, phrase in enumerate(self.phrases):
            for word in phrase.lower().split()[0].split("|"):
                if word.endswith("*"):
                    self._prefix[word[:-1]].append(index)
                else:
                    self._exact[word].append(index)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._prefix})
        # The phrases that can start at a word depend on the word alone.
        self._candidates = lru_cache(maxsize=50_000)(self._phrases_starting)

    def _phrases_starting(self, word: str) -> tuple[int, ...]:
        found = list(self._exact.get(word, ()))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            found += self._prefix.get(word[:length], ())
        found.sort()
        return tuple(found)

    def matches(self, text: str, overlapping: bool = False) -> Iterator[tuple[int, re.Match]]:
        """Yield (phrase number, match) from left to right.

        By default matches do not overlap and, at one place, the phrase listed first
        wins; with ``overlapping`` every phrase that fits at every word is yielded.
        """
        end = 0
        for token in _TOKEN.finditer(text):
            if token.start() < end:
                continue
            for index in self._candidates(token.group()):
                match = self._regexes[index].match(text, token.start())
                if match:
                    yield index, match
                    if not overlapping:
                        end = match.end()
                        break


def is_negated(text: str, position: int) -> bool:
    """True when a negation shortly before ``position``, in the same clause, denies it.

    "nobody listens" and "she never (turns up)" are negated; "she is not late, she
    (listens)" is not, because the comma starts a new clause.
    """
    clause_start = max(0, position - _REACH)
    for found in CLAUSE_BREAK.finditer(text, clause_start, position):
        clause_start = found.end()
    before = text[clause_start:position]
    if not before:
        return False
    if _SUBJECT_NEGATION.search(before):
        return True
    return any(word in _NEAR_NEGATIONS for word in _WORD_CHARS.findall(before)[-3:])
