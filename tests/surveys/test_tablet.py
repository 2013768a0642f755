"""Shared-tablet hand-back: locked to a visit's surveys, back to a neutral welcome after
each child, only Send sends, and no earlier answer reachable with Back, history or reload."""

import time

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.surveys import device
from tests.surveys.conftest import begin, post_answer, send, stored


@pytest.fixture
def tablet(client, login_as, survey):
    """A practitioner has locked this client (the tablet) to the survey."""
    login_as("practitioner")
    response = client.post("/staff/tablet", data={"slug": survey})
    assert response.status_code == 303 and response.location.endswith("/tablet")
    return client


def test_starting_a_tablet_session_signs_the_practitioner_out(app, tablet, survey):
    assert tablet.get("/staff/").status_code == 302  # back to the login page
    page = tablet.get("/tablet")
    assert page.status_code == 200 and f'href="/s/{survey}"' in page.text
    assert "Cache-Control" in page.headers and page.headers["Cache-Control"] == "no-store"
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "tablet_started" in actions


def test_tablet_is_locked_to_its_survey(app, tablet, session):
    from tests.surveys.conftest import make_survey

    other = make_survey(session, title="Another").slug
    assert tablet.get("/").location.endswith("/tablet")
    assert tablet.get(f"/s/{other}").location.endswith("/tablet")


def test_after_finishing_the_next_child_cannot_reach_earlier_answers(app, tablet, survey):
    sid = begin(tablet, survey)
    post_answer(tablet, survey, 1, sid, answer="sad")
    post_answer(tablet, survey, 6, sid, answer="My secret worry")
    assert send(tablet, survey, sid).location.endswith("/thanks")
    thanks = tablet.get(f"/s/{survey}/thanks").text
    assert 'href="/tablet"' in thanks  # "I have finished" goes back to the welcome
    assert tablet.get("/tablet").status_code == 200
    # Back, history and reload are all fresh GETs (no-store): none shows the answers.
    for path in (f"/s/{survey}/1", f"/s/{survey}/6", f"/s/{survey}/send"):
        page = tablet.get(path, follow_redirects=True)
        assert "My secret worry" not in page.text and "checked" not in page.text
        assert page.request.path == "/tablet"
    assert stored(app, sid)[0].status == "submitted"


def test_a_go_ended_by_idling_is_forgotten_here_and_never_sent(app, tablet, survey):
    sid = begin(tablet, survey)
    post_answer(tablet, survey, 1, sid, answer="happy")
    tablet.get("/tablet?idle=1")  # where the idle timer goes
    response, answers = stored(app, sid)
    assert response.status == "in_progress" and answers[1].value == "happy"
    assert tablet.get(f"/s/{survey}/2").location.endswith("/tablet")
    assert "Carry on" not in tablet.get("/tablet").text
    assert "Carry on" not in tablet.get(f"/s/{survey}").text


def test_looking_at_a_notice_and_coming_home_does_not_end_the_go(app, tablet, survey):
    sid = begin(tablet, survey)
    post_answer(tablet, survey, 1, sid, answer="happy")
    assert tablet.get("/privacy/8-12").status_code == 200
    home = tablet.get("/", follow_redirects=True)  # the header of the notice
    assert home.request.path == "/tablet" and "Carry on where I left off" in home.text
    assert f'href="/s/{survey}/2"' in home.text
    assert stored(app, sid)[0].status == "in_progress"
    assert tablet.get(f"/s/{survey}/2").status_code == 200


def test_a_visit_can_have_several_surveys(app, client, login_as, survey):
    from tests.surveys.conftest import make_survey

    with app.app_context():  # not the `session` fixture: its app context would be shared
        other = make_survey(db.session, title="For the grown-ups", audience="parent").slug
    login_as("practitioner")
    assert client.post("/staff/tablet", data={"slug": [survey, other]}).status_code == 303
    welcome = client.get("/tablet").text
    assert f'href="/s/{survey}"' in welcome and f'href="/s/{other}"' in welcome
    for slug in (survey, other):  # each child starts their own, without a sign-in between
        sid = begin(client, slug)
        assert send(client, slug, sid).location.endswith("/thanks")


def test_without_javascript_a_long_idle_goes_home_on_the_next_page(app, tablet, survey):
    sid = begin(tablet, survey)
    post_answer(tablet, survey, 1, sid, answer="happy")
    with app.test_request_context():
        stale = device.Tablet((survey,), 1, time.time() - 3600, time.time() - 3600)
        cookie = device._signer("survey-tablet").dumps(
            {"slugs": [survey], "by": 1, "started": stale.started, "seen": stale.seen}
        )
    tablet.set_cookie(device.TABLET_COOKIE, cookie)
    page = tablet.get(f"/s/{survey}/1", follow_redirects=True)
    assert page.request.path == "/tablet" and "checked" not in page.text
    assert "Carry on" not in page.text
    assert stored(app, sid)[0].status == "in_progress"  # never sent by idling


def test_each_screen_sets_up_the_idle_warning(tablet, survey):
    begin(tablet, survey)
    page = tablet.get(f"/s/{survey}/1").text
    assert 'id="idle-warning"' in page and "js/survey-tablet." in page
    assert 'data-home="/tablet?idle=1"' in page


def test_ending_the_tablet_session_needs_a_staff_sign_in(app, tablet, make_user):
    from tests.conftest import login

    assert tablet.get("/staff/tablet/end").location.startswith("/staff/login")
    login(tablet, make_user("practitioner"))
    assert tablet.post("/staff/tablet/end").status_code == 303
    assert tablet.get("/tablet").location.endswith("/")
    assert tablet.get("/").status_code == 200


def test_only_practitioners_and_leads_can_start_a_tablet(client, login_as, survey):
    assert client.post("/staff/tablet", data={"slug": survey}).status_code == 302
    login_as("safeguarding")
    assert client.post("/staff/tablet", data={"slug": survey}).status_code == 403


def test_a_survey_that_is_not_open_cannot_be_put_on_a_tablet(client, login_as, session):
    from tests.surveys.conftest import make_survey

    draft = make_survey(session, status="draft").slug
    login_as("lead")
    response = client.post("/staff/tablet", data={"slug": draft}, follow_redirects=True)
    assert "Choose at least one open survey" in response.text
    assert client.get("/tablet").location.endswith("/")
