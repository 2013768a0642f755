"""The words on survey screens for each audience: the shared words and the audience's
shipped set from words.toml (reviewed and translated), then the audience's own words."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from feedback.audiences.models import Audience

WORDS = Path(__file__).resolve().parent / "words.toml"


@cache
def _all_words() -> dict[str, dict[str, str]]:
    with WORDS.open("rb") as f:
        return tomllib.load(f)


def words_for(audience: Audience) -> dict[str, str]:
    """Every screen word for this audience: its own, else its set's, else the shared ones."""
    table = _all_words()
    return {**table["all"], **table.get(audience.words_from, {}), **(audience.words or {})}
