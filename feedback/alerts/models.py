"""Safeguarding alerts: a comment that may show a child is at risk, and what was done.

An alert is raised in the same transaction as the answer it is about, so there is never
an answer without its alert, nor an alert without its answer. It keeps its own copy of
the comment (a child may change their answer before sending; what they first wrote
still matters). It is worked (assigned, noted, closed with an outcome, reopened) through
`feedback.alerts.work`, whose records are append-only; it is never deleted before its
retention date: triggers in the database refuse it (see `guard.py`).

No Flask here: services flush, the caller commits; emails go out after the commit
(`feedback.alerts.mail`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, event, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from feedback.db import Model, UTCDateTime, utcnow
from feedback.surveys.models import Answer, Survey

EMAIL_STATUSES = ("pending", "sent", "failed", "not_set_up")
RAISED_KEY = "safeguarding_alerts_raised"  # session.info: alerts flushed, not yet committed


class SafeguardingAlert(Model):
    __tablename__ = "safeguarding_alerts"
    __table_args__ = (
        CheckConstraint(f"email_status IN {EMAIL_STATUSES!r}", name="email_status_known"),
        Index("ix_safeguarding_alerts_open", "closed_at", "raised_at"),
        Index("ix_safeguarding_alerts_answer", "answer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id", ondelete="SET NULL"))
    comment: Mapped[str] = mapped_column(Text)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # "words": written words that may show harm; "safety_answer": the lowest answer to a
    # safety question ("How safe do you feel where you live?"); "by_hand": raised by a
    # member of staff who read the comment (their reason is the alert's reason).
    kind: Mapped[str] = mapped_column(String(20), default="words", server_default="words")
    # What the child chose to give when asked "Do you want someone to talk to you about
    # this?": a name or a way to reach them. Only the safeguarding lead sees it.
    contact: Mapped[str | None] = mapped_column(Text)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Before alerts could be worked, an alert was acknowledged once with the action taken;
    # those records are kept as they were (the migration `reading_1` closed them as
    # "other" with that action as the closing note).
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    action_taken: Mapped[str | None] = mapped_column(Text)
    email_status: Mapped[str] = mapped_column(String(12), default="pending")
    email_attempts: Mapped[int] = mapped_column(default=0)
    email_error: Mapped[str] = mapped_column(String(200), default="")
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retain_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The current state, kept in step with the append-only events (`feedback.alerts.work`).
    # No foreign key: SQLite can only add one by rebuilding the table, which would drop
    # the guard triggers. The assignment itself is kept (with its key) in alert_events; a
    # removed account here just shows as "not given to anyone".
    assigned_to_id: Mapped[int | None]
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(20))

    answer: Mapped[Answer | None] = relationship()
    survey: Mapped[Survey | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def respondent_name(self) -> str | None:
        """The name the child or family chose to give, on a named survey only."""
        if self.answer is None or self.survey is None or not self.survey.named_responses:
            return None
        return self.answer.response.respondent_name or None


def raise_alert(
    session: Session,
    answer: Answer,
    reasons: Sequence[str],
    *,
    kind: str = "words",
    comment: str | None = None,
) -> tuple[SafeguardingAlert, bool]:
    """Raise an alert about this answer (its words, unless `comment` says what was
    answered), unless there is one for the same words already (then that one is
    returned). Says whether the alert is new."""
    comment = answer.value or "" if comment is None else comment
    existing = session.scalar(
        select(SafeguardingAlert).where(
            SafeguardingAlert.answer_id == answer.id, SafeguardingAlert.comment == comment
        )
    )
    if existing is not None:
        return existing, False
    alert = SafeguardingAlert(
        answer_id=answer.id,
        survey_id=answer.response.survey_id,
        comment=comment,
        reasons=list(reasons),
        kind=kind,
    )
    session.add(alert)
    session.flush()
    session.info.setdefault(RAISED_KEY, set()).add(alert.id)
    return alert, True


def add_contact(session: Session, response, contact: str) -> int:
    """Keep what a child gave when asked "Do you want someone to talk to you?" on each
    alert about their answers (only the safeguarding lead sees alerts). Says how many."""
    answer_ids = [a.id for a in response.answers]
    found = session.scalars(
        select(SafeguardingAlert).where(SafeguardingAlert.answer_id.in_(answer_ids))
    ).all()
    for alert in found:
        alert.contact = contact
    session.flush()
    return len(found)


def open_alert_count(session: Session) -> int:
    """How many alerts are still open (one indexed count)."""
    stmt = select(func.count(SafeguardingAlert.id)).where(SafeguardingAlert.closed_at.is_(None))
    return session.scalar(stmt) or 0


def committed_alerts(session: Session) -> set[int]:
    """Ids of alerts raised in the transaction just committed (call from after_commit)."""
    return session.info.pop(RAISED_KEY, None) or set()


@event.listens_for(Session, "after_rollback")
def _alerts_rolled_back(session: Session) -> None:
    session.info.pop(RAISED_KEY, None)  # they were never saved: nothing to email


from feedback.alerts import guard  # noqa: E402,F401  (the database's own refusals)
