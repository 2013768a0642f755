"""Responses to the shipped surveys, sent in the last few days, with chosen answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from feedback.surveys import services
from tests.alerts.factories import open_survey

NOW = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
LAST_30 = "period=30"


def answered(session, survey, answers: dict, *, days: int = 0, team=None, name=None):
    """One sent response: `answers` by bank key (a list for "choose any", words for text)."""
    response = services.start_response(session, survey)
    for question in survey.questions:
        given = answers.get(question.bank_key)
        if isinstance(given, list):
            services.record_answer(session, response, question, choices=given)
        elif given == "skip":
            services.record_answer(session, response, question, skipped=True)
        elif given is not None:
            services.record_answer(session, response, question, value=given)
    services.submit_response(session, response, name)
    response.submitted_at = NOW - timedelta(days=days)
    response.team = team
    session.flush()
    return response


def many(session, n: int, answers: dict, audience: str = "13-18", **kw):
    survey = open_survey(session, audience)
    return survey, [answered(session, survey, answers, **kw) for _ in range(n)]


def written_question(survey):
    return next(q for q in survey.questions if q.kind == "text")
