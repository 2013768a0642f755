"""Forms for preparing, editing, signing and checking agreements."""

from __future__ import annotations

from datetime import date, timedelta

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from feedback.agreements import content
from feedback.agreements.content import TOUCH_FIELDS, WORKER_FIELDS
from feedback.principles import PRINCIPLES

FAMILY_REFERENCE = r"^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$"
FIRST_NAME = r"^[^\W\d_][^\W\d_'’ -]*(?:['’ -][^\W\d_]+)?$"
PEOPLE_ROWS = 5


class PersonForm(Form):
    name = StringField(
        "First name",
        validators=[
            Optional(),
            Length(max=40),
            Regexp(FIRST_NAME, message="First names only: letters, one word or two."),
        ],
    )
    role = SelectField(
        "Who they are",
        choices=[
            SelectChoice("child", "Child or young person"),
            SelectChoice("parent", "Parent"),
            SelectChoice("carer", "Carer"),
        ],
        default="child",
    )


class PrepareForm(FlaskForm):
    template = SelectField("Template", coerce=int)
    audience = RadioField(
        "Wording",
        choices=[
            SelectChoice("child", "For a child or young person"),
            SelectChoice("adult", "For parents and carers"),
        ],
        default="adult",
        validators=[DataRequired(message="Choose who the words are for.")],
    )
    family_reference = StringField(
        "Family reference",
        description="The reference your service already uses for this family. No names here.",
        validators=[
            DataRequired(message="Enter the family reference."),
            Regexp(FAMILY_REFERENCE, message="Use letters, numbers, / - or _ (up to 40)."),
        ],
    )
    people = FieldList(FormField(PersonForm), min_entries=PEOPLE_ROWS, max_entries=PEOPLE_ROWS)

    def validate_people(self, field) -> None:
        if not any(entry.form.name.data and entry.form.name.data.strip() for entry in field):
            raise ValidationError("Add the first name of at least one person in the family.")


def _text(label: str, limit: int = 3000, description: str = "") -> TextAreaField:
    return TextAreaField(label, description=description, validators=[Optional(), Length(max=limit)])


def _line(label: str) -> StringField:
    return StringField(label, validators=[Optional(), Length(max=200)])


class PromiseForm(Form):
    principle = SelectField(
        "Principle",
        coerce=int,
        choices=[SelectChoice(p.number, f"{p.number}. {p.title}") for p in PRINCIPLES],
        default=1,
    )
    text = TextAreaField("Promise", validators=[Optional(), Length(max=500)])


class AgreementForm(FlaskForm):
    """Base for the edit form; `agreement_form(sections)` adds a text box per section."""

    worker_name = _line("Worker's name")
    worker_role = _line("Worker's job")
    team = _line("Team")
    contact = _line("How to reach the worker")
    manager = _line("Worker's manager")
    way = _line("Preferred way to keep in touch")
    times = _line("Good times to get in touch")
    interpreter = _line("Interpreter (language), if needed")
    needs = _line("Accessibility needs, or anything that makes it easier")
    visits_plan = SelectField("Kind of plan (sets how often we visit)")
    visits_text = _text("How often we will visit, in the family's words", 600)
    review_date = DateField(
        "Review date", validators=[DataRequired(message="Enter the date to look at it again.")]
    )
    promises = FieldList(FormField(PromiseForm), min_entries=8, max_entries=12)
    people = FieldList(FormField(PersonForm), min_entries=PEOPLE_ROWS, max_entries=PEOPLE_ROWS)

    def validate_people(self, field) -> None:
        PrepareForm.validate_people(self, field)

    def people_data(self) -> list[dict[str, str]]:
        return [{"name": e.form.name.data or "", "role": e.form.role.data} for e in self.people]

    def validate_review_date(self, field) -> None:
        if field.data and not date.today() <= field.data <= date.today() + timedelta(days=731):
            raise ValidationError("Choose a review date from today to two years ahead.")

    def to_fields(self, sections: list[dict]) -> dict:
        """The answers as an agreement's `fields`."""
        return {
            "sections": sections,
            "texts": {s["key"]: getattr(self, f"text_{s['key']}").data or "" for s in sections},
            "worker": {n: (getattr(self, n).data or "").strip() for n in WORKER_FIELDS},
            "promises": [
                {"principle": e.form.principle.data, "text": (e.form.text.data or "").strip()}
                for e in self.promises
                if (e.form.text.data or "").strip()
            ],
            "keep_in_touch": {n: (getattr(self, n).data or "").strip() for n in TOUCH_FIELDS},
            "visits": {"plan": self.visits_plan.data or "", "text": self.visits_text.data or ""},
            "review_date": self.review_date.data.isoformat() if self.review_date.data else "",
        }


def agreement_form(
    sections: list[dict], fields: dict | None = None, people: list | None = None, **kwargs
) -> AgreementForm:
    """Build the edit form for these sections, filled from `fields` and `people` if given."""

    class F(AgreementForm):
        pass

    for s in sections:
        setattr(F, f"text_{s['key']}", _text(s["heading"], description=s.get("hint", "")))
    data = {}
    if fields:
        data = {f"text_{k}": v for k, v in fields["texts"].items()}
        data |= fields["worker"] | fields["keep_in_touch"]
        data["visits_plan"] = fields["visits"]["plan"]
        data["visits_text"] = fields["visits"]["text"]
        data["promises"] = fields["promises"]
        data["people"] = [p for p in people or [] if p["role"] != "worker"]
        if fields.get("review_date"):
            data["review_date"] = date.fromisoformat(fields["review_date"])
    form = F(data=data, **kwargs) if fields else F(**kwargs)
    plans = [SelectChoice("", "Choose the kind of plan")]
    plans += [SelectChoice(v["key"], v["plan"]) for v in content.visit_choices()]
    form.visits_plan.choices = plans
    return form


class SignForm(FlaskForm):
    """One person's signature. Error words come from words.toml (the family reads them)."""

    method = RadioField(
        choices=[SelectChoice("drawn"), SelectChoice("typed")],
        default="typed",
        validate_choice=False,
    )
    drawing = HiddenField()
    typed_name = StringField(validators=[Optional(), Length(max=80)])
    feeling = RadioField(validators=[Optional()], validate_choice=False)

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        errors = content.words()["errors"]
        if self.typed_name.errors:
            self.typed_name.errors[:] = [errors["typed_too_long"]]
        if self.method.data not in ("drawn", "typed"):
            self.method.errors.append(errors["choose"])
            return False
        if self.method.data == "typed" and not (self.typed_name.data or "").strip():
            self.typed_name.errors.append(errors["typed_missing"])
            ok = False
        if self.method.data == "drawn" and not self.drawing.data:
            self.drawing.errors.append(errors["drawing_missing"])
            ok = False
        if self.feeling.data and self.feeling.data not in content.words()["feelings"]:
            self.feeling.errors.append(errors["feeling_unknown"])
            ok = False
        return ok


class CheckForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form that changes nothing

    reference = StringField(
        "Reference code",
        description="It starts with WTA, for example WTA-7K3M-9QPX.",
        validators=[DataRequired(message="Enter the reference code."), Length(max=40)],
    )
    code = StringField(
        "Check code (optional)",
        description="The record check code printed on the copy, for example 3F2A 91C0 7B4D E815.",
        validators=[Optional(), Length(max=100)],
    )
