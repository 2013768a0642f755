"""Forms: choosing a report, recording an action."""

from __future__ import annotations

from datetime import date, timedelta

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields import DateField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from feedback.audiences.choices import audience_choices
from feedback.principles import PRINCIPLES
from feedback.reports.models import ACTION_STATUSES, STATUS_NAMES
from feedback.reports.period import BadPeriod, Period
from feedback.reports.words import EDITIONS, audience_name

PRINCIPLE_CHOICES = [SelectChoice(p.number, f"{p.number}. {p.title}") for p in PRINCIPLES]
DATE_MESSAGE = "Enter a date as YYYY-MM-DD, for example 2026-04-01."
MAX_DAYS = 3 * 366


class IsoDate(DateField):
    """A YYYY-MM-DD date whose error says how to write it."""

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(DATE_MESSAGE) from None


class Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ReportForm(FlaskForm):
    """Which report: read from the query string (a GET form, so no CSRF token)."""

    class Meta:
        csrf = False

    edition = RadioField(
        "Edition",
        choices=[
            SelectChoice("family", "Children and families (Easy Read)"),
            SelectChoice("board", "Managers and board"),
        ],
        default="family",
        validators=[InputRequired("Choose an edition.")],
    )
    start = IsoDate("From", validators=[InputRequired(DATE_MESSAGE)])
    end = IsoDate("To", validators=[InputRequired(DATE_MESSAGE)])
    survey = Checkboxes("Surveys (leave all unticked for every survey)", coerce=int)
    audience = Checkboxes(
        "Audiences (leave all unticked for everyone)",
        choices=audience_choices,
    )
    questions = BooleanField("Add the answers to each question (managers and board edition)")

    def __init__(self, *args, surveys=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.survey.choices = [
            SelectChoice(s.id, f"{s.title} ({audience_name(s.audience)})") for s in surveys
        ]
        if not self.start.raw_data and self.start.data is None:
            self.start.data = date.today() - timedelta(days=182)
        if not self.end.raw_data and self.end.data is None:
            self.end.data = date.today()

    def validate_end(self, field) -> None:
        if self.start.data and field.data:
            try:
                period = Period(self.start.data, field.data)
            except BadPeriod as error:
                raise ValidationError(str(error)) from None
            if period.days > MAX_DAYS:
                raise ValidationError("A report can cover at most three years.")

    def period(self) -> Period:
        return Period(self.start.data, self.end.data)


class ActionForm(FlaskForm):
    principle = SelectField("Principle", choices=PRINCIPLE_CHOICES, coerce=int)
    theme = SelectField("Theme (optional)", validators=[Optional()])
    you_told_us = TextAreaField(
        "You told us",
        description="What children and families told us, in their words. Pre-filled from "
        "comments their writers said we may quote; edit it as you need.",
        validators=[DataRequired("Write what children and families told us."), Length(max=2000)],
    )
    we_did = TextAreaField(
        "What we did or will do",
        description="Short sentences and everyday words: children will read this.",
        validators=[DataRequired("Write what we did or will do."), Length(max=2000)],
    )
    owner = StringField("Owner", validators=[Length(max=120)])
    status = RadioField(
        "Status",
        choices=[SelectChoice(s, STATUS_NAMES[s]) for s in ACTION_STATUSES],
        default="planned",
        validators=[InputRequired("Choose a status.")],
    )
    started_on = IsoDate("Started on (optional)", validators=[Optional()])
    due_on = IsoDate("Due by (optional)", validators=[Optional()])
    audience = SelectField(
        "Written for",
        description="The language checker reads “You told us” and “What we did” as "
        "this audience would.",
        choices=audience_choices,
        default="8-12",
    )
    publish = RadioField(
        "Publish",
        choices=[
            SelectChoice("no", "Not yet"),
            SelectChoice("board", "In the board report only"),
            SelectChoice("families", "For children and families too (booklet and public page)"),
        ],
        default="no",
        validators=[InputRequired("Choose where to publish it.")],
    )

    def __init__(self, *args, themes=(), obj=None, **kwargs) -> None:
        super().__init__(*args, obj=obj, **kwargs)
        self.theme.choices = [SelectChoice("", "No particular theme")] + [
            SelectChoice(t, t) for t in themes
        ]
        if obj is not None and not self.publish.raw_data:
            self.publish.data = (
                "families" if obj.for_families else "board" if obj.ready_to_publish else "no"
            )

    def fields_for_service(self) -> dict:
        return {
            name: getattr(self, name).data
            for name in (
                "principle",
                "theme",
                "you_told_us",
                "we_did",
                "owner",
                "status",
                "started_on",
                "due_on",
                "audience",
            )
        } | {
            "ready_to_publish": self.publish.data in ("board", "families"),
            "for_families": self.publish.data == "families",
        }


__all__ = ["EDITIONS", "ActionForm", "ReportForm"]
