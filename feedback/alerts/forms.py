"""The one form on an alert: what was done about it."""

from __future__ import annotations

from wtforms.validators import DataRequired

from feedback.forms import FreeText, SafeForm


class AcknowledgeForm(SafeForm):
    action = FreeText(
        "What was done",
        validators=[DataRequired("Say what was done, for example who you told and when.")],
    )
