"""Working an alert: raise one by hand, assign it, add notes, close it with an outcome,
reopen it. Each step adds a row to the append-only history (`feedback.alerts.history`)
and keeps the alert's current state (assignee, closed, outcome) in step with it.

No Flask here: services flush, the caller commits and audits.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback.alerts.history import OUTCOMES, AlertEvent, AlertNote
from feedback.alerts.models import RAISED_KEY, SafeguardingAlert
from feedback.db import utcnow
from feedback.staff.models import User
from feedback.surveys.models import Answer

WORKERS = ("safeguarding", "admin")  # who an alert may be assigned to


class AlertStateError(ValueError):
    """The alert is not in a state that allows this (closed twice, already open...)."""


def _said(words: str, missing: str) -> str:
    words = (words or "").strip()
    if not words:
        raise ValueError(missing)
    return words


def raise_by_hand(session: Session, answer: Answer, user_id: int, reason: str) -> SafeguardingAlert:
    """Raise an alert about a comment a member of staff has read, with their reason. It
    is emailed to the safeguarding leads like any other. Refused while an alert about the
    same comment is still open."""
    reason = _said(reason, "Say why this comment worries you.")
    already = session.scalar(
        select(SafeguardingAlert.id).where(
            SafeguardingAlert.answer_id == answer.id, SafeguardingAlert.closed_at.is_(None)
        )
    )
    if already is not None:
        raise AlertStateError(
            f"There is already an open alert about this comment (alert {already})."
        )
    alert = SafeguardingAlert(
        answer_id=answer.id,
        survey_id=answer.response.survey_id,
        comment=answer.value or "",
        reasons=[reason],
        kind="by_hand",
    )
    session.add(alert)
    session.flush()
    session.add(AlertEvent(alert_id=alert.id, kind="raised", by_id=user_id, note=reason))
    session.flush()
    session.info.setdefault(RAISED_KEY, set()).add(alert.id)
    return alert


def assignable(session: Session) -> list[User]:
    """Active safeguarding leads and administrators, who an alert may be assigned to."""
    stmt = select(User).where(User.role.in_(WORKERS), User.active.is_(True)).order_by(User.name)
    return list(session.scalars(stmt))


def assign_alert(
    session: Session, alert: SafeguardingAlert, user_id: int, assignee: User
) -> AlertEvent:
    """Give the alert to a safeguarding lead or administrator to follow up."""
    if assignee.role not in WORKERS or not assignee.active:
        raise ValueError("Alerts can only be given to a safeguarding lead or an administrator.")
    alert.assigned_to_id = assignee.id
    event = AlertEvent(alert_id=alert.id, kind="assigned", by_id=user_id, assignee_id=assignee.id)
    session.add(event)
    session.flush()
    return event


def add_note(session: Session, alert: SafeguardingAlert, user_id: int, text: str) -> AlertNote:
    """Add a dated note to the alert (kept as written, never changed)."""
    note = AlertNote(alert_id=alert.id, by_id=user_id, text=_said(text, "Write the note."))
    session.add(note)
    session.flush()
    return note


def close_alert(
    session: Session, alert: SafeguardingAlert, user_id: int, outcome: str, note: str
) -> AlertEvent:
    """Close the alert with an outcome and what was done. "No concern" returns the comment
    to themes, quotes and exports (see `feedback.alerts.withheld`)."""
    if outcome not in OUTCOMES:
        raise ValueError("Choose an outcome.")
    note = _said(note, "Say what was done, for example who you told and when.")
    # One statement that only closes an open alert: two people closing it at the same
    # moment cannot both succeed.
    if not _set_state(session, alert, True, closed_at=utcnow(), outcome=outcome):
        raise AlertStateError("This alert is already closed.")
    event = AlertEvent(alert_id=alert.id, kind="closed", by_id=user_id, outcome=outcome, note=note)
    session.add(event)
    session.flush()
    return event


def _set_state(session: Session, alert: SafeguardingAlert, is_open: bool, **values) -> bool:
    state = (
        SafeguardingAlert.closed_at.is_(None)
        if is_open
        else SafeguardingAlert.closed_at.is_not(None)
    )
    done = session.execute(
        update(SafeguardingAlert).where(SafeguardingAlert.id == alert.id, state).values(**values)
    )
    session.refresh(alert)
    return done.rowcount == 1


def reopen_alert(session: Session, alert: SafeguardingAlert, user_id: int, why: str) -> AlertEvent:
    """Open a closed alert again, saying why; its comment is withheld again."""
    why = _said(why, "Say why the alert is opened again.")
    if not _set_state(session, alert, False, closed_at=None, outcome=None):
        raise AlertStateError("This alert is already open.")
    event = AlertEvent(alert_id=alert.id, kind="reopened", by_id=user_id, note=why)
    session.add(event)
    session.flush()
    return event


def history(session: Session, alert: SafeguardingAlert) -> list[AlertEvent | AlertNote]:
    """The alert's events and notes, oldest first."""
    events = session.scalars(select(AlertEvent).where(AlertEvent.alert_id == alert.id)).all()
    notes = session.scalars(select(AlertNote).where(AlertNote.alert_id == alert.id)).all()
    return sorted([*events, *notes], key=lambda row: (row.at, row.id))
