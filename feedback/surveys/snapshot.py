"""The survey a respondent is taking, read quickly: its row every time, its questions
from a copy each worker keeps.

Loading a survey and its questions through the ORM was the largest part of every
question screen. A screen now reads the survey's own row in one small query, so opening,
closing and dates always take effect at once, and takes the questions from a copy kept
in this process for that survey's `revision`. The revision goes up in the same
transaction whenever the survey or any of its questions is added, changed or deleted
through the ORM (the before_flush hook below), so every worker, on every machine, makes
a fresh copy on its next request after a change. Nothing here is shared between
processes, and a copy is never changed once made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from flask import current_app
from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import Session

from feedback.surveys.models import SCALE_KINDS, Question, Survey

MAX_KEPT = 500  # surveys whose questions a worker keeps (a council has a few dozen)


@dataclass(frozen=True, slots=True)
class QuestionView:
    """One current question, as a respondent sees it."""

    id: int
    survey_id: int
    position: int
    kind: str
    principle: int
    text: str
    hint: str
    options: tuple[Mapping, ...]

    @property
    def is_scale(self) -> bool:
        return self.kind in SCALE_KINDS


@dataclass(frozen=True, slots=True)
class SurveyView:
    """A survey's row, with its current questions in order."""

    id: int
    slug: str
    key: str
    title: str
    audience: str
    language: str
    status: str
    intro: str
    thanks: str
    named_responses: bool
    opens_at: datetime | None
    closes_at: datetime | None
    translation_of_id: int | None
    revision: int
    questions: tuple[QuestionView, ...]

    is_open = Survey.is_open  # the same rule, on the same fields


_ROW_COLUMNS = (
    Survey.id,
    Survey.slug,
    Survey.key,
    Survey.title,
    Survey.audience,
    Survey.language,
    Survey.status,
    Survey.intro,
    Survey.thanks,
    Survey.named_responses,
    Survey.opens_at,
    Survey.closes_at,
    Survey.translation_of_id,
    Survey.revision,
)
_QUESTION_COLUMNS = (
    Question.id,
    Question.survey_id,
    Question.position,
    Question.kind,
    Question.principle,
    Question.text,
    Question.hint,
    Question.options,
)
# Built once: building a statement costs more than running it.
_SURVEY_ROW = select(*_ROW_COLUMNS).where(Survey.slug == bindparam("slug"))
_CURRENT_QUESTIONS = (
    select(*_QUESTION_COLUMNS)
    .where(Question.survey_id == bindparam("survey_id"), Question.is_current.is_(True))
    .order_by(Question.position, Question.id)
)


def _read_questions(session: Session, survey_id: int) -> tuple[QuestionView, ...]:
    rows = session.connection().execute(_CURRENT_QUESTIONS, {"survey_id": survey_id})
    return tuple(
        QuestionView(
            id=row.id,
            survey_id=row.survey_id,
            position=row.position,
            kind=row.kind,
            principle=row.principle,
            text=row.text,
            hint=row.hint or "",
            options=tuple(MappingProxyType(dict(o)) for o in row.options or ()),
        )
        for row in rows
    )


def _kept() -> dict[tuple[int, int], tuple[QuestionView, ...]]:
    return current_app.extensions.setdefault("survey_questions", {})


def survey_view(session: Session, slug: str) -> SurveyView | None:
    """The survey with this public code and its current questions (None if there is none)."""
    # Core, on the session's connection: the ORM layer would only add work here.
    row = session.connection().execute(_SURVEY_ROW, {"slug": slug}).first()
    if row is None:
        return None
    kept = _kept()
    key = (row.id, row.revision)
    questions = kept.get(key)
    if questions is None:
        questions = _read_questions(session, row.id)
        if len(kept) >= MAX_KEPT:
            kept.clear()
        kept[key] = questions
    return SurveyView(**row._asdict(), questions=questions)


def _survey_of(session: Session, question: Question) -> Survey | None:
    if question.survey_id is None:
        return question.__dict__.get("survey")  # added through the relationship, not flushed
    with session.no_autoflush:
        return session.get(Survey, question.survey_id)


@event.listens_for(Session, "before_flush")
def _bump_revisions(session: Session, _context, _instances) -> None:
    """Move a survey's revision on when it, or any of its questions, changes."""
    changed: dict[int, Survey] = {}
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Survey):
            survey = obj if obj in session.dirty and session.is_modified(obj) else None
        elif isinstance(obj, Question):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            survey = _survey_of(session, obj)
        else:
            continue
        if survey is not None and survey not in session.new and survey not in session.deleted:
            changed[id(survey)] = survey
    for survey in changed.values():
        # In SQL, so two editors saving at once cannot both write the same number.
        survey.revision = Survey.revision + 1
