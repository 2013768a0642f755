"""Friendly error pages: a clear message and the right status, never a stack trace.

The 500 page cannot fail: the request's database session is rolled back first (after a
database error it can do nothing else, and the page asks it who is signed in), and if
the page still cannot be made, a plain copy of it, read when the app starts, is sent,
with the security headers set on it directly.
"""

from __future__ import annotations

import logging
import secrets

from flask import Flask, Response, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

from feedback.web import add_security_headers

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    plain_500 = app.jinja_env.loader.get_source(app.jinja_env, "errors/plain500.html")[0]

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_template("errors/error.html", error=error, code=400, csrf=True), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        if code == 403:
            _audit_denial()
        return render_template("errors/error.html", error=error, code=code), code

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        incident = secrets.token_hex(4)
        log.exception("incident %s", incident, exc_info=error)
        _rollback()
        try:
            page = render_template("errors/error.html", error=None, code=500, incident=incident)
        except Exception:  # the page that says sorry must not fail too
            log.exception("incident %s: the error page could not be made", incident)
            page = plain_500.replace("{{ incident }}", incident)
        response = Response(page, 500, mimetype="text/html")
        return add_security_headers(response, app)


def _rollback() -> None:
    """Undo the failed request's database work, so the error page can still use the session."""
    from feedback.extensions import db

    try:
        db.session.rollback()
    except Exception:  # a lost connection: the page is made without it
        log.exception("could not roll back after an error")


def _audit_denial() -> None:
    """Note a refused page in the audit log, in its own transaction (the view's is left alone)."""
    from feedback.extensions import db
    from feedback.staff.audit import record

    actor = current_user.id if current_user.is_authenticated else None
    try:
        with Session(db.engine) as session:
            record(
                session,
                "denied",
                actor_id=actor,
                target_type="endpoint",
                target_id=request.endpoint or request.path[:64],
                detail=request.method,
            )
            session.commit()
    except Exception:  # the refusal itself must still be shown
        log.exception("could not audit a denial")
