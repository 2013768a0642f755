"""Forms for taking a survey. Errors are keys into words.toml, so the words a child
reads stay in data files and follow the audience."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from wtforms import (
    BooleanField,
    Field,
    HiddenField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import ValidationError

from feedback.forms import SafeForm
from feedback.surveys.checks import number_problem
from feedback.surveys.drawing import is_drawing
from feedback.surveys.kinds import KINDS, OTHER, answer_shape
from feedback.surveys.models import Answer, Question

MAX_TEXT = 4000
MAX_NAME = 120
CHECKED = Markup(" checked")


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class _SurveyForm(SafeForm):
    submission_id = HiddenField()

    @property
    def csrf_failed(self) -> bool:
        """The only problem is an expired or missing CSRF token (or a lost session)."""
        return "csrf_token" in self.errors


class StartForm(_SurveyForm):
    """Start a survey. `token` is a signed submission id issued with the page."""

    token = HiddenField()


class FinishForm(_SurveyForm):
    name = StringField(filters=[_strip])

    def validate_name(self, field: Field) -> None:
        if field.data and len(field.data) > MAX_NAME:
            raise ValidationError("error_too_long")


class TalkForm(_SurveyForm):
    """A name or a way to reach them, for the safeguarding lead only (optional)."""

    contact = StringField(filters=[_strip])

    def validate_contact(self, field: Field) -> None:
        if field.data and len(field.data) > MAX_NAME * 2:
            raise ValidationError("error_too_long")


class _AnswerForm(_SurveyForm):
    def __init__(self, *args, question: Question, **kwargs) -> None:
        self.question = question
        super().__init__(*args, **kwargs)

    go = HiddenField()  # "next", "skip" or "save", from the button pressed
    question_id = HiddenField()  # the answer is filed under the question the screen showed

    @property
    def skipping(self) -> bool:
        return self.go.data == "skip"

    @property
    def saving(self) -> bool:
        """They pressed "Save and come back later"."""
        return self.go.data == "save"

    @property
    def blank(self) -> bool:
        """Nothing chosen, written or drawn on this screen."""
        return self.value() == {"skipped": True}

    def value(self) -> dict[str, Any]:
        """The answer as keyword arguments for services.record_answer. Next with nothing
        chosen is a skip: every question is optional."""
        if self.skipping or not self.answer.data:
            return {"skipped": True}
        return {"value": self.answer.data}


class ChoiceForm(_AnswerForm):
    answer = RadioField(validate_choice=False)

    def checked(self, value: str) -> str:
        """` checked` for the choice this answer has, so a screen shows it ticked again."""
        return CHECKED if value == self.answer.data else ""

    def validate_answer(self, field: Field) -> None:
        if self.skipping or not field.data:  # nothing chosen: a skip
            return
        if field.data not in {value for value, _label in field.choices}:
            raise ValidationError("error_unknown")


class ManyForm(_AnswerForm):
    answer = SelectMultipleField(validate_choice=False)

    def checked(self, value: str) -> str:
        return CHECKED if value in (self.answer.data or ()) else ""

    def validate_answer(self, field: Field) -> None:
        if self.skipping or not field.data:  # nothing chosen: a skip
            return
        allowed = {value for value, _label in field.choices}
        if any(v not in allowed for v in field.data):
            raise ValidationError("error_unknown")

    def value(self) -> dict[str, Any]:
        if self.skipping or not self.answer.data:
            return {"skipped": True}
        return {"choices": self.answer.data}


class TextForm(_AnswerForm):
    answer = TextAreaField(filters=[_strip])
    ok_to_quote = BooleanField()
    drawing = HiddenField()  # filled in by survey-drawing.js, where there is a drawing area

    def quote_checked(self) -> str:
        """` checked` when they said we may quote their words."""
        return CHECKED if self.ok_to_quote.data else ""

    def validate_answer(self, field: Field) -> None:
        if not self.skipping and field.data and len(field.data) > MAX_TEXT:
            raise ValidationError("error_too_long")

    def validate_drawing(self, field: Field) -> None:
        if not self.skipping and field.data and not is_drawing(field.data):
            raise ValidationError("error_drawing")

    def value(self) -> dict[str, Any]:
        # Writing (or drawing) nothing and pressing Next is a skip too: every question
        # is optional.
        drawing = self.drawing.data or None
        if self.skipping or not (self.answer.data or drawing):
            return {"skipped": True}
        return {
            "value": self.answer.data or None,
            "drawing": drawing,
            "ok_to_quote": bool(self.ok_to_quote.data),
        }


class NumberForm(_AnswerForm):
    """A whole number, inside the question's range if it has one."""

    answer = StringField(filters=[_strip])

    def validate_answer(self, field: Field) -> None:
        if self.skipping or not field.data:  # nothing typed: a skip
            return
        problem = number_problem(self.question, field.data)
        if problem:
            raise ValidationError(problem)


class TellForm(_AnswerForm):
    """Choose one (or any), where "Other - tell us" opens a text box. Words typed in the
    box choose "Other" too, so nothing typed is lost."""

    answer = SelectMultipleField(validate_choice=False)
    other_words = TextAreaField(filters=[_strip])

    def checked(self, value: str) -> str:
        return CHECKED if value in self.picked() else ""

    def picked(self) -> list[str]:
        picked = list(self.answer.data or ())
        if self.other_words.data and OTHER not in picked:
            picked = [OTHER] if KINDS[self.question.kind].pick_one else [*picked, OTHER]
        return picked

    def validate_answer(self, field: Field) -> None:
        if self.skipping or not field.data:
            return
        if any(v not in {value for value, _label in field.choices} for v in field.data):
            raise ValidationError("error_unknown")
        if KINDS[self.question.kind].pick_one and len(field.data) > 1:
            raise ValidationError("error_choose_one")

    def validate_other_words(self, field: Field) -> None:
        if not self.skipping and field.data and len(field.data) > MAX_TEXT:
            raise ValidationError("error_too_long")

    def value(self) -> dict[str, Any]:
        picked = self.picked()
        if self.skipping or not picked:
            return {"skipped": True}
        return {"choices": picked, "value": self.other_words.data or None}


class StatementsForm(_AnswerForm):
    """One answer from the shared scale for each statement: radios named `answer-0`,
    `answer-1`, ... (read here by number, since an unanswered statement posts nothing)."""

    answer = HiddenField()  # carries the error message; the answers are read below

    def __init__(self, formdata=None, data=None, *, question: Question, **kwargs) -> None:
        super().__init__(formdata=formdata, data=data, question=question, **kwargs)
        n = len(question.statements)
        if formdata is not None:
            self.picked = [(formdata.get(f"answer-{i}") or "").strip() for i in range(n)]
        else:
            given = [c or "" for c in (data or {}).get("answer") or []]
            self.picked = (given + [""] * n)[:n]

    def checked(self, index: int, value: str) -> str:
        return CHECKED if self.picked[index] == value else ""

    def validate_answer(self, field: Field) -> None:
        allowed = {o["value"] for o in self.question.options}
        if not self.skipping and any(p and p not in allowed for p in self.picked):
            raise ValidationError("error_unknown")

    def value(self) -> dict[str, Any]:
        if self.skipping or not any(self.picked):
            return {"skipped": True}
        return {"choices": self.picked}


FORM_FOR_ANSWER = {
    "one": ChoiceForm,
    "many": ManyForm,
    "words": TextForm,
    "number": NumberForm,
    "tell": TellForm,
    "statements": StatementsForm,
}


def answer_form(question: Question, formdata=None, answer: Answer | None = None) -> _AnswerForm:
    """The form for one question: from what was posted, or from the saved answer."""
    form_class = FORM_FOR_ANSWER[answer_shape(question.kind)]
    data: dict[str, Any] = {}
    if formdata is None and answer is not None and not answer.skipped:
        in_choices = form_class in (ManyForm, TellForm, StatementsForm)
        data["answer"] = answer.choices if in_choices else answer.value
        data["other_words"] = answer.value
        data["ok_to_quote"] = answer.ok_to_quote
        data["drawing"] = answer.drawing
    form = form_class(formdata=formdata, data=data, question=question)
    form.question_id.data = str(question.id)
    if hasattr(form.answer, "choices"):
        form.answer.choices = [(o["value"], o["label"]) for o in question.options]
    return form
