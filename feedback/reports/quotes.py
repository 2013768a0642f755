"""Comments we may quote: the one rule, used by every screen and report that shows a quote.

A comment may be quoted only when all of these hold:

- it is a written answer (not skipped, not empty) in a response that was SENT;
- the person who wrote it ticked "you can quote me" (`Answer.ok_to_quote`);
- it is not withheld for safeguarding: not flagged by the screen and with no alert, or
  every alert about it closed as "no concern" (`feedback.alerts.withheld`);
- the participation lead has not left it out (`WithheldQuote`).

Its words are only ever handed out redacted (staff names, the respondent's own name,
phone numbers, emails, social-media handles, addresses, schools). The dashboard, the
quotes page, the "you told us" suggestions and both report editions (and the public page)
all read quotes through `quotable` and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from feedback.alerts.withheld import shown
from feedback.analysis.scores import in_scope
from feedback.reports.models import WithheldQuote
from feedback.reports.redact import redact
from feedback.staff.models import User
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question, Response

NEWEST = 1000  # quotes are chosen from the newest comments only
# With a period, look first among this many newest responses per quote wanted, then
# four times as many, and so on (see `_newest`).
RESPONSES_PER_QUOTE = 4


@dataclass(frozen=True)
class Quote:
    """A comment as it may be shown: redacted, with what it is about."""

    answer_id: int
    principle: int  # the principle of the question it answered
    themes: tuple[str, ...]
    audience: str
    text: str  # redacted
    withheld: bool = False


def quotable_query(*, include_withheld: bool = False) -> Select:
    """The rule as a query: sent, agreed by its writer, not withheld for safeguarding,
    (not left out by the lead)."""
    withheld = select(WithheldQuote.answer_id).where(WithheldQuote.answer_id == Answer.id)
    stmt = (
        select(
            Answer.id,
            Question.principle,
            Answer.themes,
            Response.audience,
            Answer.value,
            Response.respondent_name,
            withheld.exists().label("withheld"),
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(
            Response.status == "submitted",
            Response.submitted_at.is_not(None),
            Question.kind.in_(WORD_KINDS),
            Answer.ok_to_quote.is_(True),
            shown(),
            Answer.skipped.is_(False),
            Answer.value.is_not(None),
        )
    )
    return stmt if include_withheld else stmt.where(~withheld.exists())


def quotable(
    session: Session,
    *,
    bounds: tuple[datetime, datetime] | None = None,
    surveys: Iterable[int] = (),
    audiences: Iterable[str] = (),
    principle: int | None = None,
    include_withheld: bool = False,
    limit: int = NEWEST,
    offset: int = 0,
) -> list[Quote]:
    """The newest comments we may quote, redacted; the lead's page also sees withheld ones."""
    stmt = quotable_query(include_withheld=include_withheld)
    surveys, audiences = tuple(surveys), tuple(audiences)
    if bounds is None and audiences:
        stmt = stmt.where(Response.audience.in_(audiences))
    if principle is not None:
        stmt = stmt.where(Question.principle == principle)
    stmt = stmt.order_by(Response.submitted_at.desc(), Answer.id.desc()).limit(limit)
    stmt = stmt.offset(offset)
    if bounds is None:
        rows = session.execute(stmt).all()
    else:
        rows = _newest(session, stmt, bounds, surveys, audiences, (limit, offset))
    staff = staff_names(session) if rows else []
    quotes = []
    for answer_id, number, themes, audience, value, name, withheld in rows:
        text = redact(value.strip(), names=[*staff, name or ""])
        if text:
            quotes.append(Quote(answer_id, number, _themes(themes), audience, text, bool(withheld)))
    return quotes


def _newest(session: Session, stmt: Select, bounds, surveys, audiences, page) -> list:
    """Run `stmt` in the period, looking first among the newest responses only.

    Over a whole period the database's planner sorts every quotable comment before taking
    the newest (seconds with a million responses); among the few thousand newest
    responses it walks them newest first (milliseconds). The answer is the same: it is
    only taken from the newest responses when they give all the rows asked for; if not,
    four times as many are tried, up to the whole period.
    """
    (start, end), (limit, offset) = bounds, page
    responses = RESPONSES_PER_QUOTE * max(limit + offset, 1)
    while True:
        since = in_scope(select(Response.submitted_at), (start, end), surveys, audiences)
        since = session.scalar(
            since.order_by(Response.submitted_at.desc()).offset(responses - 1).limit(1)
        )
        # Every response sent at or after `since`: at least `responses` of them.
        rows = session.execute(in_scope(stmt, (since or start, end), surveys, audiences)).all()
        if since is None or since <= start or len(rows) >= limit:
            return rows
        responses *= 4


def staff_names(session: Session) -> list[str]:
    """Every staff member's name: taken out of any quote."""
    return list(session.scalars(select(User.name)))


def _themes(value) -> tuple[str, ...]:
    if isinstance(value, str):  # a JSON column read back as text on some drivers
        return tuple(json.loads(value) or ())
    return tuple(value or ())
