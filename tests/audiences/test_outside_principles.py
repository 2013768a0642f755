"""A question mapped to no principle: reported on its own, never in a principle's score."""

from __future__ import annotations

from sqlalchemy import select

from feedback.reports.data import Figure, build_report
from feedback.surveys.models import Question
from tests.reports.factories import respond, survey_for
from tests.reports.test_data import SPRING, principle


def _outside(session, survey, bank_key: str) -> Question:
    question = session.scalar(
        select(Question).where(Question.survey_id == survey.id, Question.bank_key == bank_key)
    )
    question.principle = None
    session.flush()
    return question


def test_a_question_outside_the_principles_is_reported_on_its_own(session):
    survey = survey_for(session)
    outside = _outside(session, survey, "worker_kind")
    for _ in range(6):
        respond(session, survey, {"worker_kind": "5", "keeps_promises": "no"})
    report = build_report(session, SPRING)
    first = principle(report, 1)
    assert first.score == Figure(0)  # only "keeps promises" (all no), not the 100s
    [own] = report.outside_principles
    assert (own.survey, own.text) == (survey.title, outside.text)
    assert (own.answered, own.score) == (Figure(6), Figure(100))


def test_small_numbers_outside_the_principles_are_suppressed(session):
    survey = survey_for(session)
    _outside(session, survey, "worker_kind")
    for _ in range(2):
        respond(session, survey, {"worker_kind": "5"})
    [own] = build_report(session, SPRING).outside_principles
    assert own.answered.suppressed and own.score.suppressed


def test_the_results_page_and_board_report_show_them_apart(client, login_as, session):
    survey = survey_for(session)
    outside = _outside(session, survey, "worker_kind")
    survey.status = "open"
    for _ in range(5):
        respond(session, survey, {"worker_kind": "4"})
    session.commit()
    login_as("lead")
    page = client.get(
        f"/staff/results/?survey={survey.id}&period=custom&start=2026-03-01&end=2026-03-31"
    ).text
    assert "Questions not part of a principle" in page
    assert page.index("Questions not part of a principle") < page.index(outside.text)


def test_a_lead_writes_a_question_for_no_principle(app, client, login_as):
    from feedback.extensions import db
    from tests.builder.conftest import make_survey

    login_as("lead")
    with app.app_context():
        survey_id = make_survey(db.session).id
    response = client.post(
        f"/staff/surveys/{survey_id}/questions/new",
        data={"kind": "text", "principle": "", "text": "How old are you?", "hint": ""},
    )
    assert response.status_code == 302, response.text
    with app.app_context():
        added = db.session.scalar(select(Question).where(Question.text == "How old are you?"))
        assert added.principle is None
    assert "Not part of a principle" in client.get(f"/staff/surveys/{survey_id}").text
