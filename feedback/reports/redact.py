"""Take out what could identify someone before a comment is quoted anywhere.

Names, email addresses (also written out: "john at gmail dot com"), social-media names
(@name), phone numbers, street addresses, UK postcodes and school names are replaced by a
label in square brackets. It errs on the side of taking out too much: a quote that loses
a word is better than a child who can be recognised. The lead still reads every quote
(redacted) before marking it OK to quote.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

WORDS = Path(__file__).resolve().parent / "redact_words.toml"

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# UK numbers: 01xxx / 02x / 07xxx / +44 …, with spaces, dots, dashes or brackets between.
PHONE = re.compile(r"(?<![\w+])(?:\+\s?44\s?\(?0?\)?|0)(?:[\s().-]*\d){9,10}(?!\d)")
# Any run of 7+ digits (with separators) is a number someone could ring or look up.
LONG_NUMBER = re.compile(r"(?<!\w)\d(?:[\s.-]?\d){6,}(?!\w)")
# Emails written out to get past filters: "john at gmail dot com", "jo (at) mail (dot) co (dot) uk".
_AT = r"(?:\s*[(\[]\s*at\s*[)\]]\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+|\.)"
_TLD = r"(?:com|co|uk|org|net|gov|ac|sch|me|io|info|edu|ie)"
SPELLED_EMAIL = re.compile(rf"[\w.+'-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_TLD}\b", re.I)
# Social-media names: "@jess_x", "add me @Jess.123".
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")
_STREET = (
    r"(?i:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|"
    r"place|pl|gardens|gdns|terrace|grove|square|sq|mews|parade|estate)"
)
# "12 Oak Road", "flat 3, 14b acacia avenue", "Oak Tree Close" (a capitalised street name).
ADDRESS = re.compile(
    rf"(?:\b(?i:flat|apartment|unit)\s+\d+[a-zA-Z]?,?\s+)?\b\d+[a-zA-Z]?,?\s+"
    rf"(?:[A-Za-z'’-]+\s+){{1,3}}{_STREET}\b"
    rf"|\b(?:[A-Z][a-z'’-]+\s+){{1,3}}{_STREET}\b"
    r"|\b(?i:flat|apartment)\s+\d+[a-zA-Z]?\b"
)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
WORD = r"[A-Z][\w'’.-]*"


@cache
def _lists() -> dict[str, frozenset[str]]:
    with WORDS.open("rb") as f:
        data = tomllib.load(f)
    return {key: frozenset(w.lower() for w in words) for key, words in data.items()}


@cache
def _school_pattern() -> re.Pattern[str]:
    kinds = sorted(_lists()["school_words"], key=len, reverse=True)
    kind = "|".join(re.escape(k) for k in kinds)
    return re.compile(
        rf"(?:\b(?:St|Saint)\.?\s+)?(?:\b{WORD}\s+(?:(?:of|and|the|&)\s+)?){{1,5}}"
        rf"(?:(?i:{kind})\b)(?:\s+(?i:{kind})\b)*"
    )


def _school(match: re.Match[str]) -> str:
    """Keep "At school" or "My primary school": only proper names are schools."""
    lists = _lists()
    words = match.group(0).split()
    skip = lists["function_words"] | lists["school_words"]
    while words and words[0].lower() in skip:
        words = words[1:]
    if not words:
        return match.group(0)
    prefix = match.group(0)[: match.group(0).index(words[0])]
    return prefix + "[school]"


def _names(text: str, first: frozenset[str], other: frozenset[str]) -> str:
    lists = _lists()
    everyday = lists["common"] | lists["function_words"] | lists["school_words"]
    out = []
    tokens = re.split(r"(\s+)", text)
    sentence_start = True
    for token in tokens:
        if not token or token.isspace():
            out.append(token)
            continue
        core = token.strip("\"'“”‘’()[],.!?;:")
        bare = core.lower().removesuffix("'s").removesuffix("’s")
        is_name = bare in first or bare in lists["names"] or (bare in other and core[:1].isupper())
        if not is_name and core[:1].isupper() and not sentence_start and not core.isupper():
            # A capitalised word mid-sentence that is not an everyday word: likely a name.
            is_name = bare not in everyday
        if is_name and core and not core.startswith("["):
            token = token.replace(core, "[name]", 1)
        out.append(token)
        sentence_start = token.rstrip("\"'”’)").endswith((".", "!", "?", ":"))
    return "".join(out)


def redact(text: str, names: Iterable[str] = ()) -> str:
    """Return the text with personal details replaced by [name], [email] and so on.

    `names` are extra names known to be in play (staff, the respondent if named). Their
    first names are taken out in any case ("sarah"); other parts only when written with a
    capital, since surnames are often everyday words ("Young", "Brown", "Hope").
    """
    lists = _lists()
    everyday = lists["common"] | lists["function_words"]
    parts = [[p.lower() for p in (name or "").split() if len(p) > 1] for name in names]
    first = frozenset(p[0] for p in parts if p and p[0] not in everyday)
    other = frozenset(x for p in parts for x in p[1:] if x not in everyday)
    text = EMAIL.sub("[email]", text)
    text = SPELLED_EMAIL.sub("[email]", text)
    text = HANDLE.sub("[social media name]", text)
    text = PHONE.sub("[phone number]", text)
    text = LONG_NUMBER.sub("[phone number]", text)
    text = POSTCODE.sub("[postcode]", text)
    text = ADDRESS.sub("[address]", text)
    text = _school_pattern().sub(_school, text)
    return _names(text, first, other)
