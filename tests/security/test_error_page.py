"""The 500 page cannot fail: after a database error, or when the page itself cannot be
made, the visitor still gets a plain apology with the security headers, never a bare
server error."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from feedback.extensions import db
from feedback.staff.models import User
from tests.conftest import login
from tests.security.headers import assert_security_headers


@pytest.fixture
def broken_app(app):
    """The app with routes that fail in the ways a real request can."""

    @app.get("/test-broken/sql")
    def broken_sql():
        db.session.execute(text("SELECT * FROM no_such_table"))

    @app.get("/test-broken/flush")
    def broken_flush():
        db.session.add(User(email=None, name="x", role="lead"))  # email is required
        db.session.flush()

    @app.get("/test-broken/commit-then-read")
    def broken_then_read():
        try:
            db.session.execute(text("SELECT * FROM no_such_table"))
        except Exception:  # noqa: BLE001 - a view that swallowed the error and carried on
            pass
        db.session.scalar(text("SELECT 1"))
        raise RuntimeError("boom")

    return app


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("where", ["sql", "flush", "commit-then-read"])
def test_a_database_error_gives_the_friendly_page_with_headers(
    broken_app, make_user, where, signed_in
):
    client = broken_app.test_client()
    if signed_in:
        assert login(client, make_user("lead")).status_code == 302
    response = client.get(f"/test-broken/{where}")
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.text
    assert_security_headers(response, where)


def test_when_the_page_itself_cannot_be_made_a_plain_one_is_sent(broken_app, monkeypatch):
    import feedback.errors

    def cannot_render(*args, **kwargs):
        raise RuntimeError("the template is broken")

    monkeypatch.setattr(feedback.errors, "render_template", cannot_render)
    response = broken_app.test_client().get("/test-broken/sql")
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in response.text
    assert response.mimetype == "text/html"
    assert_security_headers(response, "plain 500")
