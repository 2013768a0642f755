"""Append-only audit log: who did what to which record, never the content.

Times are UTC. The database refuses to change or delete an event (triggers on SQLite and
PostgreSQL, created with the table and by the migration); the one change allowed is the
foreign key's own SET NULL when a staff account is removed.

`record(session, ...)` is the Flask-free service; `log(...)` is the helper views call: it
fills in the signed-in member of staff. Use the action names in ACTIONS.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from feedback.db import Model, UTCDateTime, utcnow

ACTIONS = {
    "login": "signed in",
    "login_failed": "sign-in refused",
    "login_code_failed": "second-factor code refused",
    "logout": "signed out",
    "session_expired": "signed out after a timeout",
    "sessions_ended": "ended every session of a staff account",
    "credentials_changed": "changed their password",
    "two_factor_on": "turned on two-step sign-in",
    "two_factor_off": "turned off two-step sign-in",
    "denied": "was refused a page (403)",
    "viewed": "viewed personal data",
    "exported": "exported personal data",
    "pdf": "made a PDF",
    "corrected": "corrected personal data",
    "erased": "erased personal data",
    "purged": "purged records past their retention date",
    "alert_viewed": "opened a safeguarding alert",
    "alert_handled": "recorded action on a safeguarding alert",
    "alert_raised": "raised a safeguarding alert by hand",
    "alert_assigned": "gave a safeguarding alert to someone",
    "alert_noted": "added a note to a safeguarding alert",
    "alert_closed": "closed a safeguarding alert",
    "alert_reopened": "reopened a safeguarding alert",
    "comments_listed": "opened the comments to read",
    "comment_read": "marked a comment read",
    "backup": "made a backup",
    "account_disabled": "disabled a staff account",
    "account_enabled": "enabled a staff account",
}


class AuditEvent(Model):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")

    @property
    def description(self) -> str:
        return ACTIONS.get(self.action, self.action)


def record(
    session: Session,
    action: str,
    *,
    actor_id: int | None = None,
    target_type: str = "",
    target_id: object = "",
    detail: str = "",
) -> AuditEvent:
    """Add an audit event to the session (the caller's commit makes it stick)."""
    event = AuditEvent(
        actor_id=actor_id,
        action=action,
        target_type=target_type,
        target_id=str(target_id)[:64],
        detail=detail[:200],
    )
    session.add(event)
    return event


def log(action: str, target_type: str = "", target_id: object = "", detail: str = ""):
    """Record what the signed-in member of staff did, in the request's session.

    For views: `audit.log("exported", "response", response.id, "json")`, then commit.
    """
    from flask_login import current_user

    from feedback.extensions import db

    actor = current_user.id if current_user and current_user.is_authenticated else None
    return record(
        db.session,
        action,
        actor_id=actor,
        target_type=target_type,
        target_id=target_id,
        detail=detail,
    )


# --- append-only, enforced by the database ------------------------------------------

_CHANGED = (
    "NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.action IS NOT OLD.action"
    " OR NEW.target_type IS NOT OLD.target_type OR NEW.target_id IS NOT OLD.target_id"
    " OR NEW.detail IS NOT OLD.detail OR NEW.actor_id IS NOT NULL"
)
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    f"WHEN {_CHANGED} BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW "
    f"WHEN ({_CHANGED.replace('IS NOT OLD', 'IS DISTINCT FROM OLD')}) "
    "EXECUTE FUNCTION audit_events_append_only()",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW "
    "EXECUTE FUNCTION audit_events_append_only()",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS audit_events_no_update ON audit_events",
    "DROP TRIGGER IF EXISTS audit_events_no_delete ON audit_events",
    "DROP FUNCTION IF EXISTS audit_events_append_only()",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_events_no_update",
    "DROP TRIGGER IF EXISTS audit_events_no_delete",
)

for _sql in SQLITE_TRIGGERS:
    event.listen(AuditEvent.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite"))
for _sql in POSTGRES_TRIGGERS:
    event.listen(AuditEvent.__table__, "after_create", DDL(_sql).execute_if(dialect="postgresql"))
# PostgreSQL keeps the function after the table is dropped; drop it with the table.
event.listen(
    AuditEvent.__table__,
    "after_drop",
    DDL(POSTGRES_DROP[2]).execute_if(dialect="postgresql"),
)
