"""Only the agreement's worker, leads of the same team and admins see it; others get 404."""

import pytest

from feedback.staff.audit import AuditEvent
from tests.agreements.conftest import get_agreement, sign_everyone
from tests.conftest import login


def _urls(reference: str) -> list[str]:
    base = f"/staff/agreements/{reference}"
    return [
        base,
        f"{base}/edit",
        f"{base}/v/1",
        f"{base}/v/1/agreement.pdf",
        f"{base}/together/1",
        f"{base}/signing",
        f"{base}/signing/1",
        f"{base}/signed",
    ]


@pytest.fixture
def signed_reference(session, make_user, make_agreement):
    worker = make_user("practitioner", team="North")
    reference = make_agreement(worker.id)
    sign_everyone(session, get_agreement(reference))
    session.commit()
    return worker, reference


@pytest.mark.parametrize(
    ("role", "team"),
    [
        ("practitioner", "North"),
        ("practitioner", "South"),
        ("lead", "South"),
        ("lead", ""),
        ("safeguarding", "North"),
    ],
)
def test_everyone_else_gets_404_on_every_agreement_page(
    client, make_user, signed_reference, role, team
):
    _worker, reference = signed_reference
    other = make_user(role, team=team)
    login(client, other)
    for url in _urls(reference):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/staff/agreements/{reference}/edit", data={}).status_code == 404
    assert client.post(f"/staff/agreements/{reference}/link").status_code == 404
    assert client.post(f"/staff/agreements/{reference}/signing/1", data={}).status_code == 404


def test_another_practitioner_does_not_see_it_in_their_list(client, make_user, signed_reference):
    _worker, reference = signed_reference
    login(client, make_user("practitioner", team="North"))
    assert reference not in client.get("/staff/agreements/").text


@pytest.mark.parametrize(("role", "team"), [("lead", "North"), ("admin", "")])
def test_the_teams_lead_and_admins_can_see_it(client, make_user, signed_reference, role, team):
    _worker, reference = signed_reference
    login(client, make_user(role, team=team))
    assert reference in client.get("/staff/agreements/").text
    for url in _urls(reference):
        assert client.get(url).status_code in (200, 302), url


def test_the_worker_sees_it_and_every_view_and_download_is_audited(
    client, session, signed_reference
):
    worker, reference = signed_reference
    login(client, worker)
    for url in _urls(reference):
        assert client.get(url).status_code in (200, 302), url
    agreement_id = str(get_agreement(reference).id)
    events = session.query(AuditEvent).filter_by(target_id=agreement_id).all()
    assert {e.action for e in events} >= {"agreement_viewed", "agreement_pdf_downloaded"}
    assert all(e.actor_id == worker.id for e in events)
    assert len([e for e in events if e.action == "agreement_viewed"]) >= 5


def test_an_unknown_reference_is_404(client, login_as):
    login_as("admin")
    assert client.get("/staff/agreements/WTA-AAAA-AAAA").status_code == 404
    assert client.get("/staff/agreements/nonsense/edit").status_code == 404


def test_signed_out_people_go_to_the_login_page(client, signed_reference):
    _worker, reference = signed_reference
    response = client.get(f"/staff/agreements/{reference}")
    assert response.status_code == 302 and "/staff/login" in response.location


def test_the_staff_home_page_links_to_agreements_for_those_who_prepare_them(client, make_user):
    login(client, make_user("practitioner"))
    assert "/staff/agreements/" in client.get("/staff/").text
    client.post("/staff/logout")
    login(client, make_user("safeguarding"))
    assert "/staff/agreements/" not in client.get("/staff/").text
