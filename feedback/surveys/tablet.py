"""Shared-tablet hand-back. A practitioner locks the tablet to the surveys of a visit and
hands it over; after each child sends their answers, or leaves it idle, it goes back to a
neutral welcome screen, and nothing an earlier child said can be reached with Back,
history or reload. Only Send sends: a go that ends by idling is forgotten, never sent."""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff.audit import record
from feedback.staff.roles import role_required
from feedback.staff.views import end_session
from feedback.surveys import bp, device, services
from feedback.surveys.models import Survey
from feedback.surveys.pages import render

# Public survey screens; on a tablet only its own survey's screens may be reached.
SURVEY_SCREENS = {"start", "begin", "question", "answer", "finish", "send", "thanks", "talk"}
RETURNS_HOME_WHEN_IDLE = {"start", "question", "finish"}


class TabletForm(FlaskForm):
    """The chosen surveys come as `slug` checkboxes (read with getlist): only CSRF here."""


def _config(name: str, default: int) -> int:
    return int(current_app.config.get(name, default))


@bp.before_request
def keep_tablet_locked():
    """On a tablet, stay inside the visit's surveys, and go home after a long idle (even
    without JavaScript, the next page load after that goes back to the welcome screen)."""
    tablet = device.current_tablet()
    if tablet is None:
        return None
    endpoint = (request.endpoint or "").removeprefix("surveys.")
    if endpoint.startswith("staff_"):
        return None
    if endpoint == "index":
        return redirect(url_for("surveys.tablet_welcome"))
    if endpoint in SURVEY_SCREENS and (request.view_args or {}).get("slug") not in tablet.slugs:
        return redirect(url_for("surveys.tablet_welcome"))
    idle_limit = _config("TABLET_SERVER_IDLE_SECONDS", 15 * 60)
    if endpoint in RETURNS_HOME_WHEN_IDLE and request.method == "GET":
        if tablet.idle_for(time.time()) > idle_limit:
            return redirect(url_for("surveys.tablet_welcome", idle=1))
    return None


@bp.after_request
def note_tablet_activity(response):
    """Remember when the tablet was last used, for the idle check above."""
    tablet = device.current_tablet()
    if tablet is None:
        return response
    endpoint = (request.endpoint or "").removeprefix("surveys.")
    if not endpoint.startswith("staff_") and response.status_code < 500:
        now = time.time()
        device.set_tablet_cookie(
            response, device.Tablet(tablet.slugs, tablet.started_by, tablet.started, now)
        )
    return response


def _visit_surveys(tablet: device.Tablet) -> list[Survey]:
    found = [services.open_survey(db.session, slug) for slug in tablet.slugs]
    return [s for s in found if s is not None]


@bp.get("/tablet")
def tablet_welcome():
    """The neutral welcome screen, with the visit's surveys. A go that ended by idling
    (`idle=1`) is forgotten by this device and never sent: only Send sends. Otherwise
    (a child who looked at a notice, say) they can carry on where they were."""
    tablet = device.current_tablet()
    surveys = _visit_surveys(tablet) if tablet else []
    if not surveys:
        return redirect(url_for("surveys.index"))
    carry_on = None
    go = device.remembered_go()
    if go is not None and request.args.get("idle"):
        device.forget()
        session.pop("help_first", None)
    elif go is not None and go[0] in tablet.slugs:
        survey = next(s for s in surveys if s.slug == go[0])
        response = services.find_response(db.session, go[1])
        if response is not None and response.status == "in_progress" and response.answers:
            carry_on = url_for(
                "surveys.question",
                slug=survey.slug,
                n=min(services.next_position(response, survey.questions), len(survey.questions)),
            )
    return render(
        "surveys/tablet_welcome.html",
        surveys[0],
        surveys=[s for s in surveys if s.is_open()],
        carry_on=carry_on,
        at_home=True,
    )


@bp.route("/staff/tablet", methods=["GET", "POST"])
@role_required("practitioner", "lead")
def staff_tablet():
    """Choose the surveys for a visit and lock this tablet to them (this signs you out)."""
    form = TabletForm()
    surveys = db.session.scalars(
        select(Survey).where(Survey.status == "open").order_by(Survey.id)
    ).all()
    surveys = [s for s in surveys if s.is_open()]
    if form.validate_on_submit():
        wanted = set(request.form.getlist("slug"))
        chosen = [s for s in surveys if s.slug in wanted]
        if not chosen:
            flash("Choose at least one open survey.")
            return redirect(url_for("surveys.staff_tablet"))
        for survey in chosen:
            record(
                db.session,
                "tablet_started",
                actor_id=current_user.id,
                target_type="survey",
                target_id=survey.id,
            )
        db.session.commit()
        user_id = current_user.id
        end_session()
        response = redirect(url_for("surveys.tablet_welcome"), 303)
        now = time.time()
        slugs = tuple(s.slug for s in chosen)
        device.set_tablet_cookie(response, device.Tablet(slugs, user_id, now, now))
        response.delete_cookie(device.RESPONSE_COOKIE)
        return response
    return render_template(
        "surveys/staff_tablet.html", form=form, surveys=surveys, tablet=device.current_tablet()
    )


@bp.route("/staff/tablet/end", methods=["GET", "POST"])
@role_required("practitioner", "lead")
def staff_tablet_end():
    """Unlock this tablet so it is an ordinary browser again."""
    form = TabletForm()
    if form.validate_on_submit():
        record(db.session, "tablet_ended", actor_id=current_user.id)
        db.session.commit()
        flash("This tablet is no longer locked to a survey.")
        response = redirect(url_for("surveys.staff_tablet"), 303)
        device.clear_tablet_cookie(response)
        return response
    return render_template(
        "surveys/staff_tablet_end.html", form=form, tablet=device.current_tablet()
    )
