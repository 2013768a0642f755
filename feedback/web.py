"""Response headers and template helpers shared by every page."""

from __future__ import annotations

from flask import Flask, Response, request
from flask_login import current_user

from feedback.principles import PRINCIPLES

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        if app.config.get("PRODUCTION"):
            headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        # Staff pages and anything a child typed must never sit in a shared tablet's cache.
        if request.endpoint != "static":
            headers.setdefault("Cache-Control", "no-store")
        return response

    @app.context_processor
    def globals_for_templates() -> dict:
        return {"principles": PRINCIPLES, "staff_user": current_user}
