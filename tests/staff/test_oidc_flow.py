"""Signing in through a real OpenID Connect provider (oidc-provider-mock on 127.0.0.1)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from sqlalchemy import select

from feedback import create_app
from feedback.db import Model
from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.conftest import PASSWORD, PG_URL, _config, _truncate_all
from tests.oidc_provider import CLIENT_ID, oidc_config


def _app(tmp_path, **settings):
    url = PG_URL or f"sqlite:///{tmp_path / 'test.sqlite'}"
    app = create_app(_config(tmp_path, url, **settings))
    with app.app_context():
        Model.metadata.create_all(db.engine)
    return app


@pytest.fixture
def oidc_app(tmp_path, oidc_provider):
    app = _app(tmp_path, **oidc_config(oidc_provider))
    yield app
    with app.app_context():
        db.engine.dispose()
    if PG_URL:
        _truncate_all(PG_URL)


@pytest.fixture
def client(oidc_app):
    return oidc_app.test_client()


def add_user(app, **fields) -> int:
    with app.app_context():
        user = User(**{"name": "Someone", "role": "lead", "team": "", **fields})
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
        return user.id


def at_provider(authorize_url: str, sub: str) -> str:
    """Choose this user on the provider's page; return where it sends the browser back."""
    answer = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["location"])
    return f"{back.path}?{back.query}"


def sign_in(client, sub: str, query: str = ""):
    start = client.get("/staff/login/oidc" + query)
    assert start.status_code == 302
    return client.get(at_provider(start.location, sub))


def events(app, action: str) -> list[AuditEvent]:
    with app.app_context():
        return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def account(app, email: str) -> User | None:
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def test_sign_in_page_offers_the_provider_first(client):
    page = client.get("/staff/login").text
    assert "Sign in with Test Council account" in page
    assert page.index("Sign in with Test Council") < page.index("Or sign in with a password")


def test_start_uses_pkce_state_and_nonce(client):
    start = client.get("/staff/login/oidc")
    query = parse_qs(urlsplit(start.location).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    assert query["state"] and query["nonce"] and query["client_id"] == [CLIENT_ID]
    assert "openid" in query["scope"][0].split()


def test_first_sign_in_makes_the_account_with_the_mapped_role_and_team(oidc_app, client):
    response = sign_in(client, "lead-1", "?next=/staff/account")
    assert response.status_code == 302 and response.location == "/staff/account"
    user = account(oidc_app, "lee.lead@example.org")
    assert (user.name, user.role, user.team, user.oidc_subject) == (
        "Lee Lead",
        "lead",
        "North",
        "lead-1",
    )
    assert not user.check_password(PASSWORD)  # no password to guess
    assert "You sign in with Test Council account" in client.get("/staff/account").text
    [login] = events(oidc_app, "login")
    assert (login.actor_id, login.detail) == (user.id, "oidc")


def test_every_sign_in_brings_role_and_team_up_to_date(oidc_app, client):
    user_id = add_user(
        oidc_app, email="old.address@example.org", oidc_subject="worker-1", role="admin"
    )
    assert sign_in(client, "worker-1").status_code == 302
    user = account(oidc_app, "pat.worker@example.org")
    # The first role-map entry any value matches; the first team in a list.
    assert (user.id, user.role, user.team) == (user_id, "practitioner", "South")


def test_a_password_account_with_the_same_email_is_linked(oidc_app, client):
    user_id = add_user(oidc_app, email="lee.lead@example.org", role="practitioner")
    assert sign_in(client, "lead-1").status_code == 302
    user = account(oidc_app, "lee.lead@example.org")
    assert (user.id, user.oidc_subject, user.role) == (user_id, "lead-1", "lead")


def test_an_email_already_linked_to_someone_else_is_refused(oidc_app, client):
    add_user(oidc_app, email="lee.lead@example.org", oidc_subject="a-former-colleague")
    response = sign_in(client, "lead-1")
    assert response.status_code == 403
    assert "Another staff account here already uses" in response.text


def test_someone_whose_claims_map_to_no_role_is_refused(oidc_app, client):
    response = sign_in(client, "no-role-1")
    assert response.status_code == 403
    assert "You cannot use this service yet" in response.text
    assert account(oidc_app, "sam.visitor@example.org") is None
    [refused] = events(oidc_app, "login_failed")
    assert refused.detail == "oidc: no_role"
    assert client.get("/staff/").status_code == 302  # not signed in


def test_losing_the_role_in_the_provider_ends_every_session(oidc_app, client):
    add_user(oidc_app, email="sam.visitor@example.org", oidc_subject="no-role-1")
    other_device = oidc_app.test_client()
    signed_in = other_device.post(
        "/staff/login", data={"email": "sam.visitor@example.org", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    assert other_device.get("/staff/").status_code == 200
    assert sign_in(client, "no-role-1").status_code == 403
    assert other_device.get("/staff/").status_code == 302


def test_a_switched_off_account_is_refused(oidc_app, client):
    add_user(oidc_app, email="lee.lead@example.org", oidc_subject="lead-1", active=False)
    response = sign_in(client, "lead-1")
    assert response.status_code == 403 and "switched off" in response.text


def test_an_answer_with_a_state_this_browser_never_sent_is_refused(oidc_app, client):
    start = client.get("/staff/login/oidc")
    parts = urlsplit(start.location)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()} | {"state": "forged"}
    callback = at_provider(parts._replace(query=urlencode(query)).geturl(), "lead-1")
    response = client.get(callback)
    assert response.status_code == 400
    assert "Sign-in did not finish" in response.text
    assert account(oidc_app, "lee.lead@example.org") is None
    assert events(oidc_app, "login_failed")[0].detail.startswith("oidc: ")


def test_an_answer_used_twice_is_refused(oidc_app, client):
    start = client.get("/staff/login/oidc")
    callback = at_provider(start.location, "lead-1")
    assert client.get(callback).status_code == 302
    client.post("/staff/logout")
    assert client.get(callback).status_code == 400


def test_the_provider_saying_no_is_explained(client):
    start = client.get("/staff/login/oidc")
    answer = requests.post(
        start.location, data={"action": "deny"}, allow_redirects=False, timeout=10
    )
    back = urlsplit(answer.headers["location"])
    response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 400 and "was stopped or refused" in response.text


def test_an_expired_id_token_is_refused(tmp_path, expired_oidc_provider):
    app = _app(tmp_path, **oidc_config(expired_oidc_provider))
    client = app.test_client()
    try:
        response = sign_in(client, "lead-1")
        assert response.status_code == 400
        assert account(app, "lee.lead@example.org") is None
        assert client.get("/staff/").status_code == 302
    finally:
        with app.app_context():
            db.engine.dispose()
        if PG_URL:
            _truncate_all(PG_URL)


def test_an_unreachable_provider_gets_a_clear_page(tmp_path):
    from tests.oidc_provider import _free_port

    app = _app(tmp_path, **oidc_config(f"http://127.0.0.1:{_free_port()}"))
    try:
        response = app.test_client().get("/staff/login/oidc")
        assert response.status_code == 502
        assert "could not reach Test Council account" in response.text
    finally:
        with app.app_context():
            db.engine.dispose()


def test_sign_out_ends_the_session_and_offers_the_providers_sign_out(oidc_app, client):
    sign_in(client, "lead-1")
    response = client.post("/staff/logout")
    assert response.location == "/staff/signed-out"
    page = client.get(response.location).text
    assert "You have signed out" in page
    [link] = [part for part in page.split('"') if "/oauth2/end_session" in part]
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["post_logout_redirect_uri"] == ["http://localhost/staff/login"]
    assert client.get("/staff/").status_code == 302
    assert events(oidc_app, "logout")
