"""Response headers and template helpers shared by every page."""

from __future__ import annotations

import time

from flask import Flask, Response, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_login import current_user
from itsdangerous import BadSignature

from feedback.principles import PRINCIPLES

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
]
PRODUCTION_HEADERS = [
    *HEADERS,
    ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
]


MAX_READ = 20000  # session cookies a worker remembers having checked
_SCALARS = (str, int, float, bool, type(None))


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the signer made once per set of keys
    (Flask makes a new one twice a request), and each cookie's signature checked once
    per worker: the same cookie sent again (every screen of a survey) is read from what
    the first check found, while it is still within the session's lifetime."""

    def __init__(self) -> None:
        self._signers: dict[tuple, object] = {}
        self._read: dict[str, tuple[object, dict, float]] = {}  # cookie: signer, data, signed at

    def get_signing_serializer(self, app: Flask):
        keys = (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        if keys not in self._signers:
            self._signers = {keys: super().get_signing_serializer(app)}
        return self._signers[keys]

    def open_session(self, app: Flask, request) -> SecureCookieSession | None:
        cookie = request.cookies.get(self.get_cookie_name(app))
        signer = self.get_signing_serializer(app)
        if not cookie or signer is None:
            return super().open_session(app, request)
        max_age = int(app.permanent_session_lifetime.total_seconds())
        read = self._read.get(cookie)
        if read is not None and read[0] is signer and time.time() - read[2] <= max_age:
            return self.session_class(read[1])
        try:
            data, signed_at = signer.loads(cookie, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        # Kept only when nothing in it could be changed in place by a request.
        if isinstance(data, dict) and all(isinstance(v, _SCALARS) for v in data.values()):
            if len(self._read) >= MAX_READ:
                self._read.clear()
            self._read[cookie] = (signer, data, signed_at.timestamp())
        return self.session_class(data)

    def save_session(self, app: Flask, session, response: Response) -> None:
        """Flask's, without working out the cookie's settings when it is not sent: most
        requests leave the session as it came."""
        if not session.modified and not (
            session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]
        ):
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    app.session_interface = CookieSessions()

    @app.after_request
    def security_headers(response: Response) -> Response:
        # Add each header unless the view set its own (werkzeug's setdefault scans every
        # header each time: this runs on every response, so look once).
        headers = response.headers
        present = {name.lower() for name in headers.keys()}
        for name, value in PRODUCTION_HEADERS if app.config.get("PRODUCTION") else HEADERS:
            if name.lower() not in present:
                headers.add(name, value)
        # Staff pages and anything a child typed must never sit in a shared tablet's cache.
        if request.endpoint != "static" and "cache-control" not in present:
            headers.add("Cache-Control", "no-store")
        return response

    @app.context_processor
    def globals_for_templates() -> dict:
        return {"principles": PRINCIPLES, "staff_user": current_user}
