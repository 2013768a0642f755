"""Friendly error pages: a clear message and the right status, never a stack trace."""

from __future__ import annotations

import logging
import secrets

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_template("errors/error.html", error=error, code=400, csrf=True), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        return render_template("errors/error.html", error=error, code=code), code

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        incident = secrets.token_hex(4)
        log.exception("incident %s", incident, exc_info=error)
        return render_template("errors/error.html", error=None, code=500, incident=incident), 500
