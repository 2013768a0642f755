"""A member of staff's own account: change password, two-step sign-in, a tablet PIN."""

from __future__ import annotations

from flask import flash, redirect, render_template, session, url_for
from flask_login import current_user

from feedback.extensions import db
from feedback.staff import bp, twofactor
from feedback.staff.audit import log
from feedback.staff.forms import CodeForm, PasswordChangeForm, PinForm, TwoFactorOffForm
from feedback.staff.models import User
from feedback.staff.roles import STAFF_ROLES, role_required
from feedback.staff.views import start_session


def _me() -> User:
    return db.session.get(User, current_user.id)


@bp.get("/account")
@role_required(*STAFF_ROLES)
def account():
    """Show the account's sign-in settings."""
    return render_template("staff/account.html", user=_me())


@bp.route("/account/password", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def change_password():
    """Change the password; every other session of this account ends."""
    form = PasswordChangeForm()
    user = _me()
    if form.validate_on_submit():
        if not user.check_password(form.current.data):
            form.current.errors.append("That is not your current password.")
            return render_template("staff/password.html", form=form), 422
        user.set_password(form.new.data)
        log("credentials_changed", "user", user.id)
        db.session.commit()
        start_session(user)  # this session carries on with the new nonce
        flash("Your password has been changed. Any other sessions have been signed out.")
        return redirect(url_for("staff.account"))
    return render_template("staff/password.html", form=form), 422 if form.errors else 200


@bp.route("/account/two-step", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def two_factor():
    """Turn on two-step sign-in: scan the QR code, then type a code to prove it works."""
    user = _me()
    if user.totp_secret:
        return redirect(url_for("staff.account"))
    secret = session.get("totp_candidate") or twofactor.new_secret()
    session["totp_candidate"] = secret
    form = CodeForm()
    if form.validate_on_submit():
        user.totp_secret = secret
        if twofactor.accept_code(user, form.code.data):
            session.pop("totp_candidate", None)
            log("two_factor_on", "user", user.id)
            db.session.commit()
            flash("Two-step sign-in is on. You will be asked for a code each time you sign in.")
            return redirect(url_for("staff.account"))
        db.session.rollback()
        form.code.errors.append("That code did not work. Check the app and try again.")
    uri = twofactor.provisioning_uri(secret, user.email)
    return render_template(
        "staff/two_factor.html",
        form=form,
        secret=secret,
        qr=twofactor.qr_data_uri(uri),
    ), 422 if form.errors else 200


@bp.post("/account/two-step/off")
@role_required(*STAFF_ROLES)
def two_factor_off():
    """Turn two-step sign-in off (needs a current code)."""
    user = _me()
    form = TwoFactorOffForm()
    if user.totp_secret and form.validate_on_submit():
        if twofactor.accept_code(user, form.code.data):
            user.totp_secret = None
            user.totp_last_step = None
            log("two_factor_off", "user", user.id)
            db.session.commit()
            flash("Two-step sign-in is off.")
            return redirect(url_for("staff.account"))
        form.code.errors.append("That code did not work. Check the app and try again.")
    db.session.rollback()
    return render_template("staff/account.html", user=user, off_form=form), 422


@bp.route("/account/pin", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def set_pin():
    """Set a short PIN for leaving a family's screens on a shared tablet."""
    form = PinForm()
    user = _me()
    if form.validate_on_submit():
        if not user.check_password(form.current.data):
            form.current.errors.append("That is not your current password.")
            return render_template("staff/pin.html", form=form), 422
        user.set_pin(form.pin.data)
        log("pin_set", "user", user.id)
        db.session.commit()
        flash("Your PIN is set. Use it, or your password, to leave a family's screens.")
        return redirect(url_for("staff.account"))
    return render_template("staff/pin.html", form=form), 422 if form.errors else 200
