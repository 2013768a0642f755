"""Privacy by default: anonymous unless a lead turns names on; no personal details asked;
errors never show what went wrong inside."""

import re

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Survey
from tests.surveys.conftest import begin, make_survey, post_answer

PERSONAL = re.compile(
    r"date of birth|birthday|e-?mail|address|post ?code|phone number|surname|full name",
    re.IGNORECASE,
)


def test_shipped_surveys_are_anonymous_and_ask_for_no_personal_details(app):
    with app.app_context():
        load_shipped(db.session)
        db.session.commit()
        surveys = db.session.scalars(select(Survey)).all()
        assert surveys
        for survey in surveys:
            assert survey.named_responses is False, survey.key
            for question in survey.all_questions:
                assert not PERSONAL.search(question.text), (survey.key, question.text)


def test_an_anonymous_survey_never_asks_for_a_name(app, client):
    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="happy")
    page = client.get(f"/s/{slug}/send").text
    assert 'name="name"' not in page


def test_an_unexpected_error_shows_a_reference_and_nothing_from_inside(app):
    def boom():
        raise RuntimeError("database password is hunter2")

    app.add_url_rule("/boom-for-test", "boom", boom)
    response = app.test_client().get("/boom-for-test")
    assert response.status_code == 500
    assert re.search(r"quote reference <strong>[0-9a-f]{8}</strong>", response.text)
    assert "hunter2" not in response.text and "Traceback" not in response.text
