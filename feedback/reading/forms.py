"""The forms on the comments to read: mark one read, raise an alert by hand."""

from __future__ import annotations

from wtforms.validators import DataRequired

from feedback.forms import FreeText, SafeForm


class ReadForm(SafeForm):
    """Mark a comment read (the CSRF token is its only field)."""


class RaiseForm(SafeForm):
    reason = FreeText(
        "Why does this worry you?",
        validators=[DataRequired("Say why this comment worries you.")],
        max_length=1000,
    )
