"""Audiences as data: the shipped four by default, and an age band a lead adds, read by
every page that lists audiences."""

from __future__ import annotations

from feedback.audiences.models import Audience
from feedback.audiences.services import audience_keys, list_audiences, reading_level
from feedback.extensions import db
from feedback.language import check_language
from tests.surveys.conftest import make_survey

BAND = {
    "key": "8-11",
    "name": "Children aged 8 to 11",
    "min_age": "8",
    "max_age": "11",
    "reading_age": "9",
    "words_from": "8-12",
    "choose": "I'm 8 to 11",
    "who_asks": "We help children in care. We want to know what you think.",
    "privacy_notice": "Only a few people read your answers.\nWe keep them safe.",
}


def add_band(client, **changes):
    return client.post("/staff/audiences/new", data={**BAND, **changes})


def test_the_shipped_four_are_the_default_audiences(session):
    assert audience_keys(session) == ("4-7", "8-12", "13-18", "parent")
    assert [a.reading_age for a in list_audiences(session)] == [9, 10, 12, 12]


def test_only_leads_and_admins_change_audiences(client, login_as):
    login_as("practitioner")
    assert client.get("/staff/audiences/").status_code == 403
    assert add_band(client).status_code == 403


def test_a_lead_adds_an_age_band_that_every_list_reads(app, client, login_as):
    login_as("lead")
    response = add_band(client)
    assert response.status_code == 302, response.text
    with app.app_context():
        assert audience_keys(db.session) == ("4-7", "8-11", "8-12", "13-18", "parent")
        make_survey(db.session, audience="8-11", title="Life in care")
    assert "Children aged 8 to 11" in client.get("/staff/audiences/").text
    assert 'value="8-11"' in client.get("/staff/surveys/new").text
    assert "Children aged 8 to 11" in client.get("/staff/dashboard/").text
    assert "All surveys for Children aged 8 to 11" in client.get("/staff/results/").text
    # The public pages: the start page, the privacy notices and "You told us".
    home = client.get("/").text
    assert "I&#39;m 8 to 11" in home and "Life in care" in home
    assert "I&#39;m 8 to 11" in client.get("/privacy").text
    notice = client.get("/privacy/8-11")
    assert notice.status_code == 200 and "Only a few people read your answers." in notice.text
    assert "If you give your name" in notice.text
    assert "Children aged 8 to 11" in client.get("/you-told-us/").text
    assert client.get("/you-told-us/8-11").status_code == 200
    assert client.get("/you-told-us/8-10").status_code == 404


def test_a_survey_for_the_band_speaks_in_its_own_words(app, client, login_as):
    login_as("lead")
    add_band(client)
    with app.app_context():
        slug = make_survey(db.session, audience="8-11").slug
    start = client.get(f"/s/{slug}").text
    assert "We help children in care. We want to know what you think." in start
    assert "There are no wrong answers" in start  # the rest from the 8 to 12 words


def test_the_checker_aims_at_the_bands_reading_age(app, client, login_as):
    login_as("lead")
    add_band(client, reading_age="6")
    text = "Your independent reviewing officer will coordinate the arrangements for your meeting."
    with app.app_context():
        band = db.session.get(Audience, "8-11")
        assert any(f.kind == "reading-level" for f in check_language(text, reading_level(band)))
        assert "children aged 8 to 11" in reading_level(band).name


def test_a_band_needs_a_good_short_name_and_sensible_ages(client, login_as):
    login_as("lead")
    bad = add_band(client, key="Ages 8 to 11!")
    assert bad.status_code == 422 and "small letters, numbers and -" in bad.text
    backwards = add_band(client, min_age="11", max_age="8")
    assert backwards.status_code == 422 and "oldest age must be" in backwards.text
    assert add_band(client).status_code == 302
    again = add_band(client)
    assert again.status_code == 422 and "already an audience" in again.text


def test_a_lead_changes_a_band_but_not_its_short_name(app, client, login_as):
    login_as("lead")
    add_band(client)
    response = client.post("/staff/audiences/8-11", data={**BAND, "key": "x", "name": "Ages 8-11"})
    assert response.status_code == 302
    with app.app_context():
        band = db.session.get(Audience, "8-11")
        assert band.name == "Ages 8-11" and db.session.get(Audience, "x") is None
    assert client.get("/staff/audiences/nope").status_code == 404


def test_a_shipped_notice_is_used_until_a_band_has_its_own(client, login_as):
    login_as("lead")
    add_band(client, privacy_notice="")
    page = client.get("/privacy/8-11").text
    assert "What happens to your answers" in page and "If you give your name" in page
