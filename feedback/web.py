"""Response headers and template helpers shared by every page."""

from __future__ import annotations

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user

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


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the signer made once per set of keys
    (Flask makes a new one twice a request)."""

    def __init__(self) -> None:
        self._signers: dict[tuple, object] = {}

    def get_signing_serializer(self, app: Flask):
        keys = (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        if keys not in self._signers:
            self._signers = {keys: super().get_signing_serializer(app)}
        return self._signers[keys]


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
