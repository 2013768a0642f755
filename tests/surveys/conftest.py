"""Factories and a small helper that takes a survey through the real forms."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from feedback.extensions import db
from feedback.surveys.loader import build_survey, load_shipped
from feedback.surveys.models import Answer, Response, Survey

ONE_OF_EACH = {
    "key": "",
    "title": "One of each kind",
    "audience": "8-12",
    "intro": "We want to know what you think.",
    "thanks": "We will read every answer.",
    "status": "open",
    "questions": [
        {"kind": "faces3", "principle": 1, "text": "How do you feel?"},
        {"kind": "faces5", "principle": 3, "text": "How well do we listen?"},
        {"kind": "yesno", "principle": 4, "text": "Do you understand your plan?"},
        {
            "kind": "single",
            "principle": 6,
            "text": "How do you like to talk?",
            "options": [
                {"value": "visit", "label": "When they visit", "emoji": "🏠"},
                {"value": "phone", "label": "On the phone", "emoji": "📞"},
            ],
        },
        {
            "kind": "multi",
            "principle": 4,
            "text": "What would make meetings better?",
            "options": [
                {"value": "who", "label": "Choosing who comes", "emoji": "👥"},
                {"value": "where", "label": "Choosing where", "emoji": "📍"},
                {"value": "fewer", "label": "Fewer people", "emoji": "🤏"},
            ],
        },
        {"kind": "text", "principle": 5, "text": "What should we do differently?"},
    ],
}
GOOD_ANSWERS = {
    1: {"answer": "happy"},
    2: {"answer": "4"},
    3: {"answer": "not-sure"},
    4: {"answer": "phone"},
    5: {"answer": ["who", "fewer"]},
    6: {"answer": "Come on time please", "ok_to_quote": "y"},
}


def make_survey(session, **overrides) -> Survey:
    """An open survey with one question of each kind (override any field)."""
    survey = build_survey({**ONE_OF_EACH, **overrides})
    session.add(survey)
    session.commit()
    return survey


@pytest.fixture
def survey(app):
    """The slug of an open survey with one question of each kind."""
    with app.app_context():
        return make_survey(db.session).slug


@pytest.fixture
def shipped(app):
    """The shipped surveys, loaded: {audience: slug}."""
    with app.app_context():
        load_shipped(db.session)
        db.session.commit()
        originals = select(Survey).where(Survey.translation_of_id.is_(None))  # not cy/ur
        return {s.audience: s.slug for s in db.session.scalars(originals)}


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html) or re.search(
        rf'type="hidden" name="{name}" value="([^"]*)"', html
    )
    assert match, f"no hidden {name} in page"
    return match.group(1)


def begin(client, slug: str) -> str:
    """Open the start screen and press Start; returns the submission id."""
    page = client.get(f"/s/{slug}")
    assert page.status_code == 200
    data = {"token": hidden(page.text, "token")}
    if "csrf_token" in page.text:
        data["csrf_token"] = hidden(page.text, "csrf_token")
    response = client.post(f"/s/{slug}", data=data)
    assert response.status_code == 303, response.text
    first = client.get(response.location)
    return hidden(first.text, "submission_id")


def question_id(client, slug: str, n: int) -> str:
    """The id of question n as its screen names it (in a hidden field) right now."""
    with client.application.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        return str(survey.questions[n - 1].id)


def post_answer(client, slug: str, n: int, submission_id: str, go: str = "next", **data):
    """Press Next (or Skip) on question n's screen, as the page posts it."""
    if "question_id" not in data:
        data["question_id"] = question_id(client, slug, n)
    return client.post(f"/s/{slug}/{n}", data={"submission_id": submission_id, "go": go, **data})


def send(client, slug: str, submission_id: str, **data):
    return client.post(f"/s/{slug}/send", data={"submission_id": submission_id, **data})


def count_responses(app, submission_id: str | None = None) -> int:
    with app.app_context():
        query = select(func.count()).select_from(Response)
        if submission_id:
            query = query.where(Response.submission_id == submission_id)
        return db.session.scalar(query)


def stored(app, submission_id: str) -> tuple[Response, dict[int, Answer]]:
    """The stored response and its answers by question position."""
    with app.app_context():
        response = db.session.scalar(
            select(Response).where(Response.submission_id == submission_id)
        )
        answers = {a.question.position: a for a in response.answers}
        db.session.expunge_all()
        return response, answers
