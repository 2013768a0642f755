"""Comments to read: every written comment in a sent response, for participation leads,
worrying ones first, marked read by who read it, and an alert raised by hand."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from feedback.alerts.history import AlertEvent
from feedback.reading.models import CommentRead
from feedback.reading.services import mark_read, to_read, unread_count
from feedback.staff.audit import AuditEvent
from tests.alerts.factories import (
    DISCLOSURE,
    HAPPY,
    WHEN,
    alerts,
    comment_of,
    open_survey,
    respond,
)

SAD = "Nobody listens to me and I hate the meetings"


@pytest.fixture
def three(session):
    survey = open_survey(session)
    happy = respond(session, survey, HAPPY, when=WHEN + timedelta(hours=2))
    sad = respond(session, survey, SAD, when=WHEN)
    worrying = respond(session, survey, DISCLOSURE, when=WHEN - timedelta(days=1))
    respond(session, survey, "not sent yet, still typing", submit=False)
    session.commit()
    return [comment_of(session, r) for r in (worrying, sad, happy)]


def test_flagged_first_then_unhappy_then_newest_and_only_sent_ones(session, three):
    assert [a.id for a, _r in to_read(session)] == [a.id for a in three]
    assert unread_count(session) == 3


def test_the_count_stops_where_the_nav_stops_counting(session, three):
    # The nav shows "2+" rather than counting a million comments on every page.
    assert unread_count(session, up_to=2) == 2
    assert unread_count(session, up_to=5) == 3


def test_marking_read_is_once_and_keeps_the_first_reader(session, three, make_user):
    first, second = make_user("lead"), make_user("lead")
    assert mark_read(session, three[0], first.id) is True
    assert mark_read(session, three[0], second.id) is False
    session.commit()
    [read] = session.scalars(select(CommentRead)).all()
    assert read.read_by_id == first.id and unread_count(session) == 2


def test_the_lead_reads_marks_read_and_it_is_audited(client, login_as, session, three):
    user = login_as("lead")
    page = client.get("/staff/comments/")
    assert page.status_code == 200
    assert re.search(r'Comments to read <span class="count">3</span>', page.text)
    response = client.post(f"/staff/comments/{three[1].id}/read")
    assert response.status_code == 303
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "comment_read"))
    assert (event.actor_id, event.target_id) == (user.id, str(three[1].id))
    assert SAD not in event.detail
    page = html.unescape(client.get("/staff/comments/").text)
    assert SAD not in page and '<span class="count">2</span>' in page
    read = html.unescape(client.get("/staff/comments/?show=read").text)
    assert SAD in read and f"Read by {user.name}" in read
    dashboard = client.get("/staff/dashboard/").text
    assert "2</span> comments not read yet" in dashboard


def test_names_are_taken_out_for_leads_but_not_for_admins(client, login_as, session):
    respond(session, open_survey(session, named=True), "Kai Jones was kind to me", name="Kai Jones")
    session.commit()
    login_as("lead")
    page = client.get("/staff/comments/").text
    assert "Kai Jones" not in page and "[name]" in page
    client.post("/staff/logout")
    login_as("admin")
    assert "Kai Jones was kind" in client.get("/staff/comments/").text


@pytest.mark.parametrize("role", ["practitioner", "safeguarding", "team_manager"])
def test_other_roles_cannot_read_or_mark(client, login_as, three, role):
    login_as(role)
    assert client.get("/staff/comments/").status_code == 403
    assert client.post(f"/staff/comments/{three[0].id}/read").status_code == 403
    assert "Comments to read" not in client.get("/staff/account").text


def test_an_unsent_or_unknown_comment_is_404(client, login_as, session):
    response = respond(session, open_survey(session), SAD, submit=False)
    session.commit()
    login_as("lead")
    assert (
        client.post(f"/staff/comments/{comment_of(session, response).id}/read").status_code == 404
    )
    assert client.post("/staff/comments/999999/alert", data={"reason": "x"}).status_code == 404


def test_raising_by_hand_makes_an_alert_for_the_lead_and_marks_it_read(
    client, login_as, session, three
):
    user = login_as("lead")
    empty = client.post(f"/staff/comments/{three[1].id}/alert", data={"reason": "  "})
    assert empty.status_code == 422 and "Say why this comment worries you" in empty.text
    reason = "Sounds like they are being shut out of their own meetings"
    response = client.post(f"/staff/comments/{three[1].id}/alert", data={"reason": reason})
    assert response.status_code == 303
    session.expire_all()
    by_hand = [a for a in alerts(session) if a.kind == "by_hand"]
    assert [(a.answer_id, a.comment, a.reasons) for a in by_hand] == [(three[1].id, SAD, [reason])]
    raised = session.scalar(select(AlertEvent).where(AlertEvent.kind == "raised"))
    assert (raised.by_id, raised.note) == (user.id, reason)
    assert unread_count(session) == 2
    again = client.post(f"/staff/comments/{three[1].id}/alert", data={"reason": reason})
    assert again.status_code == 409 and "already an open alert" in again.text
    flagged = client.post(f"/staff/comments/{three[0].id}/alert", data={"reason": reason})
    assert flagged.status_code == 409  # the screen raised one already
