"""Audiences as choices in staff forms (read from the one list when a form is made)."""

from __future__ import annotations

from wtforms import SelectChoice

from feedback.audiences.services import list_audiences
from feedback.extensions import db


def audience_choices() -> list[SelectChoice]:
    """Every audience by its name, in the listed order."""
    return [SelectChoice(a.key, a.name) for a in list_audiences(db.session)]


def audience_choices_or_everyone() -> list[SelectChoice]:
    """Every audience, after "Everyone" (no filter)."""
    return [SelectChoice("", "Everyone"), *audience_choices()]
