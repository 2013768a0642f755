"""The languages surveys can be written in (feedback/languages.toml), and which way
each is written."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES_FILE = Path(__file__).resolve().parent / "languages.toml"
DEFAULT = "en"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, for families
    english: str  # for staff screens
    dir: str  # "ltr" or "rtl"


@cache
def languages() -> dict[str, Language]:
    """Every language we can show a survey in, by code, English first."""
    with LANGUAGES_FILE.open("rb") as f:
        data = tomllib.load(f)
    return {code: Language(code, v["name"], v["english"], v["dir"]) for code, v in data.items()}


def language(code: str | None) -> Language:
    """The language with this code (English if we do not know it)."""
    return languages().get(code or DEFAULT) or languages()[DEFAULT]


def text_direction(code: str | None) -> str:
    """'rtl' for languages written right to left, else 'ltr'."""
    return language(code).dir
