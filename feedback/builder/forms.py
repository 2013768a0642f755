"""Builder forms (WTForms, with CSRF). Checks that need the database live in
validate_<field>; the services check again, so nothing slips through a race."""

from __future__ import annotations

from datetime import date

from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import AnyOf, DataRequired, Length, Optional, Regexp, ValidationError

from feedback.audiences.choices import audience_choices, audience_choices_or_everyone
from feedback.builder import services
from feedback.builder.labels import KIND_NAMES
from feedback.extensions import db
from feedback.forms import SafeForm
from feedback.languages import languages
from feedback.principles import PRINCIPLES
from feedback.surveys.kinds import CHOICE_KINDS
from feedback.surveys.models import Question, Survey

MAX_OPTIONS = 12


def _strip(value):
    return value.strip() if isinstance(value, str) else value


NO_PRINCIPLE = "Not part of a principle (reported on its own)"


def _principle(value):
    """A principle's number, or None for a question outside the principles."""
    return int(value) if value not in (None, "", "None") else None


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


class OptionForm(Form):
    """One answer to choose from: its words and an emoji."""

    value = HiddenField()
    words = StringField(
        "Words",
        [Optional(), Length(max=120, message="Keep each answer under 120 characters.")],
        filters=[_strip],
    )
    emoji = StringField(
        "Emoji",
        [Optional(), Length(max=8, message="Use one emoji (or none) for each answer.")],
        filters=[_strip],
    )


class QuestionForm(SafeForm):
    kind = SelectField("Kind of answer", choices=_choices(KIND_NAMES.items()))
    principle = SelectField(
        "Principle",
        coerce=_principle,
        choices=_choices(
            [*((p.number, f"{p.number}. {p.title}") for p in PRINCIPLES), ("", NO_PRINCIPLE)]
        ),
    )
    text = TextAreaField("Question", [DataRequired(), Length(max=500)], filters=[_strip])
    hint = TextAreaField("Hint (optional)", [Optional(), Length(max=500)], filters=[_strip])
    options = FieldList(FormField(OptionForm), max_entries=MAX_OPTIONS)
    safety = BooleanField("This is a safety question")

    def __init__(self, *args, survey: Survey, **kwargs):
        self.survey = survey
        super().__init__(*args, **kwargs)

    def fill_blank_options(self, blanks: int = 3) -> None:
        """Show a few empty answer rows to write in (no JavaScript needed)."""
        while len(self.options) < MAX_OPTIONS and blanks > 0:
            self.options.append_entry()
            blanks -= 1

    def option_values(self) -> list[dict]:
        """The answers as written, in the shape questions keep them."""
        return [
            {"value": e.value.data, "label": e.words.data, "emoji": e.emoji.data}
            for e in self.options
        ]

    def question_fields(self) -> dict:
        """What the services need to write or change a question."""
        return {
            "kind": self.kind.data,
            "principle": self.principle.data,
            "text": self.text.data,
            "hint": self.hint.data,
            "options": self.option_values(),
            "safety": bool(self.safety.data),
        }

    def show_options(self, options: list[dict]) -> None:
        """Fill the answer rows from a question's saved answers."""
        while len(self.options):
            self.options.pop_entry()
        for option in options:
            self.options.append_entry(
                {"value": option["value"], "words": option["label"], "emoji": option.get("emoji")}
            )

    def validate_options(self, field: FieldList) -> None:
        if self.kind.data not in CHOICE_KINDS:
            return
        labels = [e.words.data.casefold() for e in field if e.words.data]
        if len(labels) < 2:
            raise ValidationError("Write at least two answers to choose from.")
        if len(set(labels)) < len(labels):
            raise ValidationError("Two answers have the same words. Make each one different.")


class NewQuestionForm(QuestionForm):
    bank_key = StringField(
        "Question bank key (optional)",
        [Optional(), Length(max=60), Regexp(r"^[a-z0-9_]+$", message="Use a-z, 0-9 and _ only.")],
        filters=[_strip, lambda v: v.lower() if v else v],
    )

    def validate_bank_key(self, field: StringField) -> None:
        if field.data and any(q.bank_key == field.data for q in self.survey.questions):
            raise ValidationError("This survey already has a question with that key.")


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
