"""Who may see an agreement: its worker, leads and team managers of its team, and admins.

A participation lead (`lead`) or a team manager (`team_manager`) in the agreement's team
sees it; a team manager, or an administrator, may also hand it over to another worker or
team. Anyone else gets a 404, so the existence of an agreement is not revealed.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select, and_, false, or_, select
from sqlalchemy.orm import Session

from feedback.agreements.models import Agreement
from feedback.staff.models import User

REVIEW_SOON_DAYS = 14
TEAM_ROLES = ("lead", "team_manager")  # see every agreement of their own team
HOLDER_ROLES = ("practitioner", "lead", "team_manager")  # may hold agreements


def can_see(user: User, agreement: Agreement) -> bool:
    """Say whether this member of staff may see this agreement."""
    if not user.is_authenticated:
        return False
    if user.role == "admin" or agreement.worker_id == user.id:
        return True
    return user.role in TEAM_ROLES and bool(user.team) and user.team == agreement.team


def can_hand_over(user: User, agreement: Agreement) -> bool:
    """Administrators, and team managers of the agreement's team, may hand it over."""
    if user.role == "admin":
        return True
    return user.role == "team_manager" and can_see(user, agreement)


def visible(user: User) -> Select:
    """A query for the agreements this user may see."""
    query = select(Agreement)
    if user.role == "admin":
        return query
    team_rule = (
        and_(Agreement.team == user.team) if user.role in TEAM_ROLES and user.team else false()
    )
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
