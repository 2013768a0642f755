"""The survey a respondent is taking, read quickly: what decides access every time, the
rest from a copy each worker keeps.

Loading a survey and its questions through the ORM was the largest part of every
question screen. A screen now reads, in one small query, the survey's revision and what
decides whether it can be answered now (status and dates, so opening and closing always
take effect at once, however they were changed), and takes the rest (its words and
questions) from a copy kept in this process for that survey's `revision`. The revision
goes up in the same transaction whenever the survey or any of its questions is added,
changed or deleted through the ORM (the before_flush hook below), so every worker, on
every machine, makes a fresh copy on its next request after a change. Nothing here is
shared between processes, and a copy is never changed once made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from flask import current_app
from sqlalchemy import bindparam, event, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from feedback.surveys.models import SCALE_KINDS, Answer, Question, Response, Survey
from feedback.surveys.services import ANSWER_SO_FAR_COLUMNS, Bind, answer_so_far, connection_of

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


def _read_questions(connection: Connection, survey_id: int) -> tuple[QuestionView, ...]:
    rows = connection.execute(_CURRENT_QUESTIONS, {"survey_id": survey_id})
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


@dataclass(slots=True)
class _Kept:
    """What one worker keeps: each survey's view (its row and current questions) by
    (survey id, revision), and the last (survey id, revision) seen for each public code."""

    views: dict[tuple[int, int], SurveyView]
    latest: dict[str, tuple[int, int]]


def _kept() -> _Kept:
    kept = current_app.extensions.get("survey_questions")
    if kept is None:
        kept = current_app.extensions["survey_questions"] = _Kept({}, {})
    return kept


def _view(connection: Connection, survey: dict) -> SurveyView:
    """The view of a survey from its whole row, with the questions kept for its revision."""
    kept = _kept()
    key = (survey["id"], survey["revision"])
    earlier = kept.views.get(key)
    questions = earlier.questions if earlier is not None else None
    if questions is None:
        questions = _read_questions(connection, survey["id"])
        if len(kept.views) >= MAX_KEPT:
            kept.views.clear()
            kept.latest.clear()
    view = kept.views[key] = SurveyView(**survey, questions=questions)
    kept.latest[survey["slug"]] = key
    return view


def survey_view(bind: Bind, slug: str) -> SurveyView | None:
    """The survey with this public code and its current questions (None if there is none)."""
    # Core, on a connection (the session's, if given one): the ORM would only add work.
    connection = connection_of(bind)
    row = connection.execute(_SURVEY_ROW, {"slug": slug}).first()
    return None if row is None else _view(connection, row._asdict())


# A question screen's query: the survey's id and revision, and what decides whether it
# can be answered now, with this respondent's response and their answer to the question
# (both outer joined: either may be missing). Everything else about the survey changes
# only with its revision, so it comes from the view this worker keeps for that revision.
_CHECKED = (Survey.id, Survey.revision, Survey.status, Survey.opens_at, Survey.closes_at)
_SURVEY_WITH_ANSWER = (
    select(*(c.label(f"s_{c.key}") for c in _CHECKED), *ANSWER_SO_FAR_COLUMNS)
    .select_from(Survey)
    .outerjoin(
        Response,
        (Response.submission_id == bindparam("submission_id")) & (Response.survey_id == Survey.id),
    )
    .outerjoin(
        Answer,
        (Answer.response_id == Response.id) & (Answer.question_id == bindparam("question_id")),
    )
    .where(Survey.slug == bindparam("slug"))
)


def _together(connection: Connection, slug: str, n: int, submission_id: str | None):
    """(survey, row) from one query that also reads the response and its answer to
    question n, guessing that question from the view this worker keeps; the row is None
    if the guess was wrong (the survey changed since) or could not be made."""
    kept = _kept()
    guess = kept.latest.get(slug)
    view = kept.views.get(guess) if guess else None
    if not submission_id or view is None or not 1 <= n <= len(view.questions):
        return survey_view(connection, slug), None
    params = {"slug": slug, "submission_id": submission_id, "question_id": view.questions[n - 1].id}
    row = connection.execute(_SURVEY_WITH_ANSWER, params).first()
    if row is None:
        return None, None
    if (row.s_id, row.s_revision, row.s_status, row.s_opens_at, row.s_closes_at) != (
        view.id,
        view.revision,
        view.status,
        view.opens_at,
        view.closes_at,
    ):
        return survey_view(connection, slug), None  # changed since: read it afresh
    return view, row


def _question_id(survey: SurveyView | None, n: int) -> int | None:
    if survey is None or not 1 <= n <= len(survey.questions):
        return None
    return survey.questions[n - 1].id


def survey_with_answer(bind: Bind, slug: str, n: int, submission_id: str | None):
    """For showing question screen n or storing its answer: (the survey or None, the
    respondent's response and saved answer as plain values, or None; see
    `services.answer_so_far` and `services.store_answer`).

    One query, once this worker has seen the survey: it guesses question n from the
    questions it keeps, and checks the guess against the revision that comes back. A
    response to another survey is never returned (a forged or stale form).
    """
    connection = connection_of(bind)
    survey, row = _together(connection, slug, n, submission_id)
    if row is not None:
        return survey, (row if row.submission_id is not None else None)
    question_id = _question_id(survey, n)
    found = answer_so_far(connection, submission_id, question_id) if question_id else None
    return survey, (found if found is not None and found.survey_id == survey.id else None)


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
