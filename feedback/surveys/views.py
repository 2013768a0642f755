"""The public start page and each survey's start screen."""

from __future__ import annotations

from flask import redirect, render_template, session
from sqlalchemy import select

from feedback.audiences.services import list_audiences
from feedback.extensions import csrf, db
from feedback.limits.public import public_write
from feedback.staff.models import User
from feedback.surveys import bp, branching, device, services, unsent
from feedback.surveys.forms import StartForm
from feedback.surveys.models import Survey
from feedback.surveys.pages import (
    closed,
    commit_or_retry,
    remembered_response,
    render,
    screen_url,
    survey_or_404,
)
from feedback.surveys.words import words_for


@bp.get("/")
def index():
    """List the open surveys that are listed, grouped by who they are for (an unlisted
    survey is reached only by its link or QR code)."""
    surveys = db.session.scalars(
        select(Survey).where(Survey.status == "open", Survey.listed).order_by(Survey.id)
    ).all()
    open_now = [s for s in surveys if s.is_open()]
    # A translation is offered beside its original (see the language links), not twice.
    open_ids = {s.id for s in open_now}
    open_now = [s for s in open_now if s.translation_of_id not in open_ids]
    by_audience = [
        (a, [s for s in open_now if s.audience == a.key]) for a in list_audiences(db.session)
    ]
    choose = {a.key: words_for(a)["choose"] for a, _ in by_audience}
    return render_template("surveys/index.html", by_audience=by_audience, choose=choose)


def _start_screen(survey: Survey, form: StartForm, status: int = 200, error: str = ""):
    response = remembered_response(survey)
    # "Welcome back" only when there are answers to come back to.
    resume_at = (
        services.next_position(response, survey.questions) if unsent.has_answers(response) else None
    )
    return render(
        "surveys/start.html",
        survey,
        status,
        form=form,
        resume_url=screen_url(survey, resume_at) if resume_at else None,
        error=error,
        branches=branching.branches(survey),
    )


@bp.get("/s/<slug>")
def start(slug: str):
    """Say who is asking, why, who reads it, and that they can skip or stop."""
    survey = survey_or_404(slug)
    if not survey.is_open():
        return closed(survey)
    return _start_screen(survey, StartForm(formdata=None, token=device.issue_start_token()))


def _visit() -> dict:
    """On a shared tablet, whose visit this is: the worker who handed it over, and their
    team (so an alert can be followed up with them)."""
    tablet = device.current_tablet()
    worker = db.session.get(User, tablet.started_by) if tablet else None
    if worker is None:
        return {}
    return {"worker_id": worker.id, "team": worker.team or None}


@bp.post("/s/<slug>")
@public_write("start")
@csrf.exempt  # checked by the form, so a lost session re-shows the page instead of an error
def begin(slug: str):
    """Start a response (a double tap on Start reuses the first) and show question 1."""
    survey = survey_or_404(slug)
    if not survey.is_open():
        return closed(survey)
    form = StartForm()
    submission_id = device.read_start_token(form.token.data)
    if not form.validate() or submission_id is None:
        form.token.data = form.token.data if submission_id else device.issue_start_token()
        return _start_screen(survey, form, 400, error="error_start_again")
    visit = _visit()
    earlier = remembered_response(survey)

    def start_fresh():
        # "Start again": the answers this device gave before are deleted, not carried on.
        if earlier is not None and earlier.submission_id != submission_id:
            unsent.discard_unsent(db.session, earlier)
        return services.resume_or_start(db.session, survey, submission_id, **visit)

    response = commit_or_retry(start_fresh)
    if response.status != "in_progress":  # an old page: this go was already sent
        response = commit_or_retry(lambda: services.start_response(db.session, survey, **visit))
    session.pop("help_first", None)  # a new go: nothing from an earlier one carries over
    session.pop("talk_to", None)
    device.remember(slug, response.submission_id)
    return redirect(screen_url(survey, services.next_position(response, survey.questions)), 303)
