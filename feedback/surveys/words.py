"""The words on survey screens for each audience, from words.toml (so they can be
reviewed and translated)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

WORDS = Path(__file__).resolve().parent / "words.toml"


@cache
def _all_words() -> dict[str, dict[str, str]]:
    with WORDS.open("rb") as f:
        return tomllib.load(f)


@cache
def words_for(audience: str) -> dict[str, str]:
    """Every screen word for this audience: its own, else the shared ones."""
    table = _all_words()
    return {**table["all"], **table.get(audience, {})}
