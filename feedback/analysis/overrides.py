"""A participation lead's own choice of themes for a comment, kept over re-analysis.

The answer's `themes` column always holds the themes in use (so reports and the dashboard
read one place); a `ThemeOverride` row says they were chosen by a person, by whom and when,
so `flask reanalyse` keeps them when the theme rules change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from feedback.analysis.daily import forget
from feedback.analysis.themes import theme_list
from feedback.db import Model, UTCDateTime, utcnow
from feedback.surveys.models import Answer


class UnknownTheme(ValueError):
    """That is not one of the themes in the themes file."""


class NotSentYet(ValueError):
    """The comment's response has not been sent: its words may still change."""


class ThemeOverride(Model):
    __tablename__ = "theme_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    chosen_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


def theme_names() -> list[str]:
    return [t.name for t in theme_list()]


def move_comment(
    session: Session, answer: Answer, from_theme: str | None, to_theme: str | None, actor_id: int
) -> list[str]:
    """Move a comment out of one theme (or none) into another (or none); returns its themes.

    Only a sent response's comments: until then the child may still change the words
    (and a lead only ever sees sent ones), so a choice made earlier would be about words
    that are gone.
    """
    if answer.response.status != "submitted":
        raise NotSentYet("That comment has not been sent yet.")
    names = theme_names()
    for name in (from_theme, to_theme):
        if name and name not in names:
            raise UnknownTheme("Choose one of the themes in the list.")
    themes = [t for t in (answer.themes or []) if t != from_theme]
    if to_theme and to_theme not in themes:
        themes.append(to_theme)
    themes.sort(key=lambda t: names.index(t) if t in names else len(names))
    override = session.scalar(select(ThemeOverride).where(ThemeOverride.answer_id == answer.id))
    if override is None:
        override = ThemeOverride(answer_id=answer.id)
        session.add(override)
    override.themes = themes
    override.chosen_by_id = actor_id
    answer.themes = themes
    if answer.response.submitted_at is not None:  # its day's theme counts change
        forget(session, [answer.response.submitted_at.date()])
    session.flush()
    return themes


def overridden(session: Session, answer_ids: list[int]) -> dict[int, list[str]]:
    """The themes a person chose, for those of these answers that have them."""
    if not answer_ids:
        return {}
    rows = session.execute(
        select(ThemeOverride.answer_id, ThemeOverride.themes).where(
            ThemeOverride.answer_id.in_(answer_ids)
        )
    )
    return {answer_id: list(themes or []) for answer_id, themes in rows}


def forget_override(session: Session, answer: Answer) -> None:
    """The words changed: a lead's choice was about the old ones. (A choice exists only
    for a sent response's comment; see `move_comment`.)"""
    if answer.response.status != "submitted":
        return
    override = session.scalar(select(ThemeOverride).where(ThemeOverride.answer_id == answer.id))
    if override is not None:
        session.delete(override)
