"""Report services: find surveys, build and render a report, record actions, withhold quotes.

No Flask here: each takes a Session, flushes but never commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from feedback.alerts.withheld import is_withheld
from feedback.audiences.services import level_for
from feedback.reports.data import Report, build_report
from feedback.reports.models import Action, WithheldQuote
from feedback.reports.period import Period
from feedback.reports.publishing import NotForFamilies, advise
from feedback.reports.quotes import quotable
from feedback.reports.render import render_pdf
from feedback.reports.words import Service
from feedback.surveys.kinds import is_words
from feedback.surveys.models import Answer, Survey


class UnknownSurvey(ValueError):
    """A survey code that matches no survey."""


class CannotQuote(ValueError):
    """This comment may not be quoted (flagged, not agreed by its writer, or not written)."""


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
    questions: bool = False,
) -> bytes:
    """Build the report for the period and filters, and render one edition as PDF (the
    board edition with a four-period trend, and each question's answers if `questions`)."""
    from feedback.results.board_data import build_board_extras

    surveys, audiences = tuple(surveys), tuple(audiences)
    report: Report = build_report(session, period, surveys, audiences)
    extras = None
    if edition == "board":
        extras = build_board_extras(session, period, surveys, audiences, questions)
    return render_pdf(report, edition, service, today or date.today(), extras)


def public_languages(session: Session, audience: str | None) -> list[str]:
    """Languages of the open surveys (for this audience): English first."""
    stmt = select(Survey.language).where(Survey.status == "open").distinct()
    if audience is not None:
        stmt = stmt.where(Survey.audience == audience)
    found = set(session.scalars(stmt))
    return ["en", *sorted(found - {"en"})]


def save_action(
    session: Session, action: Action | None, *, today: date, actor_id: int | None, **fields
) -> Action:
    """Create or update an action from the form's fields.

    Publishing for families is refused (NotForFamilies, nothing saved) while the language
    checker finds jargon, acronyms or blaming words in the words families will read.
    """
    if fields.get("for_families"):
        advice = advise(
            fields["you_told_us"], fields["we_did"], level_for(session, fields["audience"])
        )
        if not advice.family_ready:
            raise NotForFamilies(advice)
        fields["ready_to_publish"] = True  # what families see, the board sees too
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
    """Pre-fill "you told us" from comments we may quote for this principle (and theme)."""
    picked: list[str] = []
    for quote in quotable(session, principle=principle):
        if theme and theme not in quote.themes:
            continue
        if quote.text not in picked:
            picked.append(quote.text)
        if len(picked) == limit:
            break
    return "\n".join(f"\u201c{q}\u201d" for q in picked)


def withhold_quote(
    session: Session, answer: Answer, withheld: bool, actor_id: int | None
) -> Answer:
    """Leave a comment out of every quote, or let it be quoted again.

    Only the person who wrote a comment can agree to it being quoted; the lead can only
    leave it out (or take that back). Flagged comments are not quoted unless the
    safeguarding lead closed the alert as no concern.
    """
    if not is_words(answer.question.kind) or not answer.value:
        raise CannotQuote("Only written comments can be quoted.")
    if not withheld and is_withheld(session, answer):
        raise CannotQuote(
            "This comment was flagged by the safeguarding screen: it is not quoted unless"
            " the safeguarding lead closes its alert as no concern."
        )
    if not withheld and not answer.ok_to_quote:
        raise CannotQuote("Only comments whose writer said we may quote them can be quoted.")
    found = session.get(WithheldQuote, answer.id)
    if withheld and found is None:
        session.add(WithheldQuote(answer_id=answer.id, withheld_by_id=actor_id))
    elif not withheld and found is not None:
        session.delete(found)
    session.flush()
    return answer
