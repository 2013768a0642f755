"""Survey settings (asking for a name, unlisted) and archive and delete asking first."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from feedback.extensions import db
from feedback.surveys.models import Survey
from tests.builder.conftest import answer, make_survey
from tests.builder.test_builder_views import csrf_token
from tests.conftest import PASSWORD


def _survey(app, **overrides) -> SimpleNamespace:
    with app.app_context():
        survey = make_survey(db.session, **overrides)
        return SimpleNamespace(id=survey.id, slug=survey.slug)


def _get(app, survey_id) -> Survey | None:
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        if survey is not None:
            db.session.expunge(survey)
        return survey


def test_a_lead_switches_on_named_responses_with_the_words_people_see(app, client, login_as):
    login_as("lead")
    survey = _survey(app, status="open")
    page = client.get(f"/staff/surveys/{survey.id}/settings")
    assert "only the team who read the answers will see it" in page.text
    response = client.post(
        f"/staff/surveys/{survey.id}/settings", data={"named_responses": "y", "listed": "y"}
    )
    assert response.status_code == 302
    assert _get(app, survey.id).named_responses
    start = client.get(f"/s/{survey.slug}").text
    assert "If you give your name, only the team who read the answers will see it." in start
    assert "Asks for a name at the end" in client.get(f"/staff/surveys/{survey.id}").text


def test_an_unlisted_survey_is_off_the_start_page_but_opens_by_its_link(app, client, login_as):
    login_as("lead")
    survey = _survey(app, status="open", title="Our group only")
    assert "Our group only" in client.get("/").text
    client.post(f"/staff/surveys/{survey.id}/settings", data={})  # both boxes unticked
    changed = _get(app, survey.id)
    assert not changed.listed and not changed.named_responses
    assert "Our group only" not in client.get("/").text
    start = client.get(f"/s/{survey.slug}")
    assert start.status_code == 200 and "Our group only" in start.text


def test_archive_asks_first_and_only_a_post_archives(app, client, login_as):
    login_as("lead")
    survey = _survey(app)
    page = client.get(f"/staff/surveys/{survey.id}/archive")
    assert page.status_code == 200 and "Yes, archive it" in page.text
    assert 'method="post"' in page.text and "No, keep it as it is" in page.text
    assert _get(app, survey.id).status == "draft"  # looking at the question changes nothing
    assert client.post(f"/staff/surveys/{survey.id}/archive").status_code == 302
    assert _get(app, survey.id).status == "archived"


def test_delete_asks_first_then_deletes_a_survey_nobody_answered(app, client, login_as):
    login_as("lead")
    survey = _survey(app)
    page = client.get(f"/staff/surveys/{survey.id}/delete")
    assert "Yes, delete it" in page.text and _get(app, survey.id) is not None
    response = client.post(f"/staff/surveys/{survey.id}/delete")
    assert response.status_code == 302 and response.location.endswith("/staff/surveys/")
    assert _get(app, survey.id) is None


def test_a_survey_with_answers_cannot_be_deleted(app, client, login_as):
    login_as("lead")
    with app.app_context():
        survey = make_survey(db.session)
        answer(db.session, survey, 1, value="5")
        survey_id = survey.id
    page = client.get(f"/staff/surveys/{survey_id}/delete")
    assert "cannot be deleted" in page.text and "Yes, delete it" not in page.text
    refused = client.post(f"/staff/surveys/{survey_id}/delete")
    assert refused.status_code == 409 and "Archive it instead" in refused.text
    assert _get(app, survey_id) is not None


@pytest.mark.csrf
def test_archive_and_delete_refuse_a_post_without_the_form(app, client, make_user):
    user = make_user("lead")
    token = csrf_token(client.get("/staff/login").text)
    signed_in = client.post(
        "/staff/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert signed_in.status_code == 302
    survey = _survey(app)
    confirm = client.get(f"/staff/surveys/{survey.id}/delete").text
    assert 'name="csrf_token"' in confirm
    assert client.post(f"/staff/surveys/{survey.id}/delete").status_code == 400
    assert client.post(f"/staff/surveys/{survey.id}/archive").status_code == 400
    assert _get(app, survey.id).status == "draft"


def test_practitioners_cannot_change_settings_or_delete(app, client, login_as):
    login_as("practitioner")
    survey = _survey(app)
    assert client.get(f"/staff/surveys/{survey.id}/settings").status_code == 403
    assert client.post(f"/staff/surveys/{survey.id}/delete").status_code == 403
