"""The preview shows the real survey screens in a frame and stores nothing."""

import html

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.surveys.models import Response, Survey
from tests.builder.conftest import make_survey


def count_responses(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Response))


def test_the_preview_page_frames_the_start_screen_at_tablet_size(client, lead, survey_id):
    page = client.get(f"/staff/surveys/{survey_id}/preview")
    assert page.status_code == 200
    assert f'<iframe src="/staff/surveys/{survey_id}/preview/frame"' in page.text
    assert "device-tablet" in page.text
    assert "device-phone" in client.get(f"/staff/surveys/{survey_id}/preview?device=phone").text
    assert "device-tablet" in client.get(f"/staff/surveys/{survey_id}/preview?device=tv").text
    # The page holding the frame may not itself be framed.
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "DENY"


def test_only_the_frame_pages_may_be_framed_and_only_by_this_site(client, lead, survey_id):
    base = f"/staff/surveys/{survey_id}/preview/frame"
    for url in (base, f"{base}/1", f"{base}/send", f"{base}/thanks"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in csp and "'none'" not in csp.split("frame-ancestors")[1]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    other = client.get(f"/staff/surveys/{survey_id}")
    assert "frame-ancestors 'none'" in other.headers["Content-Security-Policy"]


def test_a_draft_survey_previews_through_every_screen_and_nothing_is_stored(
    client, lead, app, survey_id
):
    base = f"/staff/surveys/{survey_id}/preview/frame"
    assert client.get(f"/s/{_slug(app, survey_id)}").status_code == 404  # a draft is not public
    start = client.get(base)
    assert "How are we doing?" in start.text and "We want to know what you think." in start.text
    assert f'action="{base}"' in start.text
    step = client.post(base)
    assert step.status_code == 303 and step.location == f"{base}/1"
    first = client.get(f"{base}/1")
    assert "How is your worker?" in first.text and "Question 1 of 3" in first.text
    assert f'action="{base}/1"' in first.text
    assert client.post(f"{base}/1", data={"go": "next"}).location == f"{base}/2"  # a skip
    wrong = client.post(f"{base}/1", data={"go": "next", "answer": "not-a-choice"})
    assert wrong.status_code == 422 and "not one of the choices" in wrong.text
    assert client.post(f"{base}/1", data={"go": "next", "answer": "5"}).location == f"{base}/2"
    assert client.post(f"{base}/2", data={"go": "skip"}).location == f"{base}/3"
    third = client.post(f"{base}/3", data={"go": "next", "answer": "Visit more"})
    assert third.location == f"{base}/send"
    send = client.get(f"{base}/send")
    assert f'action="{base}/send"' in send.text
    assert client.post(f"{base}/send", data={}).location == f"{base}/thanks"
    thanks = client.get(f"{base}/thanks")
    assert "Thank you. We will read every answer." in thanks.text and "Childline" in thanks.text
    assert count_responses(app) == 0
    assert client.get(f"{base}/4").status_code == 404


def test_practitioners_cannot_preview(client, login_as, survey_id):
    login_as("practitioner")
    assert client.get(f"/staff/surveys/{survey_id}/preview/frame").status_code == 403


def _slug(app, survey_id) -> str:
    with app.app_context():
        return db.session.get(Survey, survey_id).slug


def test_a_branching_survey_previews_every_question_and_says_when_each_is_asked(client, lead, app):
    from tests.surveys.test_branching import BRANCHED

    with app.app_context():
        survey_id = make_survey(db.session, **BRANCHED).id
    page = client.get(f"/staff/surveys/{survey_id}/preview")
    assert "The preview shows every question in order" in page.text
    base = f"/staff/surveys/{survey_id}/preview/frame"
    assert "There are up to 5 questions." in client.get(base).text
    first = client.get(f"{base}/1").text
    assert "preview-when" not in first
    # "Yes" does not lead to "why not", but the preview still shows it next, saying so.
    assert client.post(f"{base}/1", data={"go": "next", "answer": "yes"}).location == f"{base}/2"
    second = html.unescape(client.get(f"{base}/2").text)
    assert "Tell us why not" in second
    rule = 'asked only when the answer to question 1 ("Do you feel listened to?") is: No, Not sure'
    assert rule in second
