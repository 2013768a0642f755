"""Themes a participation lead recognises, read from ``themes.toml``.

The file is the place to change themes: each theme names its principle (1-6) and the
phrases that suggest it. It is read once per process and cached; a CLI re-runs the
analysis over stored answers after the file changes.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from feedback.analysis.fastmatch import PatternGate, WordPattern, Words
from feedback.analysis.phrases import phrase_to_regex

THEMES_FILE = Path(__file__).with_name("themes.toml")
PRINCIPLES = range(1, 7)


class ThemesFileError(ValueError):
    """The themes file cannot be used as it is."""


@dataclass(frozen=True)
class Theme:
    """One theme, the principle it belongs to, and how to recognise it."""

    name: str
    principle: int
    description: str
    pattern: re.Pattern[str]


def _theme(entry: dict, position: int) -> Theme:
    name = str(entry.get("name", "")).strip()
    if not name:
        raise ThemesFileError(f"theme number {position} has no name")
    principle = entry.get("principle")
    if principle not in PRINCIPLES:
        raise ThemesFileError(f"theme {name!r}: principle must be 1 to 6, not {principle!r}")
    phrases = entry.get("phrases") or []
    if not phrases:
        raise ThemesFileError(f"theme {name!r} has no phrases")
    pattern = re.compile("|".join(phrase_to_regex(p) for p in phrases))
    return Theme(name, principle, str(entry.get("description", "")), pattern)


class ThemeInfo(NamedTuple):
    """What the screens need to show a theme."""

    name: str
    principle: int
    description: str


@cache
def load_themes(path: Path = THEMES_FILE) -> tuple[Theme, ...]:
    """Read and check the themes file once per process."""
    with Path(path).open("rb") as file:
        data = tomllib.load(file)
    themes = tuple(_theme(entry, i) for i, entry in enumerate(data.get("theme", []), 1))
    names = [theme.name for theme in themes]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ThemesFileError(f"theme names used twice: {', '.join(duplicates)}")
    return themes


@cache
def _phrase_gate(path: Path) -> tuple[PatternGate, tuple[int, ...]]:
    """Every theme's phrases, one pattern each, behind one gate (tried only at the words
    they can start with), and each phrase's theme number."""
    with Path(path).open("rb") as file:
        data = tomllib.load(file)
    load_themes(path)  # the same checks first
    patterns, theme_of = [], []
    for number, entry in enumerate(data.get("theme", [])):
        for phrase in entry["phrases"]:
            patterns.append(WordPattern(phrase_to_regex(phrase)))
            theme_of.append(number)
    return PatternGate(patterns), tuple(theme_of)


def find_themes(
    normalised: str, path: Path = THEMES_FILE, words: Words | None = None
) -> tuple[str, ...]:
    """Return the names of the themes the comment touches, in file order (a theme is
    touched when any of its phrases is found, as its ``pattern`` would find it).
    ``words``: ``word_starts(normalised)``, when the caller has it."""
    gate, theme_of = _phrase_gate(path)
    found = {theme_of[number] for number, _match in gate.all_matches(normalised, words)}
    themes = load_themes(path)
    return tuple(themes[number].name for number in sorted(found))


def theme_list(path: Path = THEMES_FILE) -> tuple[ThemeInfo, ...]:
    """Return every theme's name, principle and description, in file order."""
    return tuple(ThemeInfo(t.name, t.principle, t.description) for t in load_themes(path))
