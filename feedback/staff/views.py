"""Sign in, sign out and the staff home page."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import func, select

from feedback.extensions import db, login_manager
from feedback.staff import bp
from feedback.staff.audit import record
from feedback.staff.forms import LoginForm
from feedback.staff.models import User, check_dummy_password
from feedback.staff.roles import STAFF_ROLES, role_required


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target and target.startswith("/") and not target.startswith("//"):
        if not urlsplit(target).netloc:
            return target
    return url_for("staff.home")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign a member of staff in."""
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if user is None:
            check_dummy_password(form.password.data)
        if user is None or not user.active or not user.check_password(form.password.data):
            record(db.session, "login_failed")
            db.session.commit()
            # The same words whether the email is unknown or the password wrong.
            form.password.errors.append("That email and password do not match our records.")
            return render_template("staff/login.html", form=form), 401
        session.clear()
        login_user(user)
        record(db.session, "login", actor_id=user.id, target_type="user", target_id=user.id)
        db.session.commit()
        return redirect(_safe_next(request.args.get("next")))
    status = 422 if form.errors else 200
    return render_template("staff/login.html", form=form), status


@bp.post("/logout")
def logout():
    """Sign out and forget the session."""
    if current_user.is_authenticated:
        record(
            db.session,
            "logout",
            actor_id=current_user.id,
            target_type="user",
            target_id=current_user.id,
        )
        db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("staff.login"))


@bp.get("/")
@role_required(*STAFF_ROLES)
def home():
    """The staff landing page: what each role can do from here."""
    return render_template("staff/home.html")
