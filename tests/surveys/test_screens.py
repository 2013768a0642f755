"""A question screen filled in from its stencil is, byte for byte, the page a full render
gives, whatever was answered before, on a phone or a shared tablet, in any language."""

from __future__ import annotations

import time

import pytest
from flask import g
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys import device, services
from feedback.surveys.forms import answer_form
from feedback.surveys.models import Survey
from feedback.surveys.screens import question_screen, stencil_page
from feedback.surveys.snapshot import survey_view
from tests.surveys.conftest import begin, hidden, make_survey, post_answer, stored
from tests.surveys.test_drawing import PICTURE

ANSWERS = {
    1: {"answer": "happy"},
    2: {"answer": "4"},
    3: {"answer": "not-sure"},
    4: {"answer": "phone"},
    5: {"answer": ["who", "fewer"]},
    6: {"answer": "Tell them <b>\"both\"</b> & 'quote' me", "ok_to_quote": "y"},
}


def _both_ways(app, slug: str, sid: str | None, n: int, tablet: bool = False):
    """(filled stencil, full render) of question n, in one request (so one CSRF token)."""
    with app.test_request_context(f"/s/{slug}/{n}"):
        if tablet:
            now = time.time()
            g.tablet = device.Tablet(slug, 1, now, now)
        survey = survey_view(db.session, slug)
        question = survey.questions[n - 1]
        found = services.answer_so_far(db.session, sid, question.id)
        saved = found if found.answer_id is not None else None
        filled, status = stencil_page(survey, n, found.submission_id, saved)
        form = answer_form(question, answer=saved)
        form.submission_id.data = found.submission_id
        full, full_status = question_screen(survey, n, form)
        assert status == full_status == 200
        return filled, full


@pytest.mark.csrf
@pytest.mark.parametrize("tablet", [False, True])
def test_every_kind_of_question_fills_in_to_the_full_page(app, client, session, tablet):
    slug = make_survey(session).slug
    sid = begin(client, slug)
    for n in range(1, 7):  # nothing answered yet
        filled, full = _both_ways(app, slug, sid, n, tablet)
        assert filled == full
    for n, answer in ANSWERS.items():
        token = hidden(client.get(f"/s/{slug}/{n}").text, "csrf_token")
        reply = post_answer(client, slug, n, sid, csrf_token=token, **answer)
        assert reply.status_code == 303
    for n in range(1, 7):  # each answered: ticks, words and the quote box come back
        filled, full = _both_ways(app, slug, sid, n, tablet)
        assert filled == full
        assert " checked" in filled
    assert "&lt;b&gt;&#34;both&#34;&lt;/b&gt; &amp; &#39;quote&#39; me" in filled
    for n in range(1, 7):  # then skipped: nothing ticked any more
        token = hidden(client.get(f"/s/{slug}/{n}").text, "csrf_token")
        assert post_answer(client, slug, n, sid, go="skip", csrf_token=token).status_code == 303
        filled, full = _both_ways(app, slug, sid, n, tablet)
        assert filled == full and " checked" not in filled


def test_a_drawing_and_a_welsh_survey_fill_in_to_the_full_page(app, client, session):
    little = make_survey(session, audience="4-7").slug
    welsh = make_survey(session, language="cy").slug
    sid = begin(client, little)
    post_answer(client, little, 6, sid, answer="My dog", drawing=PICTURE)
    filled, full = _both_ways(app, little, sid, 6)
    assert filled == full and PICTURE in filled
    sid = begin(client, welsh)
    post_answer(client, welsh, 1, sid, answer="happy")
    for n in (1, 2):
        filled, full = _both_ways(app, welsh, sid, n)
        assert filled == full and 'lang="cy"' in filled


def test_a_changed_question_makes_a_new_stencil(app, client, session):
    slug = make_survey(session).slug
    sid = begin(client, slug)
    assert "How do you feel?" in client.get(f"/s/{slug}/1").text
    survey = session.scalar(select(Survey).where(Survey.slug == slug))
    survey.questions[0].text = "How do you feel today?"
    session.commit()
    filled, full = _both_ways(app, slug, sid, 1)
    assert "How do you feel today?" in filled and filled == full


def test_staff_and_waiting_messages_get_the_full_page(app, client, session, login_as):
    slug = make_survey(session).slug
    begin(client, slug)
    with client.session_transaction() as flask_session:
        flask_session["_flashes"] = [("message", "Your answers were kept.")]
    assert "Your answers were kept." in client.get(f"/s/{slug}/1").text
    assert 'id="session-warning"' not in client.get(f"/s/{slug}/1").text
    login_as("practitioner")  # a worker trying the survey: their session warning shows
    assert 'id="session-warning"' in client.get(f"/s/{slug}/1").text


def test_stencils_can_be_switched_off(app, client, session):
    slug = make_survey(session).slug
    sid = begin(client, slug)
    app.config["SURVEY_STENCILS"] = False
    with app.test_request_context(f"/s/{slug}/1"):
        survey = survey_view(db.session, slug)
        assert stencil_page(survey, 1, sid) is None


@pytest.mark.csrf
def test_a_session_s_csrf_token_is_signed_once_and_still_accepted(app, client):
    # No `session` fixture: its app context would be shared by both clients' requests.
    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    first = hidden(client.get(f"/s/{slug}/1").text, "csrf_token")
    again = hidden(client.get(f"/s/{slug}/2").text, "csrf_token")
    assert first == again and len(app.extensions["csrf_signed"]) == 1
    assert post_answer(client, slug, 1, sid, answer="happy", csrf_token=first).status_code == 303
    other = app.test_client()  # another child: another session, another token
    begin(other, slug)
    assert hidden(other.get(f"/s/{slug}/1").text, "csrf_token") != first


@pytest.mark.csrf
def test_with_a_time_limit_every_screen_signs_its_token_afresh(app, client, session):
    app.config["WTF_CSRF_TIME_LIMIT"] = 3600
    slug = make_survey(session).slug
    sid = begin(client, slug)
    token = hidden(client.get(f"/s/{slug}/1").text, "csrf_token")
    assert not app.extensions.get("csrf_signed")
    assert post_answer(client, slug, 1, sid, answer="happy", csrf_token=token).status_code == 303


@pytest.mark.csrf
def test_a_posted_token_is_checked_without_unsigning_only_when_it_is_the_kept_one(
    app, client, monkeypatch
):
    """The token kept for this session passes as it is; another worker's token for the
    same session is checked by Flask-WTF and then kept; anything else is refused."""
    import feedback.forms

    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    kept = hidden(client.get(f"/s/{slug}/1").text, "csrf_token")
    checked = []
    real_check = feedback.forms.validate_csrf
    monkeypatch.setattr(
        feedback.forms, "validate_csrf", lambda t: checked.append(t) or real_check(t)
    )

    assert post_answer(client, slug, 1, sid, answer="happy", csrf_token=kept).status_code == 303
    assert checked == []

    # As if this worker had signed the token at another moment (another worker's page).
    signed_for = app.extensions["csrf_signed"]
    signed_for.update(dict.fromkeys(signed_for, "signed-at-another-moment"))
    assert post_answer(client, slug, 1, sid, answer="sad", csrf_token=kept).status_code == 303
    assert checked == [kept] and list(app.extensions["csrf_signed"].values()) == [kept]

    other = app.test_client()  # another child's token is not this session's
    begin(other, slug)
    theirs = hidden(other.get(f"/s/{slug}/1").text, "csrf_token")
    refused = post_answer(client, slug, 1, sid, answer="ok", csrf_token=theirs)
    assert refused.status_code == 400
    forged = post_answer(client, slug, 1, sid, answer="ok", csrf_token=kept[:-2] + "xx")
    assert forged.status_code == 400
    assert stored(app, sid)[1][1].value == "sad"
