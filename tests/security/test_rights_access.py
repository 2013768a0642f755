"""Walk every people's rights search for every role: each sees, exports, corrects and
erases only what the pages of each kind of record would let them open (RIGHTS_SEARCH in
tests/security/access_table.py), and every erasure is audited by reference, not content."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from feedback.agreements.models import Agreement
from feedback.alerts.models import SafeguardingAlert
from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import ROLES
from feedback.surveys.models import Response
from tests.conftest import login
from tests.privacy.factories import named_survey, respond
from tests.security.access_table import ACCESS, RIGHTS_SEARCH

WORRYING = "My dad hits me when he is angry and I am scared to go home"
SEARCHES = ({"name": "mia"}, {"reference": "fam-123"}, {"name": "Mia", "reference": "FAM-123"})
LOOKS = ("privacy.people", "privacy.export_json", "privacy.export_pdf")
CHANGES = ("privacy.correct_name", "privacy.correct_answer", "privacy.erase")
URLS = {
    "privacy.people": "/staff/privacy/people",
    "privacy.export_json": "/staff/privacy/people/export.json",
    "privacy.export_pdf": "/staff/privacy/people/export.pdf",
    "privacy.correct_name": "/staff/privacy/people/correct",
    "privacy.correct_answer": "/staff/privacy/people/answer",
    "privacy.erase": "/staff/privacy/people/erase",
}


@pytest.fixture
def world(app, make_user, make_agreement):
    """Mia's named response (with an alert) and her family's agreements in two teams."""
    north = make_agreement(make_user("practitioner", team="North").id)
    south = make_agreement(make_user("practitioner", team="South").id)
    with app.app_context():
        survey = named_survey(db.session)
        response = respond(db.session, survey, name="Mia", words=WORRYING)
        db.session.commit()
        alerts = db.session.scalars(select(SafeguardingAlert.id)).all()
        assert alerts
        return {"north": north, "south": south, "response": response.id, "alerts": alerts}


def _expected(role: str, world) -> dict:
    rules = RIGHTS_SEARCH[role]
    return {
        "responses": 1 if rules["responses"] == "all" else 0,
        "agreements": {"all": {world["north"], world["south"]}, "team": {world["north"]}}.get(
            rules["agreements"], set()
        ),
        "alerts": len(world["alerts"]) if rules["alerts"] == "all" else 0,
    }


def _pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize("role", ROLES)
def test_every_rights_search_shows_each_role_only_what_it_may_open(app, make_user, world, role):
    client = app.test_client()
    assert login(client, make_user(role, team="North")).status_code == 302
    for endpoint in LOOKS + CHANGES:
        allowed = role in ACCESS[endpoint]
        for search in SEARCHES:
            if endpoint == "privacy.erase":
                continue  # erased once, below
            data = dict(search, new_name="Mia", answer_id="0", text="x")
            response = client.post(URLS[endpoint], data=data)
            where = f"{role} {endpoint} {search}"
            assert response.status_code != 403 if allowed else response.status_code == 403, where
            if not allowed:
                continue
            hidden = [world["south"]] if RIGHTS_SEARCH[role]["agreements"] == "team" else []
            shown = _pdf_text(response.data) if endpoint.endswith("pdf") else response.text
            for reference in hidden:
                assert reference not in shown, where
            if RIGHTS_SEARCH[role]["alerts"] == "none":  # the words are in her response
                assert "why it was flagged" not in shown.replace("_", " ").lower(), where
    if role not in ACCESS["privacy.export_json"]:
        assert client.post(URLS["privacy.erase"], data={"name": "Mia"}).status_code == 403
        return
    want = _expected(role, world)
    for search in SEARCHES:
        got = client.post(URLS["privacy.export_json"], data=search).get_json()
        assert {a["reference"] for a in got["agreements"]} == want["agreements"], search
        if "name" in search:  # responses, and alerts through them, are found by name
            assert len(got["responses"]) == want["responses"], search
            assert len(got["alerts"]) == want["alerts"], search

    done = client.post(URLS["privacy.erase"], data={**SEARCHES[2], "confirm": "y"})
    assert done.status_code == 200
    with app.app_context():
        left = set(db.session.scalars(select(Agreement.reference)))
        assert left == {world["north"], world["south"]} - want["agreements"]
        assert all(db.session.get(SafeguardingAlert, a) for a in world["alerts"])
        assert db.session.get(Response, world["response"]) is not None  # the alert needs it
        erased = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "erased")).all()
        named = {(e.target_type, e.target_id) for e in erased}
        assert named == {("agreements", r) for r in want["agreements"]}
        for event in erased:
            assert "Mia" not in event.detail and "FAM" not in event.detail.upper()
