"""Staff accounts, for administrators: see every account, disable or enable one.

Disabling ends every session of the account at once (its session nonce changes), and so
does enabling it again: a cookie from before it was disabled is never honoured again.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff import bp
from feedback.staff.audit import log
from feedback.staff.forms import AccountActiveForm
from feedback.staff.models import User
from feedback.staff.roles import role_required


def _page(status: int = 200, error: str = ""):
    users = db.session.scalars(select(User).order_by(User.name, User.id)).all()
    return render_template(
        "staff/accounts.html", users=users, form=AccountActiveForm(), error=error
    ), status


@bp.get("/accounts")
@role_required()  # administrators only
def accounts():
    """List every staff account, with a button to disable or enable it."""
    return _page()


@bp.post("/accounts/<int:user_id>")
@role_required()  # administrators only
def set_active(user_id: int):
    """Disable or enable one account, ending all of its sessions."""
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    form = AccountActiveForm()
    if not form.validate_on_submit():
        return _page(422, "Choose enable or disable, then try again.")
    if user.id == current_user.id:
        return _page(409, "You cannot disable or enable your own account.")
    active = form.active.data == "yes"
    user.set_active(active)
    log("account_enabled" if active else "account_disabled", "user", user.id)
    db.session.commit()
    flash(f"{user.name}'s account is now {'enabled' if active else 'disabled'}.")
    return redirect(url_for("staff.accounts"), 303)
