"""Purge what is past its retention date. Audited by count, never by content.

A row past its date is kept a little longer while a record with a later date still
points at it (or at one of its parts): a safeguarding alert about one comment keeps that
response until the alert itself goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from feedback.db import Model, utcnow
from feedback.staff.audit import record

BATCH = 500


@dataclass
class PurgeResult:
    deleted: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)  # held by a record kept longer

    @property
    def total(self) -> int:
        return sum(self.deleted.values())


def retained_models() -> list[type]:
    """Every model with a retention date: alerts first, since they point at responses."""
    models = [m.class_ for m in Model.registry.mappers if "retain_until" in m.columns]
    return sorted(models, key=lambda m: ("alert" not in m.__tablename__, m.__tablename__))


def _held_ids(session: Session, table: Table, root: Table, now: datetime, depth: int = 0) -> set:
    """Ids in `table` that a not-yet-expired record elsewhere still points at."""
    held: set = set()
    for other in Model.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is not table or other is root:
                continue
            if "retain_until" in other.c:
                live = or_(other.c.retain_until.is_(None), other.c.retain_until >= now)
                query = select(fk.parent).where(live, fk.parent.is_not(None))
                held.update(session.scalars(query))
            elif fk.ondelete == "CASCADE" and depth < 3:
                # A part deleted with its parent (an answer of a response): if a record
                # still points at the part, the parent is held too.
                parts = _held_ids(session, other, root, now, depth + 1)
                if parts:
                    pk = next(iter(other.primary_key.columns))
                    held.update(session.scalars(select(fk.parent).where(pk.in_(parts))))
    return held


def purge_expired(
    session: Session, now: datetime | None = None, actor_id: int | None = None
) -> PurgeResult:
    """Delete every row past its retention date; returns counts (the caller commits)."""
    now = now or utcnow()
    result = PurgeResult()
    for model in retained_models():
        table = model.__table__
        expired = model.retain_until.is_not(None) & (model.retain_until < now)
        ids = list(session.scalars(select(model.id).where(expired).order_by(model.id)))
        held = _held_ids(session, table, table, now) if ids else set()
        doomed = [i for i in ids if i not in held]
        for first in range(0, len(doomed), BATCH):
            chunk = doomed[first : first + BATCH]
            for row in session.scalars(select(model).where(model.id.in_(chunk))).all():
                session.delete(row)  # ORM cascades remove its parts (answers, signatures)
            session.flush()
        result.deleted[model.__tablename__] = len(doomed)
        result.kept[model.__tablename__] = len(ids) - len(doomed)
        if ids:
            record(
                session,
                "purged",
                actor_id=actor_id,
                target_type=model.__tablename__,
                detail=f"{len(doomed)} deleted, {len(ids) - len(doomed)} kept while a "
                "linked record is kept",
            )
    return result
