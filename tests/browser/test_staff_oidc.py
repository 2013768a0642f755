"""Staff sign in through a real OpenID Connect provider (oidc-provider-mock, on 127.0.0.1),
in Chromium: success, no role, a forged answer, an expired ID token, sign-out, and an
administrator ending someone's sessions."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server

from feedback import create_app, migrate
from feedback.extensions import db
from feedback.staff.models import User
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD, PG_URL, _config
from tests.oidc_provider import CLIENT_ID, oidc_config

pytestmark = pytest.mark.browser
BUTTON = "Sign in with Test Council account"


def _database_url(tmp) -> str:
    if not PG_URL:
        return f"sqlite:///{tmp / 'oidc.sqlite'}"
    base, _, _name = PG_URL.rpartition("/")
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS feedback_oidc WITH (FORCE)"))
        conn.execute(text("CREATE DATABASE feedback_oidc"))
    engine.dispose()
    return f"{base}/feedback_oidc"


@contextmanager
def _serve(tmp, url: str, issuer: str):
    app = create_app(_config(tmp, url, WTF_CSRF_ENABLED=True, **oidc_config(issuer)))
    with app.app_context():
        migrate.upgrade(db.engine)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return _database_url(tmp_path_factory.mktemp("oidc"))


@pytest.fixture(scope="module")
def site(tmp_path_factory, database, oidc_provider):
    """(app, base URL) of a site whose staff sign in through the provider."""
    with _serve(tmp_path_factory.mktemp("site"), database, oidc_provider) as served:
        yield served


@pytest.fixture(scope="module")
def expired_site(tmp_path_factory, database, expired_oidc_provider):
    with _serve(tmp_path_factory.mktemp("expired"), database, expired_oidc_provider) as served:
        yield served


def provider_sign_in(page, base: str, sub: str) -> None:
    page.goto(base + "/staff/login")
    page.get_by_role("link", name=BUTTON).click()
    page.locator(f"button[name=sub][value='{sub}']").click()


def test_sign_in_with_the_provider_then_sign_out_of_both(page, site):
    _app, base = site
    page.goto(base + "/staff/login")
    assert page.locator("main a.button").first.inner_text() == BUTTON
    assert_accessible(page, "sign-in page with the provider's button")
    page.get_by_role("link", name=BUTTON).click()
    page.locator("button[name=sub][value='lead-1']").click()
    assert page.locator("h1").inner_text() == "Hello, Lee Lead"
    assert_accessible(page, "staff home after provider sign-in")
    page.get_by_role("link", name="Lee Lead (Participation lead)").click()
    assert page.get_by_text("You sign in with Test Council account").is_visible()

    page.get_by_role("button", name="Sign out").click()
    assert page.locator("h1").inner_text() == "You have signed out of this service"
    assert_accessible(page, "signed out, offering the provider's sign-out")
    page.get_by_role("link", name="Sign out of Test Council account too").click()
    assert f"client_id={CLIENT_ID}" in page.url
    page.get_by_role("button", name="End session").click()  # the provider's own page
    assert page.url.startswith(base + "/staff/login")
    page.goto(base + "/staff/")
    assert page.locator("h1").inner_text() == "Staff sign in"


def test_someone_without_a_role_is_told_clearly(page, site):
    _app, base = site
    provider_sign_in(page, base, "no-role-1")
    assert page.locator("h1").inner_text() == "You cannot use this service yet"
    assert page.get_by_text("ask your manager or IT service desk").is_visible()
    assert_accessible(page, "no role refusal")
    page.goto(base + "/staff/")
    assert page.locator("h1").inner_text() == "Staff sign in"


def test_an_answer_this_browser_did_not_ask_for_is_refused(page, site, oidc_provider):
    """Someone else's sign-in link (a forged state) must not sign this browser in."""
    _app, base = site
    forged = urlencode(
        {
            "client_id": CLIENT_ID,
            "redirect_uri": base + "/staff/login/oidc/callback",
            "response_type": "code",
            "scope": "openid email profile",
            "state": "made-up-by-someone-else",
            "nonce": "made-up-too",
        }
    )
    page.goto(f"{oidc_provider}/oauth2/authorize?{forged}")
    page.locator("button[name=sub][value='lead-1']").click()
    assert page.locator("h1").inner_text() == "Sign-in did not finish"
    assert_accessible(page, "sign-in did not finish")
    page.goto(base + "/staff/")
    assert page.locator("h1").inner_text() == "Staff sign in"


def test_an_expired_id_token_is_refused(page, expired_site):
    _app, base = expired_site
    provider_sign_in(page, base, "worker-1")
    assert page.locator("h1").inner_text() == "Sign-in did not finish"
    page.goto(base + "/staff/")
    assert page.locator("h1").inner_text() == "Staff sign in"


def test_an_administrator_ends_someones_sessions_at_once(page, browser, site):
    app, base = site
    with app.app_context():
        admin = User(email="admin.oidc@example.org", name="Ada Admin", role="admin")
        admin.set_password(PASSWORD)
        db.session.add(admin)
        db.session.commit()
    lead_context = browser.new_context()
    try:
        lead_page = lead_context.new_page()
        provider_sign_in(lead_page, base, "worker-1")
        assert lead_page.locator("h1").inner_text() == "Hello, Pat Worker"

        page.goto(base + "/staff/login")
        page.get_by_label("Email address").fill("admin.oidc@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.get_by_role("link", name="End a member of staff's sessions at once").click()
        assert_accessible(page, "end staff sessions")
        page.get_by_role("button", name="Sign out Pat Worker everywhere").click()
        assert page.get_by_text("Pat Worker has been signed out everywhere").is_visible()

        lead_page.reload()
        assert lead_page.locator("h1").inner_text() == "Staff sign in"
    finally:
        lead_context.close()
