"""Preview a survey exactly as its audience will see it, inside a tablet-sized frame.

The frame shows the real survey screens (the same templates and words). Pressing their
buttons moves through the screens, checking answers as the real ones do, but nothing
is stored. Only these frame pages may be shown inside a frame, and only by this site.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, make_response, redirect, request, url_for

from feedback.builder import bp
from feedback.builder.conditions import describe
from feedback.builder.pages import render, survey_or_404
from feedback.builder.services import translations
from feedback.extensions import db
from feedback.languages import languages
from feedback.staff.roles import role_required
from feedback.surveys import branching, device
from feedback.surveys.forms import FinishForm, StartForm, answer_form
from feedback.surveys.models import Survey
from feedback.surveys.pages import render as render_screen
from feedback.web import CSP

FRAME_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
DEVICES = {"tablet": "Tablet", "phone": "Phone"}


def frameable(view: Callable) -> Callable:
    """Let this site (and only this site) show the page in a frame."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Content-Security-Policy"] = FRAME_CSP
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response

    return wrapped


def _screen(survey: Survey, n: int) -> str:
    if n < 1:
        return url_for("builder.preview_start", survey_id=survey.id)
    if n > len(survey.questions):
        return url_for("builder.preview_finish", survey_id=survey.id)
    return url_for("builder.preview_question", survey_id=survey.id, n=n)


@bp.get("/<int:survey_id>/preview")
@role_required("lead")
def preview(survey_id: int):
    """The survey in a tablet- (or phone-) sized frame, with a note that nothing is saved."""
    survey = survey_or_404(survey_id)
    shape = request.args.get("device", "tablet")
    if shape not in DEVICES:
        shape = "tablet"
    return render(
        "builder/preview.html",
        survey=survey,
        shape=shape,
        devices=DEVICES,
        branches=branching.branches(survey),
    )


@bp.route("/<int:survey_id>/preview/frame", methods=["GET", "POST"])
@role_required("lead")
@frameable
def preview_start(survey_id: int):
    """The start screen, as the audience sees it."""
    survey = survey_or_404(survey_id)
    if request.method == "POST":
        return redirect(_screen(survey, 1), 303)
    form = StartForm(formdata=None, token=device.issue_start_token())
    known = languages()
    versions = [
        (known[s.language], s)
        for s in translations(db.session, survey)
        if s.language in known and (s.id == survey.id or s.status != "archived")
    ]
    return render_screen(
        "surveys/start.html",
        survey,
        form=form,
        resume_url=None,
        error="",
        form_action=url_for("builder.preview_start", survey_id=survey.id),
        language_versions=versions,
        language_url=lambda other: url_for("builder.preview_start", survey_id=other.id),
        branches=branching.branches(survey),
    )


@bp.route("/<int:survey_id>/preview/frame/<int:n>", methods=["GET", "POST"])
@role_required("lead")
@frameable
def preview_question(survey_id: int, n: int):
    """Question n; its answer is checked as on the real screen, then forgotten. Every
    question is shown in order; one asked only after certain answers says so."""
    survey = survey_or_404(survey_id)
    if not 1 <= n <= len(survey.questions):
        abort(404)
    question = survey.questions[n - 1]
    form = answer_form(question, request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        return redirect(_screen(survey, n + 1), 303)
    return render_screen(
        "surveys/question.html",
        survey,
        422 if form.errors else 200,
        question=question,
        form=form,
        n=n,
        total=len(survey.questions),
        back_url=_screen(survey, n - 1),
        form_action=url_for("builder.preview_question", survey_id=survey.id, n=n),
        preview_when=describe(survey.questions).get(question.id),
    )


@bp.route("/<int:survey_id>/preview/frame/send", methods=["GET", "POST"])
@role_required("lead")
@frameable
def preview_finish(survey_id: int):
    """The 'send your answers' screen; sending goes to the thank-you screen, storing nothing."""
    survey = survey_or_404(survey_id)
    form = FinishForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "POST" and form.validate():
        return redirect(url_for("builder.preview_thanks", survey_id=survey.id), 303)
    return render_screen(
        "surveys/finish.html",
        survey,
        422 if form.errors else 200,
        form=form,
        back_url=_screen(survey, len(survey.questions)),
        form_action=url_for("builder.preview_finish", survey_id=survey.id),
    )


@bp.get("/<int:survey_id>/preview/frame/thanks")
@role_required("lead")
@frameable
def preview_thanks(survey_id: int):
    """The thank-you screen, with its help information."""
    return render_screen("surveys/thanks.html", survey_or_404(survey_id))
