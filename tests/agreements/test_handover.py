"""Team managers and administrators hand agreements over; team managers see their team."""

from datetime import date, timedelta

import pytest

from feedback.agreements import access, handover
from feedback.agreements.models import AgreementError
from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.agreements.conftest import get_agreement, sign_everyone
from tests.conftest import login


@pytest.fixture
def team(make_user):
    return {
        "leaving": make_user("practitioner", team="North", name="Leaving Worker"),
        "staying": make_user("practitioner", team="North", name="Staying Worker"),
        "south": make_user("practitioner", team="South", name="South Worker"),
        "manager": make_user("team_manager", team="North", name="North Manager"),
    }


def test_a_team_manager_hands_an_agreement_with_its_review_to_another_worker(
    client, session, team, make_agreement
):
    reference = make_agreement(team["leaving"].id)
    agreement = get_agreement(reference)
    sign_everyone(session, agreement)
    session.commit()
    review = agreement.review_date
    login(client, team["manager"])
    page = client.get(f"/staff/agreements/{reference}/handover")
    assert page.status_code == 200 and "Staying Worker (North)" in page.text
    assert "South Worker" not in page.text  # a team manager picks workers in their team
    response = client.post(
        f"/staff/agreements/{reference}/handover", data={"to": f"w:{team['staying'].id}"}
    )
    assert response.status_code == 302
    session.expire_all()
    moved = get_agreement(reference)
    assert moved.worker_id == team["staying"].id and moved.review_date == review
    assert moved.current.status == "signed" and len(moved.current.signatures) == 3
    event = session.query(AuditEvent).filter_by(action="agreement_handed_over").one()
    assert event.actor_id == team["manager"].id
    assert f"worker {team['leaving'].id}" in event.detail
    assert f"worker {team['staying'].id}" in event.detail
    staying = db.session.get(User, team["staying"].id)
    assert access.can_see(staying, moved)
    assert not access.can_see(db.session.get(User, team["leaving"].id), moved)


def test_a_team_manager_can_move_an_agreement_to_another_team_only_as_a_team(
    session, team, make_agreement
):
    agreement = get_agreement(make_agreement(team["leaving"].id))
    manager = db.session.get(User, team["manager"].id)
    south = db.session.get(User, team["south"].id)
    with pytest.raises(AgreementError):
        handover.hand_over(session, agreement, actor=manager, worker=south)
    handover.hand_over(session, agreement, actor=manager, team="South")
    assert agreement.team == "South" and agreement.worker_id is None
    assert not access.can_see(manager, agreement)


def test_an_administrator_hands_over_anywhere(session, team, make_user, make_agreement):
    admin = make_user("admin", team="")
    agreement = get_agreement(make_agreement(team["leaving"].id))
    south = db.session.get(User, team["south"].id)
    handover.hand_over(session, agreement, actor=db.session.get(User, admin.id), worker=south)
    assert (agreement.worker_id, agreement.team) == (south.id, "South")


def test_others_cannot_hand_over(client, session, team, make_user, make_agreement):
    reference = make_agreement(team["leaving"].id)
    login(client, team["leaving"])
    assert client.get(f"/staff/agreements/{reference}/handover").status_code == 403
    client.get("/staff/logout")
    login(client, make_user("team_manager", team="South"))
    assert client.get(f"/staff/agreements/{reference}/handover").status_code == 404


def test_the_team_page_shows_holders_and_reviews_overdue_and_due(
    client, session, team, make_agreement
):
    today = date.today()
    overdue = make_agreement(
        team["leaving"].id, review_date=(today - timedelta(days=3)).isoformat()
    )
    soon = make_agreement(team["staying"].id, review_date=(today + timedelta(days=5)).isoformat())
    elsewhere = make_agreement(team["south"].id)
    login(client, team["manager"])
    page = client.get("/staff/agreements/team")
    assert page.status_code == 200
    assert "1 overdue for review, 1 due in the next 14 days, 2 in all" in page.text
    assert overdue in page.text and soon in page.text and elsewhere not in page.text
    assert "Overdue by 3 days" in page.text and "In 5 days" in page.text
    assert "Leaving Worker" in page.text and "Staying Worker" in page.text
