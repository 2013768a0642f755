"""Turn what someone typed into one plain, lower-case form that the rules can read.

Only the copy that is analysed is changed; the words a person wrote are stored as
they wrote them. The steps undo what makes the same words look different: wide or
decorated letters (NFKC), zero-width and control characters hidden inside words,
accents and look-alike letters from other alphabets, digits standing in for letters
("h1ts"), stretched words ("sooooo"), missing apostrophes and common misspellings.
"""

import re
import unicodedata
from functools import lru_cache

from feedback.analysis.spelling import SPELLER

# Curly quotes, backticks and dashes typed on phones, mapped to plain ASCII.
_PUNCTUATION = str.maketrans(
    "\u2018\u2019\u201b\u2032`\u00b4\u02bc\u201c\u201d\u2010\u2011\u2012\u2013\u2014",
    "'''''''\"\"-----",
)
# Letters from Cyrillic and Greek that look like Latin ones ("hіts" with a Cyrillic i).
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁһкмтвпɡαεικνορτυχ",
    "aeopcyxijsdhkmtbngaeikvoptux",
)
_LOOKALIKE_CHARS = frozenset("аеорсухіјѕԁһкмтвпɡαεικνορτυχ")
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Co", "Cs"})
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*")
_DIGIT_FOR_LETTER = re.compile(r"(?<=[a-z])[013457@$]+(?=[a-z])")
_DIGIT_LETTERS = str.maketrans("013457@$", "oieastas")
# Stretched words ("hiiiits", "sooooo"): letters that are rarely doubled in English
# shrink to one, the others to two ("goooood" -> "good").
# Both in one pass: a rare letter's run always matches the first choice.
_STRETCHED = re.compile(r"([aiuyhwkjvxq])\1+|([a-z])\2{2,}")
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*'?")
_WORD_SPLIT = re.compile(r"([a-z0-9]+(?:['-][a-z0-9]+)*'?)")  # _WORD, kept by split()
# Only what changes: runs of two or more, and single tabs, line breaks and the like.
_SPACES = re.compile(r"\s{2,}|[^\S ]")


def _fix_lookalikes(match: re.Match[str]) -> str:
    word = match.group()
    has_latin = any("a" <= c <= "z" or "A" <= c <= "Z" for c in word)
    if has_latin or all(c.lower() in _LOOKALIKE_CHARS for c in word):
        return word.lower().translate(_LOOKALIKES)
    return word


class _Invisible(dict):
    """For ``str.translate``: a character's replacement, worked out the first time it is
    seen (it depends on the character alone): invisible ones dropped, spaces and line
    breaks made plain spaces, the rest kept."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if category in _DROP_CATEGORIES:
            fixed = " " if char in "\t\n\r" else ""
        elif category.startswith("Z"):
            fixed = " "
        else:
            fixed = char
        if len(self) < _MOST_REMEMBERED:  # however many characters people send
            self[code] = fixed
        return fixed


_MOST_REMEMBERED = 20_000
_INVISIBLE = _Invisible()


def _plain_characters(text: str) -> str:
    """Fold decorated Unicode into plain letters and drop invisible characters."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)
    kept = unicodedata.normalize("NFD", text).translate(_INVISIBLE)
    text = _NON_ASCII_WORD.sub(_fix_lookalikes, kept)
    return unicodedata.normalize("NFC", text)


# The same words come back in comment after comment, and a word's respelling depends
# on the word alone.
@lru_cache(maxsize=50_000)
def _respell(word: str) -> str:
    fixed = SPELLER.fixed.get(word)
    if fixed is not None:
        return fixed
    if word.endswith("'s"):
        return SPELLER.repair(word[:-2])
    if word.endswith("'"):
        return SPELLER.repair(word[:-1])
    if "-" in word:
        return " ".join(SPELLER.repair(part) for part in word.split("-"))
    return SPELLER.repair(word)


def _unstretch(match: re.Match[str]) -> str:
    rare, other = match.groups()
    return rare or other * 2


def normalise(text: str) -> str:
    """Return the plain lower-case form of ``text`` used by every rule."""
    if not text:
        return ""
    if text.isascii():
        text = _ASCII_CONTROL.sub("", text).replace("`", "'")
    else:
        text = _plain_characters(text)
    text = text.casefold()
    text = _DIGIT_FOR_LETTER.sub(lambda m: m.group().translate(_DIGIT_LETTERS), text)
    text = _STRETCHED.sub(_unstretch, text)
    parts = _WORD_SPLIT.split(text)  # other text, word, other text, word, ...
    parts[1::2] = map(_respell, parts[1::2])
    text = "".join(parts)
    return _SPACES.sub(" ", text).strip()


def words(normalised: str) -> list[str]:
    """Split normalised text into words with a regular expression (no NLTK data)."""
    return _WORD.findall(normalised)
