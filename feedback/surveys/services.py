"""Survey services: start a response, record answers, submit. No Flask here."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from types import EllipsisType
from typing import NamedTuple

from sqlalchemy import bindparam, insert, inspect, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, joinedload

from feedback.db import utcnow
from feedback.surveys.drawing import is_drawing
from feedback.surveys.models import Answer, Question, Response, Survey, SurveyClosed


class InvalidAnswer(ValueError):
    """The answer does not fit the question (an unknown choice, say)."""


# A respondent's screens read and write on a plain connection of their own; everything
# else passes its ORM session, whose connection is then used.
Bind = Session | Connection


def connection_of(bind: Bind) -> Connection:
    return bind.connection() if isinstance(bind, Session) else bind


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


def _check_answer(
    question: Question,
    value: str | None,
    choices: Sequence[str] | None,
    skipped: bool,
    drawing: str | None,
) -> None:
    if skipped:
        return
    if question.kind == "multi":
        _check_choice(question, choices or [])
    elif question.kind != "text" and value is not None:
        _check_choice(question, [value])
    if drawing is not None and (question.kind != "text" or not is_drawing(drawing)):
        raise InvalidAnswer("That drawing could not be saved.")


def answer_fields(
    question: Question,
    *,
    value: str | None = None,
    choices: Sequence[str] | None = None,
    skipped: bool = False,
    ok_to_quote: bool = False,
    drawing: str | None = None,
) -> dict:
    """An answer's stored columns, checked against its question (InvalidAnswer if not)."""
    _check_answer(question, value, choices, skipped, drawing)
    skipped = skipped or (value in (None, "") and not choices and not drawing)
    value = None if skipped else (value or None)
    return {
        "skipped": skipped,
        "value": value,
        "drawing": None if skipped else drawing,
        "choices": list(choices) if choices and not skipped else None,
        "score": None if skipped else _score(question, value),
        "ok_to_quote": bool(ok_to_quote) and bool(value) and question.kind == "text",
        "answered_at": utcnow(),
    }


def record_answer(
    session: Session,
    response: Response,
    question: Question,
    *,
    existing: Answer | None | EllipsisType = ...,
    **given,
) -> Answer:
    """Store (or replace) the answer to one question through the ORM, scored and
    analysed once, now (see `store_answer` for a respondent's own screens).

    `given` is value, choices, skipped, ok_to_quote and drawing, as for `answer_fields`.
    `existing` is the answer already stored for this question, if the caller has just
    read it; left out, it is looked up here.
    """
    if response.status != "in_progress":
        raise SurveyClosed("These answers have already been sent.")
    if question.survey_id != response.survey_id:
        raise InvalidAnswer("That question is not part of this survey.")
    fields = answer_fields(question, **given)
    answers_loaded = "answers" not in inspect(response).unloaded
    answer = saved_answer(session, response, question.id) if existing is ... else existing
    if answer is None:
        answer = Answer(question_id=question.id, response_id=response.id)
        session.add(answer)
        if answers_loaded:
            response.answers.append(answer)  # keeps a loaded list true for a second call
    stored_before = answer.id is not None
    earlier_words = answer.value if stored_before else None
    for name, field_value in fields.items():
        setattr(answer, name, field_value)
    # Written words are analysed once, now, and flushed with their alert, if any. The
    # same words sent again (Back, then Next) keep the analysis they already have.
    if question.kind == "text" and not (stored_before and earlier_words == answer.value):
        from feedback.analysis.store import analyse_answer  # analysis imports survey models

        analyse_answer(session, answer, words_changed=earlier_words not in (None, answer.value))
    else:
        session.flush()
    return answer


# Plain statements for `store_answer`: the columns come from the parameters given.
_INSERT_ANSWER = insert(Answer)
_UPDATE_ANSWER = update(Answer).where(Answer.id == bindparam("answer_id"))
_MOVE_RESPONSE_DATE = (
    update(Response)
    .where(Response.id == bindparam("response_id"))
    .values(retain_until=bindparam("later"))
)


# What a person said in an answer; everything else is worked out from it.
_WHAT_WAS_SAID = ("skipped", "value", "choices", "drawing", "ok_to_quote")


class Stored(NamedTuple):
    answer_id: int
    new_alert: bool  # a safeguarding alert was raised about these words, just now


def store_answer(bind: Bind, found, question: Question, **given) -> Stored:
    """Store (or replace) one answer, given the response and answer as `answer_so_far`
    read them: one INSERT or UPDATE, no ORM objects, as a respondent's every Next needs.
    Scored and analysed once, now, like `record_answer`. The same answer sent again is
    not written again (it keeps the time it was first given). The caller commits.

    A new answer moves the response's retention date on, to the day, as a new part added
    through the ORM would (`feedback.privacy.retention`). A lead's chosen themes exist
    only for sent responses, so there is never one to forget here. Words that may show
    harm get their alert in the same transaction, through the ORM (`raise_alert`); on a
    plain connection, the caller asks for the email once it has committed.
    """
    if found is None or found.status != "in_progress":
        raise SurveyClosed("These answers have already been sent.")
    if question.survey_id != found.survey_id:
        raise InvalidAnswer("That question is not part of this survey.")
    fields = answer_fields(question, **given)
    if found.answer_id is not None and all(
        fields[name] == getattr(found, name) for name in _WHAT_WAS_SAID
    ):
        # The same answer again (Back, then Next): nothing to write, and it keeps the
        # time it was first given.
        return Stored(found.answer_id, False)
    reasons: tuple[str, ...] = ()
    if question.kind == "text" and not (
        found.answer_id is not None and found.value == fields["value"]
    ):
        from feedback.analysis.store import analysis_values  # analysis imports survey models

        analysed, reasons = analysis_values(fields["value"])
        fields.update(analysed)
    connection = connection_of(bind)
    if found.answer_id is None:
        params = {"response_id": found.response_id, "question_id": question.id}
        result = connection.execute(_INSERT_ANSWER, {**fields, **params})
        answer_id = result.inserted_primary_key[0]
        from feedback.privacy.retention import moved_on  # privacy imports survey models

        later = moved_on(found.retain_until, "unfinished_responses")
        if later is not None:
            connection.execute(
                _MOVE_RESPONSE_DATE, {"response_id": found.response_id, "later": later}
            )
    else:
        answer_id = found.answer_id
        connection.execute(_UPDATE_ANSWER, {"answer_id": answer_id, **fields})
    return Stored(answer_id, bool(reasons) and _alert(bind, answer_id, reasons))


def _alert(bind: Bind, answer_id: int, reasons: tuple[str, ...]) -> bool:
    from feedback.analysis.alerts import raise_alert

    if isinstance(bind, Session):
        answer = bind.get(Answer, answer_id, populate_existing=True)
        return raise_alert(bind, answer, reasons)[1]
    # An ORM session inside the connection's transaction: it flushes there, and leaves
    # committing (or rolling back) to the connection's owner.
    with Session(bind=bind, join_transaction_mode="rollback_only") as session:
        return raise_alert(session, session.get(Answer, answer_id), reasons)[1]


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
    Response.id.label("response_id"),
    Response.submission_id,
    Response.survey_id,
    Response.status,
    Response.retain_until,
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


def answer_so_far(bind: Bind, submission_id: str | None, question_id: int):
    """The response's id, survey, status and retention date, and its saved answer to
    this question (`answer_id` is None if there is none yet), for showing a question
    screen or storing its answer (`store_answer`). One small query, no ORM objects: a
    respondent's screens are what the service does most."""
    if not submission_id:
        return None
    params = {"submission_id": submission_id, "question_id": question_id}
    return connection_of(bind).execute(_ANSWER_SO_FAR, params).first()


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
