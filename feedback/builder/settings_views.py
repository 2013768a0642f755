"""A survey's settings (asking for a name, the public start page), and archiving and
deleting, each after a confirmation screen (works without JavaScript; changes by POST)."""

from __future__ import annotations

from flask import flash, redirect, request, url_for

from feedback.builder import bp, settings
from feedback.builder.errors import BuilderError
from feedback.builder.forms import ActionForm, SettingsForm
from feedback.builder.pages import actor_id, overview, refuse, render, survey_or_404
from feedback.builder.questions import has_responses
from feedback.extensions import db
from feedback.staff.roles import role_required
from feedback.surveys.words import words_for


@bp.route("/<int:survey_id>/settings", methods=["GET", "POST"])
@role_required("lead")
def survey_settings(survey_id: int):
    """Choose whether the survey asks for a name and whether the start page lists it."""
    survey = survey_or_404(survey_id)
    # Unticked boxes post nothing: read the posted form even when it holds no fields.
    form = SettingsForm(request.form if request.method == "POST" else None, obj=survey)
    if form.validate_on_submit():
        try:
            settings.update_settings(
                db.session,
                survey,
                named_responses=bool(form.named_responses.data),
                listed=bool(form.listed.data),
                actor_id=actor_id(),
            )
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash("Settings saved.")
        return redirect(url_for("builder.survey", survey_id=survey.id, _anchor="settings"))
    return render(
        "builder/settings.html",
        422 if form.errors else 200,
        survey=survey,
        form=form,
        name_privacy=words_for(survey.band)["name_privacy"],
    )


@bp.get("/<int:survey_id>/archive")
@role_required("lead")
def confirm_archive(survey_id: int):
    """Ask before archiving: it cannot be undone."""
    survey = survey_or_404(survey_id)
    return render("builder/confirm.html", survey=survey, action="archive", form=ActionForm())


@bp.get("/<int:survey_id>/delete")
@role_required("lead")
def confirm_delete(survey_id: int):
    """Ask before deleting (only a survey nobody has answered can be deleted)."""
    survey = survey_or_404(survey_id)
    answered = has_responses(db.session, survey)
    return render(
        "builder/confirm.html", survey=survey, action="delete", form=ActionForm(), answered=answered
    )


@bp.post("/<int:survey_id>/delete")
@role_required("lead")
def delete(survey_id: int):
    """Delete a survey nobody has answered, with its questions."""
    survey = survey_or_404(survey_id)
    if not ActionForm().validate():
        return overview(survey, 400, problem="Please try that again.")
    title = survey.title
    try:
        settings.delete_survey(db.session, survey, actor_id=actor_id())
    except BuilderError as error:
        return refuse(survey, error)
    db.session.commit()
    flash(f"“{title}” is deleted.")
    return redirect(url_for("builder.index"))
