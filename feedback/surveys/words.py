"""The words on survey screens for each audience, from words.toml (so they can be
reviewed and translated), and the template helpers that use them."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from flask import current_app, url_for

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


def privacy_url(audience: str) -> str | None:
    """Link to the privacy notice for this audience, once that page exists."""
    if "privacy.notice" in current_app.view_functions:
        return url_for("privacy.notice", audience=audience)
    return None
