"""Sign in (with an optional second step), sign out, and the staff home page."""

from __future__ import annotations

import secrets
import time
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import func, select

from feedback.extensions import db, login_manager
from feedback.limits import signin
from feedback.staff import bp, twofactor
from feedback.staff.audit import record
from feedback.staff.forms import CodeForm, LoginForm
from feedback.staff.models import User, check_dummy_password
from feedback.staff.roles import STAFF_ROLES, role_required

PENDING_SECONDS = 300  # how long the second step may take after the password


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the signed-in user, if their session has not been ended since."""
    ident, _, nonce = user_id.partition(".")
    if not ident.isdigit() or not nonce:
        return None
    user = db.session.get(User, int(ident))
    if user is None or not user.active:
        return None
    return user if secrets.compare_digest(user.session_nonce, nonce) else None


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target and target.startswith("/") and not target.startswith("//"):
        if not urlsplit(target).netloc and "\\" not in target:
            return target
    return url_for("staff.home")


def end_session() -> None:
    """Sign out on this browser: Flask-Login forgets the user and the session is emptied,
    so nothing of the member of staff's is left for whoever holds the device next."""
    logout_user()
    session.clear()


def start_session(user: User) -> None:
    """Sign `user` in on a fresh session and note when, for the timeouts."""
    session.clear()
    login_user(user)
    now = time.time()
    session["signed_in_at"] = now
    session["last_seen"] = now


@bp.route("/login", methods=["GET", "POST"])
@signin.password_limited  # back-off per account and address, counted in the database
def login():
    """Sign a member of staff in."""
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        # The password is always hashed (a dummy for an unknown email), and before the
        # account's state is looked at, so a disabled or unknown account answers in the
        # same time as a known one.
        if user is None:
            check_dummy_password(form.password.data)
            right = False
        else:
            right = user.check_password(form.password.data)
        if (
            not right
            or not user.active
            or not user.may_use_password(current_app.config["LOCAL_LOGIN"])
        ):
            record(db.session, "login_failed")
            db.session.commit()
            # The same words whether the email is unknown or the password wrong.
            form.password.errors.append("That email and password do not match our records.")
            return render_template("staff/login.html", form=form), 401
        db.session.commit()  # a rehashed password, if the parameters changed
        target = _safe_next(request.args.get("next"))
        if user.totp_secret:
            session.clear()
            session["pending"] = {"id": user.id, "at": time.time(), "next": target}
            return redirect(url_for("staff.login_code"))
        start_session(user)
        record(db.session, "login", actor_id=user.id, target_type="user", target_id=user.id)
        db.session.commit()
        return redirect(target)
    status = 422 if form.errors else 200
    return render_template("staff/login.html", form=form), status


def _pending_user() -> User | None:
    pending = session.get("pending") or {}
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending.get("id", 0))
    return user if user is not None and user.active and user.totp_secret else None


@bp.route("/login/code", methods=["GET", "POST"])
@signin.code_limited  # wrong codes per account, counted in the database
def login_code():
    """Ask for the six-digit code from the authenticator app (second step)."""
    user = _pending_user()
    if user is None:
        session.pop("pending", None)
        flash("Please sign in again.")
        return redirect(url_for("staff.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if not twofactor.accept_code(user, form.code.data):
            record(db.session, "login_code_failed", target_type="user", target_id=user.id)
            db.session.commit()
            form.code.errors.append("That code did not work. Check the app and try again.")
            return render_template("staff/login_code.html", form=form), 401
        target = session["pending"].get("next") or url_for("staff.home")
        start_session(user)
        record(db.session, "login", actor_id=user.id, target_type="user", target_id=user.id)
        db.session.commit()
        return redirect(_safe_next(target))
    status = 422 if form.errors else 200
    return render_template("staff/login_code.html", form=form), status


@bp.post("/logout")
def logout():
    """Sign out: end this account's sessions in the database, and forget this one."""
    with_provider = session.get("signed_in_with") == "oidc"
    if current_user.is_authenticated:
        user = db.session.get(User, current_user.id)
        user.end_sessions()
        record(db.session, "logout", actor_id=user.id, target_type="user", target_id=user.id)
        db.session.commit()
    end_session()
    flash("You have signed out.")
    if with_provider:  # offer to sign out of the identity provider too
        return redirect(url_for("staff.oidc_signed_out"))
    return redirect(url_for("staff.login"))


@bp.get("/")
@role_required(*STAFF_ROLES)
def home():
    """The staff landing page: what each role can do from here."""
    return render_template("staff/home.html")
