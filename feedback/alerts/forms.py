"""The forms on an alert: assign it, add a note, close it with an outcome, reopen it."""

from __future__ import annotations

from wtforms import RadioField, SelectChoice, SelectField
from wtforms.validators import DataRequired, InputRequired

from feedback.alerts.history import OUTCOMES
from feedback.forms import FreeText, SafeForm


class AssignForm(SafeForm):
    assignee = SelectField(
        "Give this alert to", coerce=int, validators=[InputRequired("Choose a person.")]
    )

    def __init__(self, *args, people=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.assignee.choices = [SelectChoice(p.id, f"{p.name} ({p.role_name})") for p in people]


class NoteForm(SafeForm):
    text = FreeText("Add a note", validators=[DataRequired("Write the note.")])


class CloseForm(SafeForm):
    outcome = RadioField(
        "Outcome",
        choices=[SelectChoice(k, v) for k, v in OUTCOMES.items()],
        validators=[InputRequired("Choose an outcome.")],
    )
    note = FreeText(
        "What was done",
        validators=[DataRequired("Say what was done, for example who you told and when.")],
    )


class ReopenForm(SafeForm):
    why = FreeText(
        "Why open it again", validators=[DataRequired("Say why the alert is opened again.")]
    )
