"""Factories for builder tests: a survey with a few questions, and a stored answer."""

from __future__ import annotations

import pytest

from feedback.extensions import db
from feedback.surveys import services as taking
from feedback.surveys.loader import build_survey
from feedback.surveys.models import Answer, Survey

THREE_QUESTIONS = {
    "key": "",
    "title": "How are we doing?",
    "audience": "8-12",
    "intro": "We want to know what you think.",
    "thanks": "Thank you. We will read every answer.",
    "status": "draft",
    "questions": [
        {
            "bank_key": "worker_kind",
            "kind": "faces5",
            "principle": 1,
            "text": "How is your worker?",
        },
        {
            "bank_key": "contact_way",
            "kind": "single",
            "principle": 6,
            "text": "How do you like to talk to your worker?",
            "options": [
                {"value": "visit", "label": "When they visit", "emoji": "🏠"},
                {"value": "phone", "label": "On the phone", "emoji": "📞"},
            ],
        },
        {
            "bank_key": "do_differently",
            "kind": "text",
            "principle": 5,
            "text": "What should change?",
        },
    ],
}


def make_survey(session, **overrides) -> Survey:
    """A draft survey for 8-12s with three questions (override any field)."""
    survey = build_survey({**THREE_QUESTIONS, **overrides})
    session.add(survey)
    session.commit()
    return survey


def answer(session, survey: Survey, position: int, **given) -> Answer:
    """Someone answers one question of an open survey (and sends it)."""
    was = survey.status
    survey.status = "open"
    response = taking.start_response(session, survey)
    question = survey.questions[position - 1]
    stored = taking.record_answer(session, response, question, **given)
    taking.submit_response(session, response)
    survey.status = was
    session.commit()
    return stored


@pytest.fixture
def lead(login_as):
    return login_as("lead")


@pytest.fixture
def survey_id(app):
    with app.app_context():
        return make_survey(db.session).id
