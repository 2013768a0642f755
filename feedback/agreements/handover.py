"""Handing an agreement over to another worker or team, when a worker leaves or moves.

The agreement moves whole: its versions, signatures, links and review date go with it.
An administrator may hand any agreement to anyone who can hold one; a team manager may
hand their team's agreements to a worker in their team, or to another team (whose team
manager then chooses the worker). Every handover is in the audit log.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.agreements.access import HOLDER_ROLES
from feedback.agreements.models import Agreement, AgreementError
from feedback.staff.audit import record
from feedback.staff.models import User


def targets(session: Session, actor: User) -> tuple[list[User], list[str]]:
    """(workers, teams) this person may hand an agreement to."""
    holders = list(
        session.scalars(
            select(User)
            .where(User.active, User.role.in_(HOLDER_ROLES))
            .order_by(User.team, User.name)
        )
    )
    teams = sorted({u.team for u in holders if u.team})
    if actor.role != "admin":
        holders = [u for u in holders if actor.team and u.team == actor.team]
    return holders, teams


def hand_over(
    session: Session,
    agreement: Agreement,
    *,
    actor: User,
    worker: User | None = None,
    team: str = "",
) -> None:
    """Give the agreement to `worker` (and their team), or to `team` with no worker yet."""
    workers, teams = targets(session, actor)
    if worker is not None:
        if worker not in workers:
            raise AgreementError("Choose a worker from the list.")
        team = worker.team
    elif team not in teams:
        raise AgreementError("Choose a worker or a team from the list.")
    new_worker_id = worker.id if worker else None
    if (agreement.worker_id, agreement.team) == (new_worker_id, team):
        raise AgreementError("The agreement is already held there.")
    before = f"worker {agreement.worker_id or 'none'}, team {agreement.team or 'none'}"
    agreement.worker, agreement.team = worker, team
    record(
        session,
        "agreement_handed_over",
        actor_id=actor.id,
        target_type="agreement",
        target_id=agreement.id,
        detail=f"from {before} to worker {new_worker_id or 'none'}, team {team or 'none'}",
    )
    session.flush()
