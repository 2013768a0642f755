"""Drawings are read like comments: a child's picture in answer to a words question is in
the same "comments to read" list, counted, marked read, and can raise an alert by hand.
The picture is served to the people who may read comments only, and never cached."""

from __future__ import annotations

import base64
import io
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import select

from feedback.db import utcnow
from feedback.privacy.purge import purge_expired
from feedback.reading.services import comment_or_none, to_read, unread_count, with_drawings
from feedback.staff.audit import AuditEvent
from feedback.surveys import services
from tests.alerts.factories import HAPPY, WHEN, alerts, comment_question, open_survey, respond
from tests.security.headers import assert_security_headers


def png() -> bytes:
    picture = Image.new("RGB", (90, 60), "white")
    picture.putpixel((10, 10), (200, 0, 0))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


PNG = png()
DATA_URL = "data:image/png;base64," + base64.b64encode(PNG).decode()


def draw(session, survey, when=WHEN, submit=True, words=None):
    """A response whose words question was answered with a drawing (and maybe words)."""
    response = services.start_response(session, survey)
    question = comment_question(survey)
    answer = services.record_answer(session, response, question, value=words, drawing=DATA_URL)
    if submit:
        services.submit_response(session, response, None)
        response.submitted_at = when
    session.flush()
    return answer


@pytest.fixture
def drawn(session):
    """A comment sent at noon, and a drawing sent an hour later (so newest first)."""
    survey = open_survey(session, "4-7")
    respond(session, survey, HAPPY)
    answer = draw(session, survey, when=WHEN + timedelta(hours=1))
    session.commit()
    return answer


def test_a_drawing_is_in_the_one_list_and_counted(session, drawn):
    rows = to_read(session)
    assert [a.id for a, _r in rows][0] == drawn.id  # the newest, among the not flagged
    assert len(rows) == 2 and unread_count(session) == 2
    assert with_drawings(session, [a.id for a, _r in rows]) == {drawn.id}
    assert comment_or_none(session, drawn.id) is not None


def test_a_drawing_in_an_unsent_response_is_not_listed(session):
    answer = draw(session, open_survey(session, "4-7"), submit=False)
    session.commit()
    assert unread_count(session) == 0 and comment_or_none(session, answer.id) is None


def test_the_lead_sees_the_picture_with_plain_alt_text_and_no_caching(client, login_as, drawn):
    login_as("lead")
    page = client.get("/staff/comments/").text
    question = comment_question(drawn.response.survey).text
    assert f'alt="A drawing by a child, answer to: {question}"' in page
    assert f'src="/staff/comments/{drawn.id}/drawing"' in page
    assert "data:image/png" not in page  # the list stays small: pictures come one by one
    assert "Mark drawing 1 read" in page and "Mark comment 2 read" in page
    picture = client.get(f"/staff/comments/{drawn.id}/drawing")
    assert picture.status_code == 200 and picture.mimetype == "image/png"
    assert picture.data == PNG
    assert "no-store" in picture.headers["Cache-Control"]
    assert "private" in picture.headers["Cache-Control"]
    assert "ETag" not in picture.headers and "Last-Modified" not in picture.headers
    assert_security_headers(picture, "a drawing")


def test_marking_a_drawing_read_is_audited_and_counted(client, login_as, session, drawn):
    user = login_as("lead")
    assert client.post(f"/staff/comments/{drawn.id}/read").status_code == 303
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "comment_read"))
    assert (event.actor_id, event.target_id) == (user.id, str(drawn.id))
    assert unread_count(session) == 1
    assert '<span class="count">1</span>' in client.get("/staff/comments/").text
    read = client.get("/staff/comments/?show=read").text
    assert f"/staff/comments/{drawn.id}/drawing" in read and f"Read by {user.name}" in read
    assert "1</span> comment not read yet" in client.get("/staff/dashboard/").text


def test_signed_out_people_and_children_never_get_the_picture(client, drawn):
    response = client.get(f"/staff/comments/{drawn.id}/drawing")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert PNG not in response.data


@pytest.mark.parametrize("role", ["practitioner", "safeguarding", "team_manager"])
def test_staff_who_do_not_read_comments_get_403(client, login_as, drawn, role):
    login_as(role)
    response = client.get(f"/staff/comments/{drawn.id}/drawing")
    assert response.status_code == 403 and PNG not in response.data


def test_no_picture_for_a_comment_an_unsent_drawing_or_an_unknown_id(client, login_as, session):
    survey = open_survey(session, "4-7")
    words = respond(session, survey, HAPPY)
    unsent = draw(session, survey, submit=False)
    session.commit()
    login_as("lead")
    written = next(a for a in words.answers if a.value == HAPPY)
    for answer_id in (written.id, unsent.id, 999999):
        assert client.get(f"/staff/comments/{answer_id}/drawing").status_code == 404


def test_an_alert_raised_from_a_drawing_shows_it_to_the_safeguarding_lead(
    client, login_as, session, drawn
):
    login_as("lead")
    reason = "A child crying behind a locked door"
    raised = client.post(f"/staff/comments/{drawn.id}/alert", data={"reason": reason})
    assert raised.status_code == 303
    session.expire_all()
    [alert] = [a for a in alerts(session) if a.kind == "by_hand"]
    assert (alert.answer_id, alert.comment, alert.reasons) == (drawn.id, "", [reason])
    assert unread_count(session) == 1  # raising it marked it read
    assert client.get(f"/staff/alerts/{alert.id}/drawing").status_code == 403  # a lead
    client.post("/staff/logout")
    login_as("safeguarding")
    page = client.get(f"/staff/alerts/{alert.id}").text
    assert "What they drew" in page and "A drawing by a child, answer to:" in page
    picture = client.get(f"/staff/alerts/{alert.id}/drawing")
    assert picture.data == PNG and "no-store" in picture.headers["Cache-Control"]


def test_an_alert_about_words_has_no_picture(client, login_as, session):
    respond(session, open_survey(session), "my mums boyfrend hits me when she is at work")
    session.commit()
    login_as("safeguarding")
    alert = alerts(session)[0]
    assert client.get(f"/staff/alerts/{alert.id}/drawing").status_code == 404
    assert "A drawing by a child" not in client.get(f"/staff/alerts/{alert.id}").text


def test_a_purged_response_takes_its_drawing_with_it(client, login_as, session, drawn):
    drawn.response.retain_until = utcnow() - timedelta(days=1)
    answer_id = drawn.id
    session.commit()
    purge_expired(session)
    session.commit()
    assert unread_count(session) == 1
    login_as("lead")
    assert client.get(f"/staff/comments/{answer_id}/drawing").status_code == 404
    assert "A drawing by a child" not in client.get("/staff/comments/").text
