"""Builder pages: the list of surveys, a new survey, a survey's page and its words."""

from __future__ import annotations

from flask import flash, redirect, url_for
from sqlalchemy import case, select

from feedback.builder import bp, services
from feedback.builder.errors import BuilderError
from feedback.builder.forms import NewSurveyForm, WordsForm
from feedback.builder.pages import actor_id, overview, refuse, render, survey_or_404
from feedback.extensions import db
from feedback.staff.roles import role_required
from feedback.surveys.models import Survey

_STATUS_ORDER = case({"open": 0, "draft": 1, "closed": 2}, value=Survey.status, else_=3)


@bp.get("/")
@role_required("lead")
def index():
    """List every survey: open ones first, archived ones last."""
    surveys = db.session.scalars(select(Survey).order_by(_STATUS_ORDER, Survey.id.desc())).all()
    return render(
        "builder/index.html",
        live=[s for s in surveys if s.status != "archived"],
        archived=[s for s in surveys if s.status == "archived"],
        responses=services.response_counts(db.session),
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required("lead")
def new():
    """Start a new survey for one audience."""
    form = NewSurveyForm()
    if form.validate_on_submit():
        survey = services.create_survey(
            db.session,
            title=form.title.data,
            audience=form.audience.data,
            language=form.language.data,
            actor_id=actor_id(),
        )
        db.session.commit()
        flash("Survey started. Add questions from the question bank, or write your own.")
        return redirect(url_for("builder.survey", survey_id=survey.id))
    return render("builder/new.html", 422 if form.errors else 200, form=form)


@bp.get("/<int:survey_id>")
@role_required("lead")
def survey(survey_id: int):
    """A survey's words and questions, with advice on the words and what to do next."""
    return overview(survey_or_404(survey_id))


@bp.route("/<int:survey_id>/words", methods=["GET", "POST"])
@role_required("lead")
def words(survey_id: int):
    """Change the title, the introduction and the thank-you words."""
    survey = survey_or_404(survey_id)
    form = WordsForm(obj=survey)
    if form.validate_on_submit():
        try:
            services.update_words(
                db.session,
                survey,
                title=form.title.data,
                intro=form.intro.data,
                thanks=form.thanks.data,
            )
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash("Words saved. Any advice on them is shown below.")
        return redirect(url_for("builder.survey", survey_id=survey.id, _anchor="words"))
    return render("builder/words.html", 422 if form.errors else 200, survey=survey, form=form)
