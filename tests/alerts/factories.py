"""Factories for alert and dashboard tests: shipped surveys, responses with comments."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from feedback.alerts.models import SafeguardingAlert
from feedback.surveys import services
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Answer, Response, Survey

DISCLOSURE = "my mums boyfrend hits me when she is at work"
HAPPY = "My worker is ace, she always listens to me"
WHEN = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def open_survey(session, audience: str = "13-18", named: bool = False) -> Survey:
    """The shipped survey for this audience, open (and asking for names, if `named`)."""
    load_shipped(session)
    originals = Survey.translation_of_id.is_(None)  # not the Welsh or Urdu versions
    survey = session.scalar(select(Survey).where(Survey.audience == audience, originals))
    survey.status = "open"
    survey.named_responses = named
    session.flush()
    return survey


def comment_question(survey: Survey):
    return next(q for q in survey.questions if q.kind == "text")


def respond(
    session,
    survey: Survey,
    words: str | None = None,
    scores: dict[str, str] | None = None,
    name: str | None = None,
    when: datetime = WHEN,
    submit: bool = True,
) -> Response:
    """One response: `words` in the first written question, `scores` by bank key."""
    response = services.start_response(session, survey)
    for question in survey.questions:
        if words is not None and question is comment_question(survey):
            services.record_answer(session, response, question, value=words)
        elif scores and question.bank_key in scores:
            services.record_answer(session, response, question, value=scores[question.bank_key])
    if submit:
        services.submit_response(session, response, name)
        response.submitted_at = when
    session.flush()
    return response


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def alerts(session) -> list[SafeguardingAlert]:
    return list(session.scalars(select(SafeguardingAlert).order_by(SafeguardingAlert.id)))


def comment_of(session, response: Response) -> Answer:
    return session.scalar(
        select(Answer).where(Answer.response_id == response.id, Answer.value.is_not(None))
    )
