"""The audit log, for administrators: who did what to which record, and when (UTC)."""

from __future__ import annotations

from flask import render_template, request
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.staff import bp
from feedback.staff.audit import ACTIONS, AuditEvent, log
from feedback.staff.models import User
from feedback.staff.roles import role_required

PAGE_SIZE = 100


@bp.get("/audit")
@role_required()  # administrators only
def audit_log():
    """List audit events, newest first, optionally for one action or one member of staff."""
    action = request.args.get("action", "")
    actor = request.args.get("actor", "")
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    query = select(AuditEvent, User.name).outerjoin(User, User.id == AuditEvent.actor_id)
    if action:
        query = query.where(AuditEvent.action == action)
    if actor.isdigit():
        query = query.where(AuditEvent.actor_id == int(actor))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.execute(
        query.order_by(AuditEvent.id.desc()).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    actions = sorted(set(ACTIONS) | set(db.session.scalars(select(AuditEvent.action).distinct())))
    log("viewed", "audit_log", "", f"page {page}")
    db.session.commit()
    return render_template(
        "staff/audit.html",
        rows=rows,
        actions=actions,
        action=action,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
    )
