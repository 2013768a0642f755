"""The family's screens on the worker's tablet, and the way back to the staff pages.

Once the worker opens the family's screens (going through the agreement, signing), every
staff page asks for the worker's password or PIN first, so a family member holding the
tablet cannot reach other families' agreements. Too many wrong tries sign the worker out.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, Length

from feedback.agreements import bp
from feedback.extensions import db
from feedback.limits import rules
from feedback.limits.public import by_address
from feedback.staff.audit import record
from feedback.staff.models import User
from feedback.staff.roles import STAFF_ROLES, role_required
from feedback.staff.views import end_session

SESSION_KEY = "family_screens"  # the reference of the agreement on the tablet
TRIES_KEY = "family_screens_tries"
MAX_TRIES = 5
FAMILY_SCREENS = {
    "agreements.together",
    "agreements.signers",
    "agreements.sign",
    "agreements.signed",
    "agreements.leave_family_screens",
}
# The idle-warning script's pings: they show nothing, and keep the tablet signed in.
STILL_ALLOWED = {"staff.session_status", "staff.keep_alive"}


class LeaveForm(FlaskForm):
    secret = PasswordField("Your password or PIN", validators=[DataRequired(), Length(max=1000)])


def enter(reference: str) -> None:
    """Note that the family's screens for this agreement are open on this device."""
    session[SESSION_KEY] = reference


@bp.before_app_request
def keep_to_family_screens():
    """While the family's screens are open, send every staff page to the unlock screen."""
    reference = session.get(SESSION_KEY)
    if not reference or request.endpoint in STILL_ALLOWED:
        return None
    view = current_app.view_functions.get(request.endpoint or "")
    if not hasattr(view, "allowed_roles"):  # public pages: nothing to protect
        return None
    if (
        request.endpoint in FAMILY_SCREENS
        and (request.view_args or {}).get("reference") == reference
    ):
        return None
    return redirect(url_for("agreements.leave_family_screens", reference=reference))


def _audit(action: str, user: User) -> None:
    record(db.session, action, actor_id=user.id, target_type="user", target_id=user.id)


@bp.route("/staff/agreements/<reference>/leave", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
@by_address(rules.LEAVE_FAMILY_SCREENS, public=False)
def leave_family_screens(reference: str):
    """Go back to the staff pages: the worker types their password or PIN."""
    form = LeaveForm()
    if form.validate_on_submit():
        user = db.session.get(User, current_user.id)
        if user.check_password_or_pin(form.secret.data):
            session.pop(SESSION_KEY, None)
            session.pop(TRIES_KEY, None)
            _audit("family_screens_left", user)
            db.session.commit()
            return redirect(url_for("agreements.detail", reference=reference))
        tries = session.get(TRIES_KEY, 0) + 1
        session[TRIES_KEY] = tries
        _audit("family_screens_wrong_secret", user)
        db.session.commit()
        if tries >= MAX_TRIES:
            end_session()
            flash("You were signed out after too many tries. Please sign in again.")
            return redirect(url_for("staff.login"))
        form.secret.errors.append("That is not the password or PIN for this account.")
    status = 422 if form.errors else 200
    return render_template(
        "agreements/leave.html", form=form, reference=reference, back=session.get(SESSION_KEY)
    ), status
