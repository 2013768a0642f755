"""The dashboard's filters (a GET form: period and audience) and the move-a-comment form."""

from __future__ import annotations

from datetime import date, timedelta

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError

from feedback.reports.forms import DATE_MESSAGE, MAX_DAYS, IsoDate
from feedback.reports.period import BadPeriod, Period
from feedback.reports.words import audience_name
from feedback.surveys.models import AUDIENCES

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
        choices=[SelectChoice("", "Everyone")]
        + [SelectChoice(a, audience_name(a)) for a in AUDIENCES],
        default="",
    )

    def validate_start(self, field) -> None:
        if self.period.data == "custom" and field.data is None and not field.errors:
            raise ValidationError(DATE_MESSAGE)

    def validate_end(self, field) -> None:
        if self.period.data != "custom":
            return
        if field.data is None:
            raise ValidationError(DATE_MESSAGE)
        if self.start.data:
            try:
                period = Period(self.start.data, field.data)
            except BadPeriod as error:
                raise ValidationError(str(error)) from None
            if period.days > MAX_DAYS:
                raise ValidationError("The dashboard can cover at most three years.")

    def chosen_period(self, today: date) -> Period:
        if self.period.data == "custom":
            return Period(self.start.data, self.end.data)
        days = int(self.period.data or 90)
        return Period(today - timedelta(days=days - 1), today)

    def audiences(self) -> tuple[str, ...]:
        return (self.audience.data,) if self.audience.data else ()


class MoveForm(FlaskForm):
    """Move one comment out of a theme into another (or into no theme)."""

    from_theme = HiddenField()
    to_theme = SelectField("Move to")

    def __init__(self, *args, themes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.to_theme.choices = [SelectChoice(t, t) for t in themes] + [
            SelectChoice(NO_THEME, "No theme")
        ]
