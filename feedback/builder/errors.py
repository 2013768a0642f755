"""Things the builder refuses to do. Views turn each into a clear message and a 4xx."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feedback.surveys.models import Survey


class BuilderError(Exception):
    """A change the builder cannot make; the message says why, in plain words."""

    status = 409


class SurveyArchived(BuilderError):
    """Archived surveys are kept as they were: they cannot be changed or opened."""


class SurveyNotReady(BuilderError):
    """The survey cannot be opened yet (it has no questions, say)."""


class QuestionNotCurrent(BuilderError):
    """Someone changed this question since the page was loaded."""


class AlreadyInSurvey(BuilderError):
    """The survey already asks this question-bank question."""


class NotInSurvey(BuilderError):
    """That question does not belong to this survey."""

    status = 404


class BadSchedule(BuilderError):
    """The closing date is not after the opening date."""

    status = 422


def ensure_editable(survey: Survey) -> None:
    """Refuse to change an archived survey."""
    if survey.status == "archived":
        raise SurveyArchived(
            "This survey is archived, so it cannot be changed. Duplicate it to make a new one."
        )
