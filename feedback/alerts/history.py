"""An alert's history: dated notes and events (raised by hand, assigned, closed with an
outcome, reopened). Both tables are append-only: the database refuses to change a row,
and to delete one while its alert is kept (triggers on SQLite and PostgreSQL, created
with the tables and by the migration `reading_1`). The one change allowed is the foreign
key's own SET NULL when a staff account is removed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, CheckConstraint, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Model, UTCDateTime, utcnow

OUTCOMES = {
    "no_concern": "No concern",
    "talked_with_worker": "Talked with the worker",
    "referred": "Referred",
    "other": "Other",
}
EVENT_KINDS = ("raised", "assigned", "closed", "reopened")


class AlertEvent(Model):
    __tablename__ = "alert_events"
    __table_args__ = (
        CheckConstraint(f"kind IN {EVENT_KINDS!r}", name="kind_known"),
        Index("ix_alert_events_alert", "alert_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")

    @property
    def outcome_label(self) -> str:
        return OUTCOMES.get(self.outcome or "", "")


class AlertNote(Model):
    __tablename__ = "alert_notes"
    __table_args__ = (Index("ix_alert_notes_alert", "alert_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)


_NOT_CHANGE = "the history of a safeguarding alert cannot be changed"
_NOT_DELETE = "the history of a safeguarding alert cannot be deleted while the alert is kept"
# Columns a removed staff account may set to NULL; every other change is refused.
_PEOPLE = {"alert_events": ("by_id", "assignee_id"), "alert_notes": ("by_id",)}
_FIXED = {
    "alert_events": ("id", "alert_id", "kind", "at", "outcome", "note"),
    "alert_notes": ("id", "alert_id", "at", "text"),
}


def _refused_update(table: str, distinct: str) -> str:
    fixed = [f"NEW.{c} {distinct} OLD.{c}" for c in _FIXED[table]]
    people = [f"(NEW.{c} {distinct} OLD.{c} AND NEW.{c} IS NOT NULL)" for c in _PEOPLE[table]]
    return " OR ".join(fixed + people)


_KEPT = (
    "EXISTS (SELECT 1 FROM safeguarding_alerts a WHERE a.id = OLD.alert_id"
    " AND (a.retain_until IS NULL OR a.retain_until > NOW_FUNCTION))"
)


def _alert_kept(now: str) -> str:
    # The alert is still there and not past its retention date (during `purge-expired`
    # the alert's own delete cascades here, and is allowed). `now` is one of two fixed
    # SQL functions, never input.
    return _KEPT.replace("NOW_FUNCTION", now)


SQLITE_NOW = "datetime('now')"


def sqlite_triggers(table: str) -> tuple[str, ...]:
    return (
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"WHEN {_refused_update(table, 'IS NOT')} "
        f"BEGIN SELECT RAISE(ABORT, '{_NOT_CHANGE}'); END",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"WHEN {_alert_kept(SQLITE_NOW)} "
        f"BEGIN SELECT RAISE(ABORT, '{_NOT_DELETE}'); END",
    )


def postgres_triggers(table: str) -> tuple[str, ...]:
    return (
        f"CREATE OR REPLACE FUNCTION {table}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION '{_NOT_CHANGE}'; END IF; "
        f"IF {_alert_kept('now()')} THEN RAISE EXCEPTION '{_NOT_DELETE}'; END IF; "
        "RETURN OLD; END $$",
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH ROW "
        f"WHEN ({_refused_update(table, 'IS DISTINCT FROM')}) "
        f"EXECUTE FUNCTION {table}_refuse()",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW "
        f"EXECUTE FUNCTION {table}_refuse()",
    )


def postgres_drop(table: str) -> tuple[str, ...]:
    return (f"DROP FUNCTION IF EXISTS {table}_refuse() CASCADE",)


for _model in (AlertEvent, AlertNote):
    _name = _model.__tablename__
    for _sql in sqlite_triggers(_name):
        event.listen(_model.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite"))
    for _sql in postgres_triggers(_name):
        event.listen(_model.__table__, "after_create", DDL(_sql).execute_if(dialect="postgresql"))
    for _sql in postgres_drop(_name):
        event.listen(_model.__table__, "after_drop", DDL(_sql).execute_if(dialect="postgresql"))
