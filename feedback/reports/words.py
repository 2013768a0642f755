"""The words the report editions print (from words.toml), and how figures are shown."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from feedback.audiences.models import Audience
from feedback.extensions import db
from feedback.reports.data import Figure

WORDS = Path(__file__).resolve().parent / "words.toml"
EDITIONS = ("family", "board")


@dataclass(frozen=True)
class Service:
    """Who the report is from and how to reach them (from the app's config)."""

    name: str
    contact: str


@cache
def words() -> dict[str, Any]:
    with WORDS.open("rb") as f:
        return tomllib.load(f)


def shown(figure: Figure, suffix: str = "") -> str:
    """A figure as printed: its value, or "fewer than 5" when it was suppressed."""
    if figure.suppressed:
        return words()["fewer_than_5"]
    return f"{figure.value}{suffix}"


def change(value: int | None) -> str:
    if value is None:
        return words()["board"]["not_available"]
    return f"{value:+d}" if value else "0"


def audience_name(code: str) -> str:
    """The name staff and reports use for an audience, from the one list of audiences."""
    audience = db.session.get(Audience, code)
    return audience.name if audience is not None else code
