"""Actions: what we did (or will do) about what children and families told us."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Model, UTCDateTime, utcnow

ACTION_STATUSES = ("planned", "in_progress", "done")
STATUS_NAMES = {"planned": "Planned", "in_progress": "In progress", "done": "Done"}


class Action(Model):
    """One "we did" entry, against a principle and (optionally) a theme."""

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint(f"status IN {ACTION_STATUSES!r}", name="status_known"),
        CheckConstraint("principle BETWEEN 1 AND 6", name="principle_range"),
        Index("ix_actions_principle", "principle"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    principle: Mapped[int]
    theme: Mapped[str] = mapped_column(String(80), default="")
    you_told_us: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")
    started_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    # Published in the board edition (staff words are fine there).
    ready_to_publish: Mapped[bool] = mapped_column(default=False)
    # Also published for children and families (booklet and public page): only allowed
    # while the language checker finds no jargon, acronyms or blaming words (publishing.py).
    for_families: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    # Who the family words are written for: the checker reads them as this audience would.
    audience: Mapped[str] = mapped_column(String(10), default="8-12", server_default="8-12")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]

    def set_status(self, status: str, today: date) -> None:
        """Move to a new status; finishing records the day it was done."""
        if status not in ACTION_STATUSES:
            raise ValueError(f"Unknown status {status!r}.")
        self.status = status
        if status == "done" and self.done_on is None:
            self.done_on = today
        elif status != "done":
            self.done_on = None


class WithheldQuote(Model):
    """A comment the lead chose to leave out of quotes, though its writer allowed it."""

    __tablename__ = "withheld_quotes"

    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
    )
    withheld_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    withheld_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
