"""Which language a comment is written in, when it is not English.

A comment in another language cannot be read by the English rules, so it goes to a
person (see `feedback.analysis.comment`), marked with the language. Detecting costs
about a third of a millisecond, so it runs only on a comment that does not look
English: one with letters outside English's alphabet, or one of four words or more
with almost none of the small words every English sentence has. The detector
(lingua-language-detector, which ships its own models) knows only the languages
families in England most often write in, which keeps it quick and its answers sure;
it is built the first time it is needed, once per process, in its quick mode
(two seconds to build rather than forty; it only ever sees comments of four words or
more, or in another alphabet, where the quick mode is as sure).
"""

from __future__ import annotations

import re
from functools import cache

# The small words that make up a quarter or more of almost any English sentence.
_ENGLISH_SMALL_WORDS = frozenset(
    "a about after all am an and are as at be because been but by can could did do does"
    " dont for from get got had has have he her him his how i if im in is it its just"
    " like me my no not of on or our out she so that the their them then there they"
    " this to too up us was we were what when where which who will with would you your"
    " ive id ill cant wont didnt doesnt isnt wasnt ok yes really very".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_LANGUAGES = (
    "ENGLISH WELSH POLISH ROMANIAN LITHUANIAN LATVIAN PORTUGUESE SPANISH FRENCH ITALIAN"
    " GERMAN DUTCH BULGARIAN CZECH SLOVAK HUNGARIAN GREEK RUSSIAN UKRAINIAN ALBANIAN"
    " CROATIAN TURKISH ARABIC URDU BENGALI PUNJABI GUJARATI PERSIAN SOMALI"
).split()
_ENGLISH_AT_MOST = 0.1  # English this unlikely, and something else more likely
# Not words in any language: markup, web and email addresses, @handles.
_NOT_WORDS = re.compile(r"<[^>]*>|\b(?:https?://|www\.)\S+|\S+@\S+|@\w+|\[\[\[.*?\]\]\]")
# Each of those contains one of these; most comments have none, and need no search.
_NOT_WORDS_MARKS = ("<", "@", "http", "www.", "[[[")


def _without_addresses(text: str) -> str:
    if any(map(text.__contains__, _NOT_WORDS_MARKS)):
        return _NOT_WORDS.sub(" ", text)
    return text


def prose_words(text: str) -> list[str]:
    """The words a person wrote, leaving out markup, web and email addresses, handles."""
    return _WORD.findall(_without_addresses(text))


def looks_english(text: str) -> bool:
    """A quick test that needs no detector: True when the comment plainly is English
    (or too short to tell)."""
    found = _WORD.findall(text.casefold())
    if not text.isascii() and any(not word.isascii() for word in found):
        return False
    if len(found) < 4:
        return True
    small = sum(map(_ENGLISH_SMALL_WORDS.__contains__, found))
    return small / len(found) >= 0.15


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in _LANGUAGES))
        .with_low_accuracy_mode()
        .build()
    )


@cache
def _names() -> dict[str, str]:
    from lingua import Language

    found = (getattr(Language, name) for name in _LANGUAGES)
    return {language.iso_code_639_1.name.lower(): language.name.title() for language in found}


def language_name(code: str | None) -> str:
    """The English name of a language code the analysis stored ("pl" -> "Polish"); ""
    for none."""
    if not code:
        return ""
    return _names().get(code, code)


def other_language(text: str) -> tuple[str, str] | None:
    """(ISO 639-1 code, English name) of the language a comment is written in, or
    None for English or a comment too short or mixed to tell."""
    text = _without_addresses(text)
    if looks_english(text):
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    top = values[0]
    english = next((v.value for v in values if v.language.name == "ENGLISH"), 0.0)
    if top.language.name == "ENGLISH" or english > _ENGLISH_AT_MOST:
        return None
    return top.language.iso_code_639_1.name.lower(), top.language.name.title()
