"""Open, close, duplicate, translate and archive a survey."""

from __future__ import annotations

from datetime import timedelta

from flask import flash, redirect, url_for

from feedback.builder import bp, services
from feedback.builder.errors import BuilderError
from feedback.builder.forms import ActionForm, DuplicateForm, OpenForm, TranslateForm
from feedback.builder.pages import actor_id, overview, refuse, render, start_of, survey_or_404
from feedback.extensions import db
from feedback.languages import language
from feedback.staff.roles import role_required


def _back(survey_id: int):
    return redirect(url_for("builder.survey", survey_id=survey_id))


@bp.post("/<int:survey_id>/open")
@role_required("lead")
def open_(survey_id: int):
    """Open the survey for answers, now or between two days."""
    survey = survey_or_404(survey_id)
    form = OpenForm()
    if not form.validate():
        return overview(survey, 422, problem="Please check the dates.", open_form=form)
    closes_on = form.closes_on.data
    try:
        services.open_survey(
            db.session,
            survey,
            opens_at=start_of(form.opens_on.data),
            closes_at=start_of(closes_on + timedelta(days=1)) if closes_on else None,
            actor_id=actor_id(),
        )
    except BuilderError as error:
        return refuse(survey, error)
    db.session.commit()
    flash("The survey is open." if survey.is_open() else "The survey will open on its first day.")
    return _back(survey.id)


@bp.post("/<int:survey_id>/close")
@role_required("lead")
def close(survey_id: int):
    """Stop taking answers; the answers already given are kept."""
    survey = survey_or_404(survey_id)
    if not ActionForm().validate():
        return overview(survey, 400, problem="Please try that again.")
    try:
        services.close_survey(db.session, survey, actor_id=actor_id())
    except BuilderError as error:
        return refuse(survey, error)
    db.session.commit()
    flash("The survey is closed. Answers already given are kept.")
    return _back(survey.id)


@bp.post("/<int:survey_id>/archive")
@role_required("lead")
def archive(survey_id: int):
    """Put the survey away for good, keeping its answers."""
    survey = survey_or_404(survey_id)
    if not ActionForm().validate():
        return overview(survey, 400, problem="Please try that again.")
    services.archive_survey(db.session, survey, actor_id=actor_id())
    db.session.commit()
    flash("The survey is archived. Its answers are kept; it can no longer be changed or opened.")
    return _back(survey.id)


@bp.route("/<int:survey_id>/duplicate", methods=["GET", "POST"])
@role_required("lead")
def duplicate(survey_id: int):
    """Make a new draft with the same words and questions."""
    survey = survey_or_404(survey_id)
    form = DuplicateForm(data={"title": f"{survey.title} (copy)"})
    if form.validate_on_submit():
        copy = services.duplicate_survey(
            db.session, survey, title=form.title.data, actor_id=actor_id()
        )
        db.session.commit()
        flash("This is your copy. It is a draft until you open it.")
        return _back(copy.id)
    return render("builder/duplicate.html", 422 if form.errors else 200, survey=survey, form=form)


@bp.route("/<int:survey_id>/translate", methods=["GET", "POST"])
@role_required("lead")
def translate(survey_id: int):
    """Copy the survey into another language, to be reworded by someone who speaks it."""
    survey = survey_or_404(survey_id)
    form = TranslateForm(survey=survey)
    if form.validate_on_submit():
        try:
            copy = services.translate_survey(
                db.session, survey, language=form.language.data, actor_id=actor_id()
            )
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash(
            f"This is the {language(copy.language).english} version. It still has the "
            "old words: change each one, then open it."
        )
        return _back(copy.id)
    return render("builder/translate.html", 422 if form.errors else 200, survey=survey, form=form)
