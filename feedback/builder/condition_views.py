"""When to ask a question: always, or only when an earlier answer is one of some values."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from wtforms import SelectMultipleField
from wtforms.validators import ValidationError

from feedback.builder import bp, conditions, questions
from feedback.builder.errors import BuilderError
from feedback.builder.pages import refuse, render, survey_or_404
from feedback.extensions import db
from feedback.forms import SafeForm
from feedback.staff.roles import role_required


class ConditionForm(SafeForm):
    """The answers ticked, as "<bank key>:<value>"; all from one earlier question."""

    when = SelectMultipleField("Ask this question only when the answer is", choices=[])

    def __init__(self, *args, earlier, **kwargs):
        super().__init__(*args, **kwargs)
        self.when.choices = [
            (f"{q.bank_key}:{o['value']}", o["label"]) for q in earlier for o in q.options
        ]

    def validate_when(self, field: SelectMultipleField) -> None:
        if len({item.split(":", 1)[0] for item in field.data or []}) > 1:
            raise ValidationError("Tick answers to one earlier question only.")

    def chosen(self) -> tuple[str, list[str]]:
        """(bank key of the earlier question, the values ticked); ("", []) for everyone."""
        pairs = [item.split(":", 1) for item in self.when.data or []]
        return (pairs[0][0] if pairs else ""), [value for _, value in pairs]


@bp.route("/<int:survey_id>/questions/<int:question_id>/when", methods=["GET", "POST"])
@role_required("lead")
def question_condition(survey_id: int, question_id: int):
    """Choose an earlier question and tick the answers that lead to this one (or none)."""
    survey = survey_or_404(survey_id)
    try:
        question = questions.question_in(db.session, survey, question_id)
    except BuilderError as error:
        return refuse(survey, error)
    order = questions.current_questions(db.session, survey)
    earlier = conditions.earlier_choices(question, order) if question in order else []
    form = ConditionForm(earlier=earlier)
    if request.method == "GET" and question.show_when:
        rule = question.show_when
        form.when.data = [f"{rule['question']}:{v}" for v in rule.get("values", [])]
    if form.validate_on_submit():
        try:
            conditions.set_condition(db.session, question, order, *form.chosen())
        except BuilderError as error:
            return refuse(survey, error)
        db.session.commit()
        flash("Saved when this question is asked.")
        return redirect(url_for("builder.survey", survey_id=survey.id, _anchor=f"q-{question.id}"))
    return render(
        "builder/condition.html",
        422 if form.errors else 200,
        survey=survey,
        question=question,
        number=order.index(question) + 1 if question in order else 0,
        earlier=[(order.index(q) + 1, q) for q in earlier],
        form=form,
    )
