"""Builder forms (WTForms, with CSRF). Checks that need the database live in
validate_<field>; the services check again, so nothing slips through a race."""

from __future__ import annotations

from datetime import date

from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import AnyOf, DataRequired, Length, Optional, ValidationError

from feedback.audiences.choices import audience_choices, audience_choices_or_everyone
from feedback.builder import services
from feedback.builder.question_form import NewQuestionForm, OptionForm, QuestionForm
from feedback.extensions import db
from feedback.forms import SafeForm
from feedback.languages import languages
from feedback.principles import PRINCIPLES
from feedback.surveys.models import Question, Survey


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in pairs]


def _language_choices() -> list[SelectChoice]:
    return _choices((code, f"{lang.english} ({lang.name})") for code, lang in languages().items())


class NewSurveyForm(SafeForm):
    title = StringField("Title", [DataRequired(), Length(max=200)], filters=[_strip])
    audience = SelectField("Who is it for?", choices=audience_choices)
    language = SelectField("Language", choices=_language_choices, default="en")


class WordsForm(SafeForm):
    title = StringField("Title", [DataRequired(), Length(max=200)], filters=[_strip])
    intro = TextAreaField("Introduction", [Length(max=3000)], filters=[_strip])
    thanks = TextAreaField("Thank-you words", [Length(max=3000)], filters=[_strip])


class AddFromBankForm(SafeForm):
    question_id = IntegerField(validators=[DataRequired()])

    def __init__(self, *args, survey: Survey, **kwargs):
        self.survey = survey
        super().__init__(*args, **kwargs)

    def validate_question_id(self, field: IntegerField) -> None:
        source = db.session.get(Question, field.data)
        if source is None or not source.is_current or not source.bank_key:
            raise ValidationError("That question is no longer in the question bank.")
        if any(q.bank_key == source.bank_key for q in self.survey.questions):
            raise ValidationError("This survey already asks that question.")
        self.source = source


class BankFilterForm(SafeForm):
    class Meta:
        csrf = False  # a search (GET), changes nothing

    principle = SelectField(
        "Principle",
        choices=_choices([("", "All principles")] + [(p.number, p.title) for p in PRINCIPLES]),
        default="",
    )
    audience = SelectField(
        "Written for",
        choices=audience_choices_or_everyone,
        default="",
    )


class SettingsForm(SafeForm):
    named_responses = BooleanField("Ask for a name at the end (they can leave it empty)")
    listed = BooleanField("Show it on the public start page")


class MoveForm(SafeForm):
    direction = StringField(validators=[AnyOf(["up", "down"])])


class ActionForm(SafeForm):
    """A button that changes something: only the CSRF token to check."""


class OpenForm(SafeForm):
    opens_on = DateField("Opens on (optional)", [Optional()])
    closes_on = DateField("Last day for answers (optional)", [Optional()])

    def validate_closes_on(self, field: DateField) -> None:
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError("The last day must be on or after the day it opens.")
        if field.data and field.data < date.today():
            raise ValidationError("That day has already passed. Choose a later day.")


class DuplicateForm(SafeForm):
    title = StringField("Title of the copy", [DataRequired(), Length(max=200)], filters=[_strip])


class TranslateForm(SafeForm):
    language = SelectField("Language", choices=_language_choices)

    def __init__(self, *args, survey: Survey, **kwargs):
        self.survey = survey
        super().__init__(*args, **kwargs)

    def validate_language(self, field: SelectField) -> None:
        family = services.translations(db.session, self.survey)
        if any(s.language == field.data for s in family):
            raise ValidationError("This survey already has a version in that language.")


__all__ = ["NewQuestionForm", "OptionForm", "QuestionForm"]
