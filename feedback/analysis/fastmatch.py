"""Run many regular expressions over short comments quickly.

Every comment meets a few hundred patterns. These tricks keep that cheap, without
changing what matches:

- ``WordPattern`` checks a leading ``\\b`` itself, so ``re`` can skip quickly to the
  places where the pattern can start, and is not searched for at all in a text that
  lacks a part every match needs (``pattern_parts`` works those out);
- ``PatternGate`` reads each pattern once to learn the words it can start with
  ("hits?|punch..." can only start at a word beginning "hit" or "punch"; "i want"
  only at the word "i", and only where the next word begins "want"), and then only
  runs the patterns whose first word is in the comment, and only there: each is
  tried once at each such word (``re.match`` at that place) instead of being searched
  for along the whole comment. A pattern whose start it cannot work out is searched
  for everywhere;
- the words are found once a comment (``word_starts``) and shared by every gate.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from feedback.analysis.pattern_parts import (
    Head,
    anchored,
    needed_characters,
    needed_choices,
    needed_text,
    pattern_heads,
)

# A gate token where "\b" holds: not after a letter, digit or "_" ("café" folded oddly).
# ... and the word after it, when one space comes between.
_WORD_START = re.compile(r"(?<!\w)([a-z0-9]+)(?:(?= ([a-z0-9]+)))?")


class WordPattern:
    r"""A regular expression whose leading ``\b`` is checked here, not by ``re``, and
    which is not searched for at all in a text missing a part every match needs (or
    all the choices of a part, such as "fight|argue|shout")."""

    __slots__ = ("regex", "boundary", "source", "needs", "needs_one_of", "needs_a_character")

    def __init__(self, pattern: str):
        self.source = pattern
        self.boundary = pattern.startswith(r"\b")
        self.regex = re.compile(pattern[2:] if self.boundary else pattern)
        self.needs, self.needs_one_of, self.needs_a_character = (), (), None
        if anchored(pattern):  # tried at the start only: quicker than any check
            return
        self.needs = needed_text(pattern)
        self.needs_one_of = needed_choices(pattern)
        # Only for a pattern with no longer parts to look for, such as a set of emoji.
        if not (self.needs or self.needs_one_of):
            self.needs_a_character = needed_characters(pattern)

    def could_match(self, text: str) -> bool:
        """False when ``text`` lacks a part every match needs (then it cannot match)."""
        for part in self.needs:
            if part not in text:
                return False
        for choices in self.needs_one_of:
            if not any(map(text.__contains__, choices)):
                return False
        return self.needs_a_character is None or self.needs_a_character.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield matches that start at a word boundary, like ``re.finditer``."""
        if not self.could_match(text):
            return
        if not self.boundary:
            yield from self.regex.finditer(text)
            return
        position = 0
        while (match := self.regex.search(text, position)) is not None:
            start = match.start()
            before = start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
            here = start < len(text) and (text[start].isalnum() or text[start] == "_")
            if before != here:
                yield match
                position = match.end() if match.end() > start else start + 1
            else:
                position = start + 1

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def first_heads(pattern: WordPattern) -> set[Head] | None:
    """(first word, whole word?, what the next word begins with) of each way
    ``pattern`` can start (None: anything; see ``pattern_parts``)."""
    return pattern_heads(pattern.source[2:]) if pattern.boundary else None


def first_words(pattern: WordPattern) -> set[str] | None:
    """What a word must begin with for ``pattern`` to match there (None: anything)."""
    heads = first_heads(pattern)
    return None if heads is None else {word for word, _whole, _next in heads}


Words = list[tuple[int, str, str]]


def word_starts(text: str) -> Words:
    """(where, word, next word or "") of each word a gate looks patterns up by. Several
    gates read the same comment: work this out once and give it to each
    (``all_matches(text, words)``)."""
    return [(token.start(), token[1], token[2] or "") for token in _WORD_START.finditer(text)]


Tries = tuple[tuple[int, tuple[str, ...], Callable], ...]


class PatternGate:
    """Say which of many patterns could match a text, and where, from its words."""

    def __init__(self, patterns: Sequence[WordPattern]):
        self.patterns = tuple(patterns)
        self.always: set[int] = set()
        self._by_word: dict[str, dict[int, set[str]]] = defaultdict(dict)  # whole words
        self._by_start: dict[str, list[int]] = defaultdict(list)  # word beginnings
        for index, pattern in enumerate(patterns):
            heads = first_heads(pattern)
            if heads is None:
                self.always.add(index)
            for word, whole, after in heads or ():
                if whole:  # what the next word must begin with ("" for anything)
                    self._by_word[word].setdefault(index, set()).add(after)
                else:
                    self._by_start[word].append(index)
        self._lengths = sorted({len(start) for start in self._by_start})
        # Which patterns can start at a word depends on the word alone, and the same
        # words come back in comment after comment.
        self._tried_at = lru_cache(maxsize=50_000)(self._what_to_try)

    def _what_to_try(self, word: str) -> tuple[Tries, tuple[tuple[int, dict[str, Tries]], ...]]:
        """What to try at ``word``: the patterns that can start there whatever comes
        next, and those that can only when the next word begins with given letters, as
        (length, {letters: patterns}). Each pattern as (number, needed parts, match
        function)."""
        patterns = self.patterns

        def tries(numbers) -> Tries:
            return tuple((n, patterns[n].needs, patterns[n].regex.match) for n in numbers)

        anyway = {}  # pattern number -> None, in order
        for length in self._lengths:
            if length > len(word):
                break
            anyway.update(dict.fromkeys(self._by_start.get(word[:length], ())))
        following: dict[str, list[int]] = defaultdict(list)
        for number, afters in self._by_word.get(word, {}).items():
            if "" in afters:
                anyway[number] = None
            elif number not in anyway:
                for after in afters:  # a pattern twice at one word is harmless
                    following[after].append(number)
        by_length: dict[int, dict[str, Tries]] = defaultdict(dict)
        for after, numbers in following.items():
            by_length[len(after)][after] = tries(numbers)
        return tries(anyway), tuple(sorted(by_length.items()))

    def places(self, text: str) -> dict[int, list[int]]:
        """Pattern number -> the word starts where it can begin, in order (patterns
        that can begin anywhere are left out: see ``always``)."""
        found: dict[int, list[int]] = {}
        for start, word, after in word_starts(text):
            anyway, following = self._tried_at(word)
            numbers = [number for number, _needs, _match in anyway]
            for length, by_after in following:
                numbers += [number for number, _needs, _match in by_after.get(after[:length], ())]
            for number in dict.fromkeys(numbers):
                found.setdefault(number, []).append(start)
        return found

    def candidates(self, text: str) -> set[int]:
        """Numbers of the patterns worth running on ``text``."""
        return self.always.union(self.places(text))

    def all_matches(self, text: str, words: Words | None = None) -> list[tuple[int, re.Match[str]]]:
        """(pattern number, match) for every match of every pattern, by pattern number
        and then from left to right, as each pattern's ``finditer`` would find them.
        ``words`` is ``word_starts(text)``, when the caller already has it.

        One plain loop over the words: this runs a few hundred times a comment, so it
        avoids a function call for each pattern that finds nothing (nearly all)."""
        found: list[tuple[int, int, re.Match[str]]] = []
        ends: dict[int, int] = {}  # pattern number -> where its last match ended
        tried_at = self._tried_at
        for start, word, after in word_starts(text) if words is None else words:
            tries, following = tried_at(word)
            if following and after:  # patterns that need the next word to begin so
                for length, by_after in following:
                    more = by_after.get(after[:length])
                    if more:
                        tries += more
            for number, needs, match_here in tries:
                end = ends.get(number)
                if end is None:  # the pattern's first word here: are its parts?
                    if needs and not all(map(text.__contains__, needs)):
                        ends[number] = len(text)  # never worth trying again
                        continue
                    ends[number] = 0
                elif start < end:  # inside its last match: finditer does not overlap
                    continue
                match = match_here(text, start)
                if match is not None:
                    found.append((number, start, match))
                    ends[number] = match.end()
        for number in self.always:
            found += [(number, m.start(), m) for m in self.patterns[number].finditer(text)]
        found.sort(key=lambda item: item[:2])
        return [(number, match) for number, _start, match in found]
