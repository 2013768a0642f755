"""Count events against limits in the database, so that every worker and every machine
sees the same numbers (a per-worker memory count lets each worker allow the full limit).

Each limit is a sliding window, counted the usual cheap way: the count in this window,
plus the count in the window before weighted by how much of it still lies in the last
`seconds` seconds. One row per limit and subject, updated in one statement (an upsert),
so two workers counting at once both count.

Services here take a session and flush nothing themselves beyond their statements; the
caller commits (see `feedback.limits.guard`, which uses a short transaction of its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from feedback.limits.models import RateCount


@dataclass(frozen=True)
class Rule:
    """At most `limit` events in any `seconds` seconds, for one subject."""

    name: str
    limit: int
    seconds: int

    def key(self, subject: str) -> str:
        return f"{self.name}:{self.seconds}:{subject}"[:96]


def _weighted(rule: Rule, slot: int, count: int, previous: int, now: float) -> float:
    """The sliding-window count, from a row last written in window `slot`."""
    current = int(now // rule.seconds)
    if slot == current - 1:
        count, previous = 0, count
    elif slot != current:
        return 0.0
    into = (now % rule.seconds) / rule.seconds
    return previous * (1 - into) + count


def _upsert(dialect):
    """Count into a row, moving it on to the current window first if it is older."""
    stmt = dialect.insert(RateCount).values(
        key=bindparam("key"),
        slot=bindparam("slot"),
        count=bindparam("amount"),
        previous=0,
        expires=bindparam("expires"),
    )
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[RateCount.key],
        # Every right-hand side sees the row as it was (SQL's rule for SET).
        set_={
            "previous": case(
                (RateCount.slot == new.slot, RateCount.previous),
                (RateCount.slot == new.slot - 1, RateCount.count),
                else_=0,
            ),
            "count": case(
                (RateCount.slot == new.slot, RateCount.count + new.count), else_=new.count
            ),
            "slot": new.slot,
            "expires": new.expires,
        },
    ).returning(RateCount.count, RateCount.previous, sort_by_parameter_order=True)


# Built once: putting the statement together cost more than running it.
_UPSERT = {"postgresql": _upsert(postgresql), "sqlite": _upsert(sqlite)}


def hit(session: Session, rule: Rule, subject: str, now: float, amount: int = 1) -> float:
    """Count `amount` events for `subject` now; return the sliding count including them."""
    return hit_all(session, [(rule, subject)], now, amount)[0]


def hit_all(
    session: Session, counted: list[tuple[Rule, str]], now: float, amount: int = 1
) -> list[float]:
    """`hit` for several limits (each rule and subject once) in one statement."""
    params = []
    for rule, subject in counted:
        slot = int(now // rule.seconds)
        expires = (slot + 2) * rule.seconds
        params.append(
            {"key": rule.key(subject), "slot": slot, "amount": amount, "expires": expires}
        )
    connection = session.connection()
    rows = connection.execute(_UPSERT[connection.dialect.name], params).all()
    if any(count == amount for count, _ in rows):  # a new window: time to sweep old rows
        connection.execute(_SWEEP, {"now": now})
    return [
        _weighted(rule, int(now // rule.seconds), count, previous, now)
        for (rule, _), (count, previous) in zip(counted, rows, strict=True)
    ]


_SWEEP = delete(RateCount).where(RateCount.expires < bindparam("now"))


def unhit(session: Session, rule: Rule, subject: str, now: float, amount: int = 1) -> None:
    """Take back events counted by `hit` in this window (a refused request does not count)."""
    session.execute(
        update(RateCount)
        .where(RateCount.key == rule.key(subject), RateCount.slot == int(now // rule.seconds))
        .values(count=RateCount.count - amount)
    )


def peek(session: Session, rule: Rule, subject: str, now: float) -> float:
    """The sliding count for `subject` now, without counting anything."""
    return peek_all(session, [(rule, subject)], now)[0]


_PEEK = select(RateCount.key, RateCount.slot, RateCount.count, RateCount.previous).where(
    RateCount.key.in_(bindparam("keys", expanding=True))
)


def peek_all(session: Session, counted: list[tuple[Rule, str]], now: float) -> list[float]:
    """`peek` for several limits, in one statement."""
    keys = [rule.key(subject) for rule, subject in counted]
    # On the connection: a plain read of four numbers needs none of the ORM's work.
    rows = {key: row for key, *row in session.connection().execute(_PEEK, {"keys": keys})}
    return [
        _weighted(rule, *rows[key], now) if key in rows else 0.0
        for (rule, _), key in zip(counted, keys, strict=True)
    ]
