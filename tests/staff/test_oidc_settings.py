"""Sign-in settings: the role map, LOCAL_LOGIN and the break-glass administrator, and
administrators ending someone's sessions at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from feedback import create_app
from feedback.config import ConfigError
from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from feedback.staff.oidc_accounts import ClaimMapping
from tests.conftest import PASSWORD, _config, login

MAP = "Feedback.Admin=admin,Feedback.Lead=lead,Feedback.Worker=practitioner"


def test_the_first_role_map_entry_that_matches_wins():
    mapping = ClaimMapping.from_settings("roles", MAP)
    assert mapping.role_for({"roles": ["Feedback.Worker", "Feedback.Lead"]}) == "lead"
    assert mapping.role_for({"roles": "Feedback.Worker"}) == "practitioner"
    assert mapping.role_for({"roles": ["Other"]}) is None
    assert mapping.role_for({}) is None
    assert mapping.role_for({"roles": [{"odd": "shape"}, True, None]}) is None


def test_several_claims_can_give_the_role_for_google_workspace():
    mapping = ClaimMapping.from_settings(
        "email, hd", "jo@council.example=lead, council.example=practitioner"
    )
    assert mapping.role_for({"email": "jo@council.example", "hd": "council.example"}) == "lead"
    assert mapping.role_for({"email": "al@council.example", "hd": "council.example"}) == (
        "practitioner"
    )
    assert mapping.role_for({"email": "al@gmail.example"}) is None


def test_team_comes_from_the_team_claim_only_when_it_is_set():
    assert ClaimMapping.from_settings("roles", MAP).team_for({"team": "North"}) is None
    mapping = ClaimMapping.from_settings("roles", MAP, "department")
    assert mapping.team_for({"department": ["North", "South"]}) == "North"
    assert mapping.team_for({}) == ""


@pytest.mark.parametrize(
    ("role_map", "message"),
    [
        ("", "empty"),
        ("Feedback.Lead", "not claim-value=role"),
        ("Feedback.Lead=boss", "must be one of"),
        ("=lead", "not claim-value=role"),
    ],
)
def test_a_malformed_role_map_stops_the_app_starting(tmp_path, role_map, message):
    config = _config(tmp_path, "sqlite://", OIDC_ISSUER="https://idp.example", OIDC_CLIENT_ID="x")
    with pytest.raises(ConfigError, match=message):
        create_app({**config, "OIDC_ROLE_MAP": role_map})


def test_passwords_cannot_be_turned_off_without_a_provider(tmp_path):
    with pytest.raises(ConfigError, match="LOCAL_LOGIN=0 needs OIDC_ISSUER"):
        create_app(_config(tmp_path, "sqlite://", LOCAL_LOGIN=False))


@pytest.fixture
def no_passwords_app(app):
    """The usual test app, with passwords off (OIDC settings as for a real provider)."""
    app.config["LOCAL_LOGIN"] = False
    return app


def test_with_passwords_off_only_the_break_glass_administrator_may_use_one(
    no_passwords_app, client, make_user, runner
):
    lead = make_user("lead")
    assert login(client, lead).status_code == 401
    result = runner.invoke(
        args=["break-glass-admin", "--email", "Emergency@example.org"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    emergency = User(email="emergency@example.org")
    assert login(client, emergency).status_code == 302
    with no_passwords_app.app_context():
        user = db.session.scalar(select(User).where(User.email == "emergency@example.org"))
        assert (user.role, user.break_glass) == ("admin", True)


def test_there_is_only_ever_one_break_glass_administrator(app, runner, make_user):
    first, second = make_user("admin"), make_user("admin")
    for user in (first, second):
        result = runner.invoke(
            args=["break-glass-admin", "--email", user.email], input=f"{PASSWORD}\n{PASSWORD}\n"
        )
        assert result.exit_code == 0, result.output
    with app.app_context():
        flagged = db.session.scalars(select(User.email).where(User.break_glass)).all()
    assert flagged == [second.email]


def test_the_break_glass_command_refuses_a_short_password(runner):
    result = runner.invoke(
        args=["break-glass-admin", "--email", "e@example.org"], input="short\nshort\n"
    )
    assert result.exit_code != 0 and "at least 12" in result.output


def test_an_administrator_ends_someones_sessions_at_once(app, client, make_user):
    lead = make_user("lead")
    lead_device = app.test_client()
    assert login(lead_device, lead).status_code == 302
    admin = make_user("admin")
    login(client, admin)
    page = client.get("/staff/accounts/sessions")
    assert page.status_code == 200 and f"Sign out {lead.name} everywhere" in page.text
    response = client.post(f"/staff/accounts/{lead.id}/end-sessions")
    assert response.status_code == 302
    assert lead_device.get("/staff/").status_code == 302  # back to the sign-in page
    assert client.get("/staff/").status_code == 200  # the administrator is still in
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sessions_ended"))
    assert (event.actor_id, event.target_id) == (admin.id, str(lead.id))


def test_only_administrators_may_end_sessions(app, client, make_user):
    lead = make_user("lead")
    login(client, lead)
    assert client.post(f"/staff/accounts/{lead.id}/end-sessions").status_code == 403
    assert client.post("/staff/accounts/999/end-sessions").status_code == 403


def test_ending_sessions_from_the_command_line(app, client, make_user, runner):
    lead = make_user("lead")
    login(client, lead)
    result = runner.invoke(args=["end-sessions", lead.email.upper()])
    assert result.exit_code == 0, result.output
    assert client.get("/staff/").status_code == 302
    assert runner.invoke(args=["end-sessions", "nobody@example.org"]).exit_code != 0


def test_without_a_provider_the_sign_in_page_is_as_before(client):
    page = client.get("/staff/login").text
    assert "Sign in with" not in page and "Emergency" not in page
    assert client.get("/staff/login/oidc").status_code == 302


def test_an_administrator_ending_their_own_sessions_stays_signed_in_here(app, client, make_user):
    admin = make_user("admin")
    other_device = app.test_client()
    login(other_device, admin)
    login(client, admin)
    response = client.post(f"/staff/accounts/{admin.id}/end-sessions", follow_redirects=True)
    assert "Your other sessions have been signed out" in response.text
    assert client.get("/staff/").status_code == 200
    assert other_device.get("/staff/").status_code == 302
