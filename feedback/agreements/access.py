"""Who may see an agreement: its worker, leads of the worker's team, and admins.

There is no separate "manager" role: a participation lead (`lead`) in the same team as
the agreement's worker is treated as that worker's manager. Anyone else gets a 404, so
the existence of an agreement is not revealed.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select, and_, false, or_, select
from sqlalchemy.orm import Session

from feedback.agreements.models import Agreement
from feedback.staff.models import User

REVIEW_SOON_DAYS = 14


def can_see(user: User, agreement: Agreement) -> bool:
    """Say whether this member of staff may see this agreement."""
    if not user.is_authenticated:
        return False
    if user.role == "admin" or agreement.worker_id == user.id:
        return True
    return user.role == "lead" and bool(user.team) and user.team == agreement.team


def visible(user: User) -> Select:
    """A query for the agreements this user may see."""
    query = select(Agreement)
    if user.role == "admin":
        return query
    team_rule = and_(Agreement.team == user.team) if user.role == "lead" and user.team else false()
    return query.where(or_(Agreement.worker_id == user.id, team_rule))


def due_for_review(session: Session, user: User, today: date) -> tuple[list, list]:
    """(overdue, due in the next 14 days) among the agreements this user may see."""
    soon = today + timedelta(days=REVIEW_SOON_DAYS)
    rows = session.scalars(
        visible(user)
        .where(Agreement.review_date.is_not(None), Agreement.review_date <= soon)
        .order_by(Agreement.review_date)
    ).all()
    return [a for a in rows if a.review_date < today], [a for a in rows if a.review_date >= today]
