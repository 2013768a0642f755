"""Survey services: start a response, record answers, submit. No Flask here."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from types import EllipsisType

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session, joinedload

from feedback.db import utcnow
from feedback.surveys.drawing import is_drawing
from feedback.surveys.models import Answer, Question, Response, Survey, SurveyClosed


class InvalidAnswer(ValueError):
    """The answer does not fit the question (an unknown choice, say)."""


def new_submission_id() -> str:
    return secrets.token_urlsafe(24)


def start_response(session: Session, survey: Survey, submission_id: str | None = None) -> Response:
    """Begin a response to an open survey, with a server-issued submission id."""
    if not survey.is_open():
        raise SurveyClosed("This survey is not open.")
    response = Response(
        survey_id=survey.id,
        submission_id=submission_id or new_submission_id(),
        audience=survey.audience,
        language=survey.language,
    )
    session.add(response)
    session.flush()
    return response


def _score(question: Question, value: str | None) -> int | None:
    if not question.is_scale or value is None:
        return None
    for option in question.options:
        if option["value"] == value:
            return option.get("score")
    return None


def _check_choice(question: Question, values: Sequence[str]) -> None:
    allowed = {o["value"] for o in question.options}
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise InvalidAnswer("Please choose one of the answers shown.")


def record_answer(
    session: Session,
    response: Response,
    question: Question,
    *,
    value: str | None = None,
    choices: Sequence[str] | None = None,
    skipped: bool = False,
    ok_to_quote: bool = False,
    drawing: str | None = None,
    existing: Answer | None | EllipsisType = ...,
) -> Answer:
    """Store (or replace) the answer to one question, scored and analysed once, now.

    `existing` is the answer already stored for this question, if the caller has just
    read it (see `response_and_answer`); left out, it is looked up here.
    """
    if response.status != "in_progress":
        raise SurveyClosed("These answers have already been sent.")
    if question.survey_id != response.survey_id:
        raise InvalidAnswer("That question is not part of this survey.")
    if not skipped:
        if question.kind == "multi":
            _check_choice(question, choices or [])
        elif question.kind != "text" and value is not None:
            _check_choice(question, [value])
        if drawing is not None and (question.kind != "text" or not is_drawing(drawing)):
            raise InvalidAnswer("That drawing could not be saved.")
    answers_loaded = "answers" not in inspect(response).unloaded
    answer = saved_answer(session, response, question.id) if existing is ... else existing
    if answer is None:
        answer = Answer(question_id=question.id, response_id=response.id)
        session.add(answer)
        if answers_loaded:
            response.answers.append(answer)  # keeps a loaded list true for a second call
    stored_before = answer.id is not None
    earlier_words = answer.value if stored_before else None
    answer.skipped = skipped or (value in (None, "") and not choices and not drawing)
    answer.value = None if answer.skipped else (value or None)
    answer.drawing = None if answer.skipped else drawing
    answer.choices = list(choices) if choices and not skipped else None
    answer.score = None if answer.skipped else _score(question, value)
    answer.ok_to_quote = bool(ok_to_quote) and bool(answer.value) and question.kind == "text"
    answer.answered_at = utcnow()
    # Written words are analysed once, now, and flushed with their alert, if any. The
    # same words sent again (Back, then Next) keep the analysis they already have.
    if question.kind == "text" and not (stored_before and earlier_words == answer.value):
        from feedback.analysis.store import analyse_answer  # analysis imports survey models

        analyse_answer(session, answer, words_changed=earlier_words not in (None, answer.value))
    else:
        session.flush()
    return answer


def saved_answer(session: Session, response: Response, question_id: int) -> Answer | None:
    """The answer this response already has for a question (no query if they are loaded)."""
    if "answers" not in inspect(response).unloaded:
        return next((a for a in response.answers if a.question_id == question_id), None)
    return session.scalars(
        _SAVED_ANSWER, {"response_id": response.id, "question_id": question_id}
    ).first()


def submit_response(session: Session, response: Response, name: str | None = None) -> Response:
    """Mark a response as sent. Sending twice is harmless: it stays one response."""
    if response.status == "submitted":
        return response
    if name and response.survey.named_responses:
        response.respondent_name = name
    response.status = "submitted"
    response.submitted_at = utcnow()
    session.flush()
    return response


# Built once: making a statement with a joinedload option costs more than running it.
_SURVEY_BY_SLUG = (
    select(Survey).options(joinedload(Survey.questions)).where(Survey.slug == bindparam("slug"))
)
_RESPONSE_BY_SUBMISSION = (
    select(Response)
    .options(joinedload(Response.answers))
    .where(Response.submission_id == bindparam("submission_id"))
)


_SAVED_ANSWER = select(Answer).where(
    Answer.response_id == bindparam("response_id"), Answer.question_id == bindparam("question_id")
)
# A response and its answer to one question (if any), for storing that answer.
_RESPONSE_AND_ANSWER = (
    select(Response, Answer)
    .outerjoin(
        Answer,
        (Answer.response_id == Response.id) & (Answer.question_id == bindparam("question_id")),
    )
    .where(Response.submission_id == bindparam("submission_id"))
)


def open_survey(session: Session, slug: str) -> Survey | None:
    """The survey with this public code and its current questions, in one query."""
    return session.scalars(_SURVEY_BY_SLUG, {"slug": slug}).unique().one_or_none()


def find_response(session: Session, submission_id: str | None) -> Response | None:
    """A response and its answers so far, in one query."""
    if not submission_id:
        return None
    found = session.scalars(_RESPONSE_BY_SUBMISSION, {"submission_id": submission_id})
    return found.unique().one_or_none()


# One row: a response (by its submission id) and its answer to one question, if any.
ANSWER_SO_FAR_COLUMNS = (
    Response.submission_id,
    Response.survey_id,
    Response.status,
    Answer.id.label("answer_id"),
    Answer.skipped,
    Answer.value,
    Answer.choices,
    Answer.ok_to_quote,
    Answer.drawing,
)
_ANSWER_SO_FAR = (
    select(*ANSWER_SO_FAR_COLUMNS)
    .outerjoin(
        Answer,
        (Answer.response_id == Response.id) & (Answer.question_id == bindparam("question_id")),
    )
    .where(Response.submission_id == bindparam("submission_id"))
)


def answer_so_far(session: Session, submission_id: str | None, question_id: int):
    """For a question screen: the response's id, survey and status, and its saved answer
    to this question (`answer_id` is None if there is none yet). One small query, no
    ORM objects: a screen is shown far more often than anything on it changes."""
    if not submission_id:
        return None
    params = {"submission_id": submission_id, "question_id": question_id}
    return session.connection().execute(_ANSWER_SO_FAR, params).first()


def response_and_answer(
    session: Session, submission_id: str | None, question_id: int
) -> tuple[Response, Answer | None] | None:
    """A response and its stored answer to one question, in one query (not its other
    answers: storing one answer needs only that one)."""
    if not submission_id:
        return None
    params = {"submission_id": submission_id, "question_id": question_id}
    row = session.execute(_RESPONSE_AND_ANSWER, params).first()
    return (row[0], row[1]) if row else None


def resume_or_start(session: Session, survey: Survey, submission_id: str) -> Response:
    """Start a response with this id, or pick up the one a double tap already started."""
    return find_response(session, submission_id) or start_response(session, survey, submission_id)


def next_position(response: Response, questions: Sequence[Question]) -> int:
    """Where to carry on: the first question not yet answered (or one past the last)."""
    done = {a.question_id for a in response.answers}
    for n, question in enumerate(questions, start=1):
        if question.id not in done:
            return n
    return len(questions) + 1
