"""Small factories for report tests: shipped surveys, responses with chosen answers."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from feedback.surveys import services
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Answer, Survey

WHEN = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


def survey_for(session, audience: str = "8-12") -> Survey:
    """The shipped survey for this audience (loaded once)."""
    load_shipped(session)
    originals = Survey.translation_of_id.is_(None)  # not the Welsh or Urdu versions
    return session.scalar(select(Survey).where(Survey.audience == audience, originals))


def respond(
    session,
    survey: Survey,
    answers: dict[str, str],
    when: datetime = WHEN,
    name: str | None = None,
    **comment_fields,
) -> list[Answer]:
    """Submit one response: `answers` maps question bank keys to values.

    `comment_fields` (sentiment, themes, flagged, ok_to_quote) are set on its text answers,
    as the analysis would have set them when they were stored.
    """
    response = services.start_response(session, survey)
    response.respondent_name = name
    stored = []
    for question in survey.questions:
        if question.bank_key in answers:
            answer = services.record_answer(
                session, response, question, value=answers[question.bank_key]
            )
            if question.kind == "text":
                for field, value in comment_fields.items():
                    setattr(answer, field, value)
            stored.append(answer)
    services.submit_response(session, response)
    response.submitted_at = when
    session.flush()
    return stored


def unsent(session, survey: Survey, answers: dict[str, str], **comment_fields) -> list[Answer]:
    """Answers someone gave but never sent (the response stays in progress)."""
    response = services.start_response(session, survey)
    stored = []
    for question in survey.questions:
        if question.bank_key in answers:
            answer = services.record_answer(
                session, response, question, value=answers[question.bank_key]
            )
            for field, value in comment_fields.items():
                setattr(answer, field, value)
            stored.append(answer)
    session.flush()
    return stored
