"""Builder services for a survey's settings and its end: asking for a name, being listed
on the public start page, deleting. No Flask here: flush, never commit."""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from feedback.builder.errors import BuilderError, ensure_editable
from feedback.builder.questions import has_responses
from feedback.staff.audit import record
from feedback.surveys.models import Question, Survey


class HasAnswers(BuilderError):
    """A survey someone has answered cannot be deleted (archive it instead)."""


def update_settings(
    session: Session, survey: Survey, *, named_responses: bool, listed: bool, actor_id=None
) -> None:
    """Say whether the survey asks for a name and whether the start page lists it."""
    ensure_editable(survey)
    changed = []
    if survey.named_responses != named_responses:
        changed.append("asks for a name" if named_responses else "no longer asks for a name")
    if survey.listed != listed:
        changed.append("listed" if listed else "unlisted")
    survey.named_responses, survey.listed = named_responses, listed
    session.flush()
    if changed:
        record(
            session,
            "survey_settings",
            actor_id=actor_id,
            target_type="survey",
            target_id=survey.id,
            detail=", ".join(changed),
        )


def delete_survey(session: Session, survey: Survey, *, actor_id=None) -> None:
    """Delete a survey nobody has answered (a survey with answers is archived instead)."""
    if has_responses(session, survey):
        raise HasAnswers(
            "People have answered this survey, so it cannot be deleted. Archive it instead: "
            "its answers are kept."
        )
    record(
        session,
        "survey_deleted",
        actor_id=actor_id,
        target_type="survey",
        target_id=survey.id,
        detail=survey.title,
    )
    # Versions of a question point at the one they replaced: unlink them first, so the
    # database can delete them in any order.
    mine = select(Question.id).where(Question.survey_id == survey.id).scalar_subquery()
    session.execute(
        update(Question)
        .where(or_(Question.survey_id == survey.id, Question.replaces_id.in_(mine)))
        .values(replaces_id=None)
        .execution_options(synchronize_session=False)
    )
    session.delete(survey)
    session.flush()
