"""The form for changing an agreement template."""

from __future__ import annotations

from flask import request
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from feedback.agreements.content import is_needed
from feedback.agreements.models import AgreementTemplate
from feedback.principles import PRINCIPLES

EXTRA_SECTIONS = 1
EXTRA_PROMISES = 2


class SectionForm(Form):
    key = HiddenField()
    emoji = StringField("Picture (an emoji)", validators=[Optional(), Length(max=8)])
    heading = StringField("Heading for adults", validators=[Optional(), Length(max=120)])
    heading_child = StringField("Heading for children", validators=[Optional(), Length(max=120)])
    text = TextAreaField("Starting words for adults", validators=[Optional(), Length(max=3000)])
    text_child = TextAreaField(
        "Starting words for children", validators=[Optional(), Length(max=3000)]
    )
    hint = StringField("Hint for the worker", validators=[Optional(), Length(max=300)])
    needed = BooleanField("Must be filled in before anyone signs")
    remove = BooleanField("Take this section out")


class TemplatePromiseForm(Form):
    principle = SelectField(
        "Principle",
        coerce=int,
        choices=[SelectChoice(p.number, f"{p.number}. {p.title}") for p in PRINCIPLES],
        default=1,
    )
    text = TextAreaField("Promise for adults", validators=[Optional(), Length(max=500)])
    text_child = TextAreaField("Promise for children", validators=[Optional(), Length(max=500)])


class TemplateForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    description = TextAreaField("What it is for", validators=[Optional(), Length(max=1000)])
    sections = FieldList(FormField(SectionForm), max_entries=40)
    promises = FieldList(FormField(TemplatePromiseForm), max_entries=40)


def template_form(template: AgreementTemplate) -> TemplateForm:
    """The form filled from the template, with room for a new section and new promises."""
    if request.method == "POST":
        return TemplateForm()
    blank_section = {"key": "", "heading": "", "text": ""}
    blank_promise = {"principle": 1, "text": "", "text_child": ""}
    return TemplateForm(
        data={
            "name": template.name,
            "description": template.description,
            "sections": [
                *({**s, "needed": is_needed(s)} for s in template.sections),
                *[blank_section] * EXTRA_SECTIONS,
            ],
            "promises": [*template.promises, *[blank_promise] * EXTRA_PROMISES],
        }
    )
