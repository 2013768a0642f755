"""The one rule for which written comments are kept out of themes, quotes and exports.

A comment is withheld while the safeguarding screen flagged it or someone raised an
alert about it, until every alert about it is closed as "no concern". Used alike by the
dashboard, the reports, the quotes page and the export: as a SQL expression in their
queries (`withheld()`), or for one answer (`is_withheld`).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from feedback.alerts.models import SafeguardingAlert
from feedback.surveys.models import Answer

NO_CONCERN = "no_concern"


def withheld() -> ColumnElement[bool]:
    """True for an answer (`Answer` in the query) that may not be shown beyond the
    safeguarding lead and the people who read comments."""
    alert = SafeguardingAlert
    about_it = alert.answer_id == Answer.id
    not_cleared = exists().where(
        about_it, or_(alert.outcome.is_(None), alert.outcome != NO_CONCERN)
    )
    cleared = exists().where(about_it, alert.outcome == NO_CONCERN)
    return or_(not_cleared, and_(Answer.flagged.is_(True), ~cleared))


def shown() -> ColumnElement[bool]:
    """The opposite of `withheld()`: this comment may go to themes, quotes and exports."""
    return ~withheld()


def is_withheld(session: Session, answer: Answer) -> bool:
    """`withheld()` for one answer."""
    return bool(session.scalar(select(withheld()).where(Answer.id == answer.id)))
