"""The dashboard's filters (a GET form: period, audience and survey) and the move-a-comment form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from flask import request
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from feedback.audiences.choices import audience_choices_or_everyone
from feedback.reports.forms import DATE_MESSAGE, MAX_DAYS, IsoDate
from feedback.reports.period import BadPeriod, Period
from feedback.reports.words import audience_name

F = TypeVar("F", bound="DashboardForm")
PRESETS = {"30": "Last 30 days", "90": "Last 90 days", "365": "Last 12 months"}
NO_THEME = ""


class DashboardForm(FlaskForm):
    """Which period and audience to show (read from the query string, so no CSRF)."""

    class Meta:
        csrf = False

    period = SelectField(
        "Period",
        choices=[SelectChoice(k, v) for k, v in PRESETS.items()]
        + [SelectChoice("custom", "Dates I choose")],
        default="90",
    )
    start = IsoDate("From (for dates you choose)", validators=[Optional()])
    end = IsoDate("To (for dates you choose)", validators=[Optional()])
    audience = SelectField(
        "Who answered",
        choices=audience_choices_or_everyone,
        default="",
    )

    survey = SelectField("Survey", choices=[SelectChoice("", "Every survey")], default="")

    def set_surveys(self, surveys) -> DashboardForm:
        """Offer these surveys (and "every survey") in the survey list."""
        self.survey.choices = [SelectChoice("", "Every survey")] + [
            SelectChoice(str(s.id), f"{s.title} ({audience_name(s.audience)})") for s in surveys
        ]
        return self

    def validate(self, extra_validators=None) -> bool:
        # Checked here, not in validate_start/validate_end: Optional() stops a field's
        # own checks when it is empty, which is exactly the case to catch.
        valid = super().validate(extra_validators)
        if self.period.data != "custom":
            return valid
        for field in (self.start, self.end):
            if field.data is None and not field.errors:
                field.errors = [DATE_MESSAGE]
        if self.start.errors or self.end.errors:
            return False
        try:
            period = Period(self.start.data, self.end.data)
        except BadPeriod as error:
            self.end.errors = [str(error)]
            return False
        if period.days > MAX_DAYS:
            self.end.errors = ["The dashboard can cover at most three years."]
            return False
        return valid

    def links(self) -> dict[str, str]:
        """The chosen filters as query arguments, so every link keeps them."""
        names = ("period", "start", "end", "audience", "survey", "team")
        kept = {n: self[n].raw_data[0] for n in names if n in self and self[n].raw_data}
        return {k: v for k, v in kept.items() if v}

    def chosen_period(self, today: date) -> Period:
        if self.period.data == "custom":
            return Period(self.start.data, self.end.data)
        days = int(self.period.data or 90)
        return Period(today - timedelta(days=days - 1), today)

    def audiences(self) -> tuple[str, ...]:
        return (self.audience.data,) if self.audience.data else ()

    def surveys(self) -> tuple[int, ...]:
        return (int(self.survey.data),) if self.survey.data else ()


def read_filters(form_class: type[F], prepare: Callable[[F], F]) -> tuple[F, bool, F]:
    """Read the filters from the query string: (the form as sent, whether it is valid, the
    form to use). Wrong dates: the form to use is the default one (the last 90 days), so
    the page says what is wrong and meanwhile shows something rather than nothing.
    `prepare` fills in a form's choices (the surveys, the teams)."""
    form = prepare(form_class(request.args))
    valid = not request.args or form.validate()
    return form, valid, form if valid else prepare(form_class(formdata=None))


class MoveForm(FlaskForm):
    """Move one comment out of a theme into another (or into no theme)."""

    from_theme = HiddenField()
    to_theme = SelectField("Move to")

    def __init__(self, *args, themes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.to_theme.choices = [SelectChoice(t, t) for t in themes] + [
            SelectChoice(NO_THEME, "No theme")
        ]
