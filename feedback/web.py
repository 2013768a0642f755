"""Response headers and template helpers shared by every page."""

from __future__ import annotations

from flask import Flask, Response
from flask_login import current_user

from feedback.analysis.language import language_name
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


def security_headers_for(app: Flask) -> list[tuple[str, str]]:
    """The headers every response carries (static files too, through WhiteNoise)."""
    return PRODUCTION_HEADERS if app.config.get("PRODUCTION") else HEADERS


def add_security_headers(response: Response, app: Flask) -> Response:
    """Add each security header the view did not set itself (also called by the
    last-resort error page, which must have them even when other hooks fail)."""
    for name, value in security_headers_for(app):
        response.headers.setdefault(name, value)
    # Staff pages and anything a child typed must never sit in a shared tablet's cache.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def private_png(png: bytes) -> Response:
    """A picture only staff may see (a child's drawing): no browser or proxy may keep it."""
    response = Response(png, mimetype="image/png")
    response.headers["Cache-Control"] = "no-store, private"
    response.headers["Pragma"] = "no-cache"  # old proxies that ignore Cache-Control
    return response


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(response: Response) -> Response:
        return add_security_headers(response, app)

    @app.context_processor
    def globals_for_templates() -> dict:
        return {
            "principles": PRINCIPLES,
            "staff_user": current_user,
            "language_name": language_name,  # a written answer's comment_language
        }
