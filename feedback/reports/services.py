"""Report services: find surveys, build and render a report, record actions, mark quotes.

No Flask here: each takes a Session, flushes but never commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from feedback.reports.data import Report, build_report
from feedback.reports.models import Action
from feedback.reports.period import Period
from feedback.reports.render import render_pdf
from feedback.reports.words import Service
from feedback.surveys.models import Answer, Question, Survey


class UnknownSurvey(ValueError):
    """A survey code that matches no survey."""


class CannotQuote(ValueError):
    """This comment may not be quoted (it was flagged, or it is not a written comment)."""


def service_info(config: Mapping) -> Service:
    return Service(config.get("SERVICE_NAME", ""), config.get("SERVICE_CONTACT", ""))


def survey_ids(session: Session, codes: Iterable[str]) -> tuple[int, ...]:
    """Turn survey link codes or shipped keys into ids; an unknown one is an error."""
    ids = []
    for code in codes:
        found = session.scalar(
            select(Survey.id).where(or_(Survey.slug == code, Survey.key == code))
        )
        if found is None:
            raise UnknownSurvey(f"There is no survey with the code {code!r}.")
        ids.append(found)
    return tuple(ids)


def report_pdf(
    session: Session,
    edition: str,
    period: Period,
    surveys: Iterable[int],
    audiences: Iterable[str],
    service: Service,
    today: date | None = None,
) -> bytes:
    """Build the report for the period and filters, and render one edition as PDF."""
    report: Report = build_report(session, period, surveys, audiences)
    return render_pdf(report, edition, service, today or date.today())


def save_action(
    session: Session, action: Action | None, *, today: date, actor_id: int | None, **fields
) -> Action:
    """Create or update an action from the form's fields."""
    if action is None:
        action = Action(created_by_id=actor_id)
        session.add(action)
    status = fields.pop("status")
    for name, value in fields.items():
        setattr(action, name, value.strip() if isinstance(value, str) else value)
    action.set_status(status, today)
    session.flush()
    return action


def suggest_you_told_us(session: Session, principle: int, theme: str = "", limit: int = 3) -> str:
    """Pre-fill "you told us" from comments marked OK to quote for this principle (and theme)."""
    from feedback.reports.redact import redact

    stmt = (
        select(Answer.value, Answer.themes)
        .join(Question, Answer.question_id == Question.id)
        .where(
            Question.principle == principle,
            Question.kind == "text",
            Answer.ok_to_quote.is_(True),
            Answer.flagged.is_(False),
            Answer.value.is_not(None),
        )
        .order_by(Answer.answered_at.desc(), Answer.id.desc())
        .limit(200)
    )
    picked: list[str] = []
    for value, themes in session.execute(stmt):
        if theme and theme not in (themes or ()):
            continue
        quote = redact(value.strip())
        if quote and quote not in picked:
            picked.append(quote)
        if len(picked) == limit:
            break
    return "\n".join(f"\u201c{q}\u201d" for q in picked)


def set_ok_to_quote(session: Session, answer: Answer, allowed: bool) -> Answer:
    """Mark a written comment as OK to quote (or not). Flagged comments never can be."""
    if answer.question.kind != "text" or not answer.value:
        raise CannotQuote("Only written comments can be quoted.")
    if allowed and answer.flagged:
        raise CannotQuote(
            "This comment was flagged by the safeguarding screen: it is never quoted."
        )
    answer.ok_to_quote = allowed
    session.flush()
    return answer
