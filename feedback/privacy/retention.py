"""Retention: every response, agreement and alert gets a date after which it is purged.

Periods come from config (RETENTION_DAYS, set from the environment; see
docs/configuration.md). The dates are filled in automatically when a row is flushed, so
no other module has to remember: a new row with a `retain_until` column that is still
empty gets one, and a response gets a new one when it is sent (unfinished responses are
kept only briefly).
A record still in use is kept for the full period from its last change, to the day:
adding a part (a new version or signature of an agreement, an answer) moves its date on.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import event, inspect
from sqlalchemy.orm import MANYTOONE, Session
from sqlalchemy.orm.base import NO_VALUE

from feedback.db import utcnow

DEFAULT_DAYS = {"responses": 730, "unfinished_responses": 30, "agreements": 2190, "alerts": 2190}


def current_days() -> dict[str, int]:
    """The configured periods, or the defaults outside a Flask app (scripts, services)."""
    from flask import current_app, has_app_context

    if has_app_context():
        return {**DEFAULT_DAYS, **current_app.config.get("RETENTION_DAYS", {})}
    return dict(DEFAULT_DAYS)


def kind_of(obj: object) -> str:
    """Which retention period applies to this row."""
    table = getattr(obj, "__tablename__", "")
    if table == "responses":
        return "responses" if getattr(obj, "status", "") == "submitted" else "unfinished_responses"
    if "alert" in table:
        return "alerts"
    if "agreement" in table:
        return "agreements"
    return "agreements"  # anything else with a retention date: the longest ordinary period


def _start_of(obj: object, now: datetime) -> datetime:
    for name in ("submitted_at", "created_at", "started_at", "raised_at"):
        value = getattr(obj, name, None)
        if isinstance(value, datetime):
            return value
    return now


def retain_until(obj: object, days: dict[str, int] | None = None) -> datetime:
    """The date `obj` may be kept until, from the period for its kind."""
    days = days or current_days()
    return _start_of(obj, utcnow()) + timedelta(days=days[kind_of(obj)])


def _in_memory(session: Session, obj: object, rel):
    """The record `rel` points at, if it is already loaded (never a query during a flush)."""
    state = inspect(obj)
    parent = state.attrs[rel.key].loaded_value
    if parent is not NO_VALUE:
        return parent
    if len(rel.local_columns) != 1:
        return None
    column = next(iter(rel.local_columns))
    value = getattr(obj, state.mapper.get_property_by_column(column).key, None)
    if value is None:
        return None
    return session.identity_map.get(rel.mapper.identity_key_from_primary_key([value]))


def _parents(session: Session, obj: object, depth: int = 0):
    """The records this one belongs to, up to three levels (a signature's agreement)."""
    if depth > 2:
        return
    for rel in inspect(obj).mapper.relationships:
        if rel.direction is MANYTOONE and not rel.viewonly:
            parent = _in_memory(session, obj, rel)
            if parent is not None:
                yield parent
                yield from _parents(session, parent, depth + 1)


# A record's date moves on to the day, not the second: a child answering ten questions
# in a row should not rewrite their response's date ten times.
EXTEND_STEP = timedelta(days=1)


def moved_on(current: datetime | None, kind: str, days: dict[str, int] | None = None):
    """The new retention date for a record of this kind that has just gained a part, or
    None if it keeps its own (none set yet, or less than a day would be gained)."""
    if current is None:
        return None
    later = utcnow() + timedelta(days=(days or current_days())[kind])
    return later if later - current >= EXTEND_STEP else None


def _extend_parents(session: Session, days: dict[str, int]) -> None:
    for obj in list(session.new):
        for parent in _parents(session, obj):
            later = moved_on(getattr(parent, "retain_until", None), kind_of(parent), days)
            if later is not None:
                parent.retain_until = later


@event.listens_for(Session, "before_flush")
def _fill_retention_dates(session: Session, _context, _instances) -> None:
    days = None
    if session.new:
        days = current_days()
        _extend_parents(session, days)
    for obj in list(session.new) + list(session.dirty):
        if not hasattr(obj, "retain_until"):
            continue
        sent_now = False
        if getattr(obj, "__tablename__", "") == "responses" and obj not in session.new:
            sent_now = inspect(obj).attrs.status.history.has_changes()
        if obj.retain_until is None or sent_now:
            days = days or current_days()
            obj.retain_until = retain_until(obj, days)


def describe_days(days: int) -> str:
    """Say a period the way people do: '2 years', '6 months', '30 days' (in the page's
    language: a Welsh or Urdu privacy notice says it in Welsh or Urdu)."""
    from flask_babel import ngettext

    if days % 365 == 0:
        return ngettext("%(num)d year", "%(num)d years", days // 365)
    if days >= 60 and days % 30 == 0:
        return ngettext("%(num)d month", "%(num)d months", days // 30)
    return ngettext("%(num)d day", "%(num)d days", days)


def describe_hours(hours: int) -> str:
    """Say a number of hours in the page's language ('12 hours')."""
    from flask_babel import ngettext

    return ngettext("%(num)d hour", "%(num)d hours", hours)
