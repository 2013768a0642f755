"""Small factories for privacy tests: a named-responses survey and some responses."""

from __future__ import annotations

from sqlalchemy.orm import Session

from feedback.surveys import services
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Response, Survey


def named_survey(session: Session, audience: str = "13-18") -> Survey:
    """A shipped survey, open, with named responses turned on by a lead."""
    load_shipped(session)
    survey = next(
        s for s in session.query(Survey).all() if s.audience == audience and not s.translation_of_id
    )
    survey.status = "open"
    survey.named_responses = True
    session.flush()
    return survey


def respond(
    session: Session,
    survey: Survey,
    name: str | None = None,
    words: str = "It was fine.",
    submit: bool = True,
) -> Response:
    """One response: the first scale question answered, every written question filled in."""
    response = services.start_response(session, survey)
    response.respondent_name = name
    for question in survey.questions:
        if question.kind == "text":
            services.record_answer(session, response, question, value=words)
        elif question.is_scale:
            services.record_answer(session, response, question, value=question.options[0]["value"])
        else:
            services.record_answer(session, response, question, skipped=True)
    if submit:
        services.submit_response(session, response)
    session.flush()
    return response
