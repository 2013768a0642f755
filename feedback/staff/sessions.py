"""Staff session timeouts, checked on the server for every request.

Idle: signed out after STAFF_IDLE_SECONDS (30 minutes) without a page being used; a
warning shows first (static/js/session-timeout.js) with a way to stay signed in.
Absolute: signed out STAFF_MAX_SESSION_SECONDS (12 hours) after signing in, whatever.
"""

from __future__ import annotations

import time

from flask import current_app, flash, jsonify, redirect, request, session, url_for
from flask_login import current_user

from feedback.extensions import db
from feedback.staff import bp
from feedback.staff.audit import record
from feedback.staff.roles import STAFF_ROLES, role_required
from feedback.staff.views import _safe_next, end_session

# Asking how long is left must not count as using the app.
NOT_ACTIVITY = {"static", "staff.session_status"}


def seconds_left(now: float | None = None) -> int:
    """Seconds until this session ends, by whichever timeout comes first."""
    now = time.time() if now is None else now
    config = current_app.config
    idle_left = session.get("last_seen", 0) + config["STAFF_IDLE_SECONDS"] - now
    absolute_left = session.get("signed_in_at", 0) + config["STAFF_MAX_SESSION_SECONDS"] - now
    return int(min(idle_left, absolute_left))


def may_be_staff() -> bool:
    """Could this request come from a signed-in member of staff?

    Only a session that Flask-Login signed someone into (or its remember-me cookie) can
    be; for everyone else, children answering a survey above all, this answers without
    loading a user or hashing the session's fingerprint.
    """
    remember = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    if "_user_id" not in session and remember not in request.cookies:
        return False
    return current_user.is_authenticated


@bp.before_app_request
def check_session_timeouts():
    """End a staff session that has been idle or open too long; otherwise note this use."""
    if request.endpoint == "static" or not may_be_staff():
        return None
    if seconds_left() <= 0:
        user_id = current_user.id
        end_session()
        record(
            db.session, "session_expired", actor_id=user_id, target_type="user", target_id=user_id
        )
        db.session.commit()
        if request.endpoint == "staff.session_status" or request.is_json:
            return jsonify(signed_in=False, seconds_left=0), 401
        flash(
            "You were signed out because the page was not used for a while. Please sign in again."
        )
        return redirect(url_for("staff.login", next=request.full_path.rstrip("?")))
    if request.endpoint not in NOT_ACTIVITY:
        session["last_seen"] = time.time()
    return None


@bp.get("/session")
@role_required(*STAFF_ROLES)
def session_status():
    """Say how long is left before this session times out (read by the warning script)."""
    return jsonify(signed_in=True, seconds_left=seconds_left())


@bp.post("/session")
@role_required(*STAFF_ROLES)
def keep_alive():
    """Stay signed in (the request itself resets the idle clock)."""
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify(signed_in=True, seconds_left=seconds_left())
    return redirect(_safe_next(request.form.get("next")))
