"""Audiences: the age bands (and parents and carers) a survey is written for.

One table is the one list: the builder, the start page, results, reports and privacy
notices all read it. The shipped four are rows like any other (see `shipped.py`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Model

KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,9}$"


class Audience(Model):
    __tablename__ = "audiences"
    __table_args__ = (
        CheckConstraint("reading_age IS NULL OR reading_age BETWEEN 5 AND 18", name="age_range"),
    )

    key: Mapped[str] = mapped_column(String(10), primary_key=True)  # in links: /privacy/8-11
    name: Mapped[str] = mapped_column(String(80))  # staff see it: "Children aged 8 to 11"
    min_age: Mapped[int | None]  # none for parents and carers
    max_age: Mapped[int | None]
    position: Mapped[int] = mapped_column(default=0)
    # The highest reading age the language checker aims for with this audience.
    reading_age: Mapped[int | None]
    # Screen words start from one of the shipped sets in surveys/words.toml (translated),
    # then the band's own words replace any of them (`words`, e.g. {"choose": "I'm 8 to 11"}).
    words_from: Mapped[str] = mapped_column(String(10))
    words: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The band's own privacy notice; empty: the shipped notice of `words_from`.
    privacy_notice: Mapped[str] = mapped_column(Text, default="")

    @property
    def ages(self) -> str:
        """ "8 to 11", "13 and over", or "" (parents and carers)."""
        if self.min_age is None:
            return ""
        if self.max_age is None:
            return f"{self.min_age} and over"
        return f"{self.min_age} to {self.max_age}"
