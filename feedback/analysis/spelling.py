"""Fix how words are spelt before analysis, from ``spelling.toml``.

Two steps: a list of known misspellings and short forms ("boyfrend", "dont", "u"),
then, for words nobody could know, a one-letter repair towards the words that matter
most for safeguarding ("skared" -> "scared"). Only words missing from an English word
lists (the ones TextBlob ships, and their plurals and -ing/-ed forms) are
repaired, and only when the first letter agrees, so real words stay as typed.
"""

import tomllib
from importlib import resources
from pathlib import Path

SPELLING_FILE = Path(__file__).with_name("spelling.toml")
_MIN_LENGTH = 4


def _english_words() -> frozenset[str]:
    """Every word in the two word lists TextBlob ships (spelling, and parts of speech)."""
    words = set()
    for name in ("en-spelling.txt", "en-lexicon.txt"):
        text = resources.files("textblob.en").joinpath(name).read_text("utf-8")
        words.update(line.split(" ", 1)[0].lower() for line in text.splitlines() if line[:1] != ";")
    return frozenset(words)


def _stems(word: str) -> tuple[str, ...]:
    """Forms a word may be an ending of: "picks" -> "pick", "caring" -> "care"."""
    stems = []
    for ending, replacements in (
        ("ies", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
        ("er", ("", "e")),
        ("ly", ("",)),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            stems += [base + extra for extra in replacements]
            if len(base) > 2 and base[-1] == base[-2]:
                stems.append(base[:-1])  # "hitting" -> "hit"
    return tuple(stems)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Respell one word at a time; built once per process."""

    def __init__(self, path: Path = SPELLING_FILE):
        with path.open("rb") as file:
            data = tomllib.load(file)
        self.fixed: dict[str, str] = {**data.get("words", {}), **data.get("contractions", {})}
        fuzzy = data.get("fuzzy", {})
        targets = [w.lower() for w in fuzzy.get("words", [])]
        self.known = _english_words() | set(fuzzy.get("known", [])) | set(targets)
        self.known |= {part for value in self.fixed.values() for part in value.split()}
        # A word one letter away shares a "deletion" with its target (symmetric delete).
        self._near: dict[str, str] = {}
        for target in reversed(targets):  # earlier words in the list win
            for key in _deletions(target) | {target}:
                self._near[key] = target

    def repair(self, word: str) -> str:
        """Return ``word`` spelt as a known or important word, else unchanged."""
        fixed = self.fixed.get(word)
        if fixed is not None:
            return fixed
        if len(word) < _MIN_LENGTH or word in self.known or not word.isalpha():
            return word
        if word.endswith("in") and word + "g" in self.known:
            return word + "g"  # "hittin" -> "hitting"
        near = self._near.get(word)
        if near is None:
            for key in _deletions(word):
                near = self._near.get(key)
                if near is not None:
                    break
        # Children rarely get the first letter wrong; "picks" is not "kicks".
        if near is None or near[0] != word[0]:
            return word
        # A real word's other form ("caring" from "care") stays, unless the repair
        # keeps the same root ("slaped" -> "slapped").
        known_stems = [stem for stem in _stems(word) if stem in self.known]
        if known_stems and not any(near.startswith(stem) for stem in known_stems):
            return word
        return near


SPELLER = Speller()
