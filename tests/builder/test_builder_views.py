"""The builder's pages, as a participation lead uses them (forms posted as a browser would)."""

import re

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Question, Survey
from tests.builder.conftest import answer, make_survey
from tests.conftest import PASSWORD


def get_survey(app, survey_id) -> Survey:
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert survey.questions is not None and survey.all_questions is not None  # load them
        db.session.expunge_all()
        return survey


def test_only_leads_and_admins_use_the_builder(client, make_user, login_as, survey_id):
    assert "/staff/login" in client.get("/staff/surveys/").location
    login_as("practitioner")
    assert client.get("/staff/surveys/").status_code == 403
    assert client.get(f"/staff/surveys/{survey_id}").status_code == 403
    assert client.post(f"/staff/surveys/{survey_id}/archive").status_code == 403


def test_a_lead_makes_a_survey_and_sees_its_starter_words(client, lead, app):
    page = client.get("/staff/surveys/")
    assert page.status_code == 200 and "Make a new survey" in page.text
    response = client.post(
        "/staff/surveys/new",
        data={"title": "Family time survey", "audience": "4-7", "language": "en"},
    )
    assert response.status_code == 302
    page = client.get(response.location)
    assert "Family time survey" in page.text and "There are no wrong answers" in page.text
    assert "Children aged 4 to 7" in page.text
    assert "Family time survey" in client.get("/staff/surveys/").text


def test_a_survey_needs_a_title_and_a_known_audience(client, lead):
    response = client.post("/staff/surveys/new", data={"title": " ", "audience": "babies"})
    assert response.status_code == 422
    assert "There is a problem" in response.text and "Not a valid choice" in response.text


def test_advice_is_shown_beside_the_words_but_never_stops_saving(client, lead, app, survey_id):
    response = client.post(
        f"/staff/surveys/{survey_id}/questions/new",
        data={
            "text": "How was contact with your siblings at the LAC review?",
            "kind": "yesno",
            "principle": "4",
        },
    )
    assert response.status_code == 302
    page = client.get(response.location)
    assert "Advice on these words" in page.text
    assert "“siblings”" in page.text and "brothers and sisters" in page.text
    assert "“LAC review”" in page.text and "your meeting" in page.text
    assert get_survey(app, survey_id).questions[-1].text.startswith("How was contact")
    edit = client.get(
        f"/staff/surveys/{survey_id}/questions/{get_survey(app, survey_id).questions[-1].id}"
    )
    assert (
        'aria-describedby="text-hint text-advice"' in edit.text
        and "brothers and sisters" in edit.text
    )

    words = client.post(
        f"/staff/surveys/{survey_id}/words",
        data={"title": "How are we doing?", "intro": "Your placement is reviewed.", "thanks": ""},
    )
    assert words.status_code == 302
    page = client.get(f"/staff/surveys/{survey_id}")
    assert "Your placement is reviewed." in page.text and "where you live" in page.text


def test_writing_a_choice_question_needs_two_different_answers(client, lead, app, survey_id):
    url = f"/staff/surveys/{survey_id}/questions/new"
    base = {"text": "Where do you like to meet?", "kind": "single", "principle": "1"}
    one = client.post(url, data={**base, "options-0-words": "At home"})
    assert one.status_code == 422 and "Write at least two answers" in one.text
    same = client.post(url, data={**base, "options-0-words": "Home", "options-1-words": "home"})
    assert same.status_code == 422 and "same words" in same.text
    good = client.post(
        url,
        data={
            **base,
            "options-0-words": "At home",
            "options-0-emoji": "🏠",
            "options-1-words": "",
            "options-2-words": "At school",
            "options-2-emoji": "🏫",
        },
    )
    assert good.status_code == 302
    question = get_survey(app, survey_id).questions[-1]
    assert [(o["label"], o["emoji"]) for o in question.options] == [
        ("At home", "🏠"),
        ("At school", "🏫"),
    ]


def test_changing_an_answered_question_makes_a_new_version(client, lead, app, survey_id):
    with app.app_context():
        answer(db.session, db.session.get(Survey, survey_id), 2, value="phone")
    old = get_survey(app, survey_id).questions[1]
    url = f"/staff/surveys/{survey_id}/questions/{old.id}"
    page = client.get(url)
    assert "People have answered this survey" in page.text
    assert 'value="When they visit"' in page.text
    response = client.post(
        url,
        data={
            "text": "How would you like to talk to your worker?",
            "kind": "single",
            "principle": "6",
            "options-0-value": "visit",
            "options-0-words": "When they visit",
            "options-1-value": "phone",
            "options-1-words": "On the phone",
        },
    )
    assert response.status_code == 302
    new = get_survey(app, survey_id).questions[1]
    assert (new.version, new.replaces_id) == (2, old.id)
    assert "version 2" in client.get(f"/staff/surveys/{survey_id}").text
    stale = client.post(url, data={"text": "Again", "kind": "text", "principle": "6"})
    assert stale.status_code == 409 and "Someone changed this question" in stale.text


def test_up_and_down_buttons_reorder_without_javascript(client, lead, app, survey_id):
    first, second, third = get_survey(app, survey_id).questions
    page = client.get(f"/staff/surveys/{survey_id}")
    assert page.text.count(">Move up<") == 2 and page.text.count(">Move down<") == 2
    url = f"/staff/surveys/{survey_id}/questions/{third.id}/move"
    assert client.post(url, data={"direction": "up"}).status_code == 302
    assert [q.id for q in get_survey(app, survey_id).questions] == [first.id, third.id, second.id]
    assert client.post(url, data={"direction": "sideways"}).status_code == 400


def test_taking_a_question_out(client, lead, app, survey_id):
    first = get_survey(app, survey_id).questions[0]
    assert client.post(f"/staff/surveys/{survey_id}/questions/{first.id}/remove").status_code == 302
    assert len(get_survey(app, survey_id).questions) == 2
    again = client.post(f"/staff/surveys/{survey_id}/questions/{first.id}/remove")
    assert again.status_code == 404 and "not part of this survey" in again.text


def test_adding_from_the_question_bank_filtered_by_principle_and_audience(client, lead, app):
    with app.app_context():
        make_survey(db.session, audience="4-7", title="Little ones")
        mine = Survey(title="Mine", audience="8-12")
        db.session.add(mine)
        db.session.commit()
        mine_id = mine.id
    url = f"/staff/surveys/{mine_id}/bank"
    page = client.get(url)
    assert "No questions match" in page.text  # only 8-12 wording by default, and none yet
    page = client.get(url, query_string={"principle": "6", "audience": ""})
    assert "How do you like to talk to your worker?" in page.text
    assert "How is your worker?" not in page.text
    assert client.get(url, query_string={"principle": "9"}).status_code == 200
    with app.app_context():
        source = db.session.scalar(select(Question).where(Question.bank_key == "contact_way"))
    assert client.post(url, data={"question_id": source.id}).status_code == 302
    assert get_survey(app, mine_id).questions[0].bank_key == "contact_way"
    twice = client.post(url, data={"question_id": source.id})
    assert twice.status_code == 422 and "already asks that question" in twice.text
    gone = client.post(url, data={"question_id": 999999})
    assert gone.status_code == 422 and "no longer in the question bank" in gone.text


def test_open_with_dates_close_and_archive(client, lead, app, survey_id):
    url = f"/staff/surveys/{survey_id}"
    bad = client.post(f"{url}/open", data={"opens_on": "2031-05-10", "closes_on": "2031-05-01"})
    assert bad.status_code == 422 and "on or after the day it opens" in bad.text
    nonsense = client.post(f"{url}/open", data={"opens_on": "next tuesday"})
    assert nonsense.status_code == 422
    assert client.post(f"{url}/open", data={"closes_on": "2031-05-01"}).status_code == 302
    survey = get_survey(app, survey_id)
    assert survey.is_open() and survey.closes_at.isoformat() == "2031-05-01T23:00:00+00:00"
    assert "last day 1 May 2031" in client.get(url).text
    assert client.post(f"{url}/close").status_code == 302
    assert get_survey(app, survey_id).status == "closed"
    assert client.post(f"{url}/archive").status_code == 302
    refused = client.post(f"{url}/open", data={})
    assert refused.status_code == 409 and "This survey is archived" in refused.text
    words = client.post(f"{url}/words", data={"title": "New", "intro": "", "thanks": ""})
    assert words.status_code == 409
    assert "Move up" not in client.get(url).text


def test_an_empty_survey_cannot_be_opened(client, lead, app):
    with app.app_context():
        empty = Survey(title="Empty", audience="parent")
        db.session.add(empty)
        db.session.commit()
        empty_id = empty.id
    response = client.post(f"/staff/surveys/{empty_id}/open", data={})
    assert response.status_code == 409 and "Add at least one question" in response.text


def test_duplicate_and_translate(client, lead, app, survey_id):
    page = client.get(f"/staff/surveys/{survey_id}/duplicate")
    assert 'value="How are we doing? (copy)"' in page.text
    copy = client.post(f"/staff/surveys/{survey_id}/duplicate", data={"title": "Again"})
    assert copy.status_code == 302 and "Again" in client.get(copy.location).text
    welsh = client.post(f"/staff/surveys/{survey_id}/translate", data={"language": "cy"})
    assert welsh.status_code == 302
    page = client.get(welsh.location)
    assert "The language checker reads English only" in page.text
    assert 'lang="cy"' in page.text
    twice = client.post(f"/staff/surveys/{survey_id}/translate", data={"language": "cy"})
    assert twice.status_code == 422 and "already has a version in that language" in twice.text
    original = client.get(f"/staff/surveys/{survey_id}")
    assert "also in" in original.text and "Welsh" in original.text


def test_unknown_surveys_and_questions_are_404(client, lead, survey_id):
    assert client.get("/staff/surveys/999999").status_code == 404
    assert client.get(f"/staff/surveys/{survey_id}/questions/999999").status_code == 404


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


@pytest.mark.csrf
def test_changes_need_the_form_s_csrf_token(client, make_user, app, survey_id):
    user = make_user("lead")
    token = csrf_token(client.get("/staff/login").text)
    signed_in = client.post(
        "/staff/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert signed_in.status_code == 302
    assert client.post(f"/staff/surveys/{survey_id}/archive").status_code == 400
    assert get_survey(app, survey_id).status == "draft"
    page = client.get(f"/staff/surveys/{survey_id}").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    archived = client.post(f"/staff/surveys/{survey_id}/archive", data={"csrf_token": token})
    assert archived.status_code == 302
    assert get_survey(app, survey_id).status == "archived"
