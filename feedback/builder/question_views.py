"""Add questions (new, or from the question bank), change, move and remove them."""

from __future__ import annotations

from flask import flash, redirect, request, url_for

from feedback.builder import bp, questions
from feedback.builder.bank import question_bank
from feedback.builder.errors import BuilderError
from feedback.builder.forms import (
    ActionForm,
    AddFromBankForm,
    BankFilterForm,
    MoveForm,
    NewQuestionForm,
    QuestionForm,
)
from feedback.builder.pages import overview, refuse, render, survey_or_404
from feedback.extensions import db
from feedback.staff.roles import role_required


def _to_question(survey_id: int, question_id: int):
    anchor = f"q-{question_id}"
    return redirect(url_for("builder.survey", survey_id=survey_id, _anchor=anchor))


@bp.route("/<int:survey_id>/questions/new", methods=["GET", "POST"])
@role_required("lead")
def new_question(survey_id: int):
    """Write a new question: its kind, principle, words and answers to choose from."""
    survey = survey_or_404(survey_id)
    form = NewQuestionForm(survey=survey)
    if form.validate_on_submit():
        try:
            question = questions.add_question(
                db.session, survey, bank_key=form.bank_key.data, **form.question_fields()
            )
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash("Question added. Any advice on its words is shown beside it.")
        return _to_question(survey.id, question.id)
    if request.method == "GET":
        form.fill_blank_options(4)
    status = 422 if form.errors else 200
    return render("builder/question.html", status, survey=survey, form=form, question=None)


@bp.route("/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@role_required("lead")
def edit_question(survey_id: int, question_id: int):
    """Change a question. After people have answered, a change is a new version."""
    survey = survey_or_404(survey_id)
    try:
        question = questions.question_in(db.session, survey, question_id)
    except BuilderError as error:
        return refuse(survey, error)
    form = QuestionForm(obj=question, survey=survey)
    if form.validate_on_submit():
        try:
            question = questions.change_question(db.session, question, **form.question_fields())
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash("Question saved. Any advice on its words is shown beside it.")
        return _to_question(survey.id, question.id)
    if request.method == "GET":
        form.show_question(question)  # scale answers too: their words and scores can change
        form.fill_blank_options(2)
    return render(
        "builder/question.html",
        422 if form.errors else 200,
        survey=survey,
        form=form,
        question=question,
        answered=questions.has_responses(db.session, survey),
    )


@bp.post("/<int:survey_id>/questions/<int:question_id>/move")
@role_required("lead")
def move_question(survey_id: int, question_id: int):
    """Move a question one place up or down (plain buttons: no JavaScript needed)."""
    survey = survey_or_404(survey_id)
    form = MoveForm()
    if not form.validate():
        problem = "Please use the Up and Down buttons to move questions."
        return overview(survey, 400, problem=problem)
    try:
        question = questions.question_in(db.session, survey, question_id)
        questions.move_question(db.session, question, -1 if form.direction.data == "up" else 1)
    except BuilderError as error:
        return refuse(survey, error)
    db.session.commit()
    return _to_question(survey.id, question.id)


@bp.post("/<int:survey_id>/questions/<int:question_id>/remove")
@role_required("lead")
def remove_question(survey_id: int, question_id: int):
    """Take a question out of the survey (answers already given to it are kept)."""
    survey = survey_or_404(survey_id)
    if not ActionForm().validate():
        return overview(survey, 400, problem="Please try that again.")
    try:
        question = questions.question_in(db.session, survey, question_id)
        questions.remove_question(db.session, question)
    except BuilderError as error:
        return refuse(survey, error)
    db.session.commit()
    flash("Question taken out.")
    return redirect(url_for("builder.survey", survey_id=survey.id, _anchor="questions"))


@bp.route("/<int:survey_id>/bank", methods=["GET", "POST"])
@role_required("lead")
def bank(survey_id: int):
    """The question bank, by principle and audience, with a button to add each one."""
    survey = survey_or_404(survey_id)
    filters = BankFilterForm(request.args, data={"audience": survey.audience})
    if not filters.validate():
        filters = BankFilterForm(formdata=None)
    add = AddFromBankForm(survey=survey)
    if add.validate_on_submit():
        try:
            question = questions.add_from_bank(db.session, survey, add.source)
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash("Question added from the question bank.")
        return _to_question(survey.id, question.id)
    entries = question_bank(
        db.session,
        language=survey.language,
        principle=int(filters.principle.data) if filters.principle.data else None,
        audience=filters.audience.data or None,
    )
    asked = {q.bank_key for q in survey.questions}
    status = 422 if add.errors else 200
    return render(
        "builder/bank.html",
        status,
        survey=survey,
        filters=filters,
        add=add,
        entries=entries,
        asked=asked,
    )
