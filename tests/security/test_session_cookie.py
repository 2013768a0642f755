"""The session cookie's signature is checked once per worker, and nothing else changes:
a kept cookie still expires, a forged one is still refused, and no request can change
what another request reads."""

import pytest

import feedback.web
from feedback.web import CookieSessions


def _cookie(app, **data) -> str:
    return app.session_interface.get_signing_serializer(app).dumps(data)


@pytest.fixture
def loads(app, monkeypatch):
    """Counts the signature checks the session interface makes."""
    signer = app.session_interface.get_signing_serializer(app)
    calls = []
    real = signer.loads
    monkeypatch.setattr(signer, "loads", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    return calls


def _read(app, cookie):
    headers = {"Cookie": f"{app.config['SESSION_COOKIE_NAME']}={cookie}"}
    with app.test_request_context("/", headers=headers) as ctx:
        return ctx.session


def test_the_same_cookie_is_checked_once_and_reads_the_same(app, loads):
    assert isinstance(app.session_interface, CookieSessions)
    cookie = _cookie(app, csrf_token="abc", n=1)
    first, again = _read(app, cookie), _read(app, cookie)
    assert dict(first) == dict(again) == {"csrf_token": "abc", "n": 1}
    assert loads == [cookie]
    first["csrf_token"] = "changed by one request"
    assert _read(app, cookie)["csrf_token"] == "abc"


def test_a_session_holding_a_list_is_checked_every_time(app, loads):
    cookie = _cookie(app, _flashes=[["message", "Saved"]])
    _read(app, cookie)["_flashes"].append(["message", "changed in place"])
    assert _read(app, cookie)["_flashes"] == [["message", "Saved"]]
    assert loads == [cookie, cookie]


def test_a_kept_cookie_still_expires_with_the_session(app, monkeypatch):
    cookie = _cookie(app, csrf_token="abc")
    assert _read(app, cookie)["csrf_token"] == "abc"
    later = feedback.web.time.time() + app.permanent_session_lifetime.total_seconds() + 60
    monkeypatch.setattr(feedback.web.time, "time", lambda: later)
    assert dict(_read(app, cookie)) == {}


def test_a_forged_cookie_is_refused_and_a_new_key_checks_again(app, loads):
    cookie = _cookie(app, csrf_token="abc")
    assert dict(_read(app, cookie[:-2] + "xx")) == {}
    assert _read(app, cookie)["csrf_token"] == "abc"
    app.secret_key = "another key, after a rotation, long enough " * 2
    assert dict(_read(app, cookie)) == {}


def test_the_cookie_is_sent_only_when_flask_would_send_it(app):
    """Unchanged: no cookie, but Vary: Cookie; changed, or permanent and refreshed on
    every request (Flask's SESSION_REFRESH_EACH_REQUEST): sent, as Flask sends it."""
    from flask import Response

    interface, name = app.session_interface, app.config["SESSION_COOKIE_NAME"]
    cookie = _cookie(app, csrf_token="abc")

    def saved(change) -> Response:
        with app.test_request_context("/", headers={"Cookie": f"{name}={cookie}"}) as ctx:
            change(ctx.session)
            response = Response()
            interface.save_session(app, ctx.session, response)
            return response

    untouched = saved(lambda s: s.get("csrf_token"))
    assert "Set-Cookie" not in untouched.headers and "Cookie" in untouched.headers["Vary"]
    changed = saved(lambda s: s.update(step=2))
    assert changed.headers["Set-Cookie"].startswith(f"{name}=")

    def permanent_unchanged(session) -> None:
        session.permanent = True
        session.modified = False

    assert saved(permanent_unchanged).headers["Set-Cookie"].startswith(f"{name}=")
    app.config["SESSION_REFRESH_EACH_REQUEST"] = False
    assert "Set-Cookie" not in saved(permanent_unchanged).headers
