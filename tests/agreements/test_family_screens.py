"""Leaving the family's screens for staff pages needs the worker's password or PIN."""

from feedback.agreements.family_screens import MAX_TRIES
from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.conftest import PASSWORD, login


def _on_family_screens(client, make_user, make_agreement):
    worker = make_user("practitioner")
    reference = make_agreement(worker.id)
    other = make_agreement(worker.id)
    login(client, worker)
    assert client.get(f"/staff/agreements/{reference}/together/1").status_code == 200
    return worker, reference, other


def test_staff_pages_ask_for_the_password_once_family_screens_are_open(
    client, make_user, make_agreement
):
    _worker, reference, other = _on_family_screens(client, make_user, make_agreement)
    leave = f"/staff/agreements/{reference}/leave"
    for staff_page in (
        "/staff/agreements/",
        f"/staff/agreements/{reference}",
        f"/staff/agreements/{other}/together/1",  # another family's agreement
        "/staff/account",
        "/staff/privacy/people",
    ):
        response = client.get(staff_page)
        assert response.status_code == 302 and response.location == leave, staff_page
    assert client.get(f"/staff/agreements/{reference}/signing").status_code == 200
    assert client.get("/agreements/check").status_code == 200  # public pages are fine
    page = client.get(leave)
    assert "Only the worker can go back" in page.text
    wrong = client.post(leave, data={"secret": "not it"})
    assert wrong.status_code == 422 and "not the password or PIN" in wrong.text
    right = client.post(leave, data={"secret": PASSWORD})
    assert right.status_code == 302 and right.location == f"/staff/agreements/{reference}"
    assert client.get("/staff/agreements/").status_code == 200


def test_a_pin_set_on_the_account_also_unlocks(client, session, make_user, make_agreement):
    worker, reference, _other = _on_family_screens(client, make_user, make_agreement)
    leave = f"/staff/agreements/{reference}/leave"
    client.post(leave, data={"secret": PASSWORD})
    bad = client.post(
        "/staff/account/pin", data={"current": PASSWORD, "pin": "12", "confirm": "12"}
    )
    assert bad.status_code == 422 and "4 to 8 digits" in bad.text
    response = client.post(
        "/staff/account/pin", data={"current": PASSWORD, "pin": "4821", "confirm": "4821"}
    )
    assert response.status_code == 302
    assert "4821" not in db.session.get(User, worker.id).pin_hash
    client.get(f"/staff/agreements/{reference}/signing")
    assert client.get("/staff/agreements/").status_code == 302
    assert client.post(leave, data={"secret": "4821"}).status_code == 302
    assert client.get("/staff/agreements/").status_code == 200


def test_too_many_wrong_tries_sign_the_worker_out(client, session, make_user, make_agreement):
    _worker, reference, _other = _on_family_screens(client, make_user, make_agreement)
    leave = f"/staff/agreements/{reference}/leave"
    for _ in range(MAX_TRIES - 1):
        assert client.post(leave, data={"secret": "1234"}).status_code == 422
    last = client.post(leave, data={"secret": "1234"})
    assert last.status_code == 302 and "/staff/login" in last.location
    assert client.get("/staff/agreements/").status_code == 302
    assert "/staff/login" in client.get("/staff/agreements/").location
    actions = [e.action for e in session.query(AuditEvent).all()]
    assert actions.count("family_screens_wrong_secret") == MAX_TRIES
