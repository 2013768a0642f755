"""Team managers: the team's agreements and reviews, and handing an agreement over."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.orm import selectinload
from wtforms import SelectChoice, SelectField
from wtforms.validators import DataRequired

from feedback.agreements import access, bp, handover
from feedback.agreements.models import Agreement, AgreementError
from feedback.agreements.views import load_visible
from feedback.extensions import db
from feedback.staff.models import User
from feedback.staff.roles import role_required

MANAGERS = ("team_manager",)  # and administrators, who may use every staff route


class HandoverForm(FlaskForm):
    to = SelectField("Hand it over to", validators=[DataRequired()])


@bp.get("/staff/agreements/team")
@role_required(*MANAGERS)
def team():
    """The team's agreements: who holds each, and reviews overdue or due soon."""
    today = date.today()
    overdue, soon = access.due_for_review(db.session, current_user, today)
    rows = db.session.scalars(
        access.visible(current_user)
        .options(selectinload(Agreement.worker), selectinload(Agreement.versions))
        .order_by(Agreement.team, Agreement.review_date.is_(None), Agreement.review_date)
        .limit(500)
    ).all()
    return render_template(
        "agreements/team.html", agreements=rows, overdue=overdue, soon=soon, today=today
    )


@bp.route("/staff/agreements/<reference>/handover", methods=["GET", "POST"])
@role_required(*MANAGERS)
def handover_agreement(reference: str):
    """Hand an agreement, with its reviews, to another worker or team."""
    agreement = load_visible(reference)
    if not access.can_hand_over(current_user, agreement):
        abort(404)
    actor = db.session.get(User, current_user.id)
    workers, teams = handover.targets(db.session, actor)
    form = HandoverForm()
    form.to.choices = [SelectChoice("", "Choose…")]
    form.to.choices += [
        SelectChoice(f"w:{u.id}", f"{u.name} ({u.team or 'no team'})") for u in workers
    ]
    form.to.choices += [SelectChoice(f"t:{t}", f"Team {t}, no worker yet") for t in teams]
    if form.validate_on_submit():
        kind, _, value = form.to.data.partition(":")
        worker = db.session.get(User, int(value)) if kind == "w" and value.isdigit() else None
        try:
            handover.hand_over(
                db.session, agreement, actor=actor, worker=worker, team=value if kind == "t" else ""
            )
        except AgreementError as error:
            db.session.rollback()
            form.to.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"Agreement {agreement.reference} has been handed over.")
            if access.can_see(current_user, agreement):
                return redirect(url_for("agreements.detail", reference=agreement.reference))
            return redirect(url_for("agreements.team"))
    status = 422 if form.errors else 200
    return render_template("agreements/handover.html", agreement=agreement, form=form), status
