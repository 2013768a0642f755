"""Friendly error pages: a clear message and the right status, never a stack trace."""

from __future__ import annotations

import logging
import secrets

from flask import Flask, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
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
        return render_template("errors/error.html", error=None, code=500, incident=incident), 500


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
