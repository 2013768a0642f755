"""Survey services: start a response, record answers, submit. No Flask here.

`record_answer` is the one way an answer is stored: by a child's Next, by the demo
content, by tests. It files the answer under the question it was given for, scores it,
and analyses written words once, in the same transaction as any safeguarding alert.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload

from feedback.db import utcnow
from feedback.surveys import branching
from feedback.surveys.checks import InvalidAnswer, answer_fields, score
from feedback.surveys.kinds import is_words
from feedback.surveys.models import (
    Answer,
    Question,
    Response,
    Survey,
    SurveyClosed,
    slug_spellings,
)


def new_submission_id() -> str:
    return secrets.token_urlsafe(24)


def start_response(
    session: Session,
    survey: Survey,
    submission_id: str | None = None,
    *,
    worker_id: int | None = None,
    team: str | None = None,
) -> Response:
    """Begin a response to an open survey, with a server-issued submission id. On a
    shared tablet, `worker_id` and `team` say whose visit it is (for following up)."""
    if not survey.is_open():
        raise SurveyClosed("This survey is not open.")
    response = Response(
        survey_id=survey.id,
        submission_id=submission_id or new_submission_id(),
        audience=survey.audience,
        language=survey.language,
        worker_id=worker_id,
        team=team or None,
    )
    session.add(response)
    session.flush()
    return response


def saved_answer(response: Response, question_id: int) -> Answer | None:
    """The answer this response already has for a question, if any."""
    return next((a for a in response.answers if a.question_id == question_id), None)


def record_answer(session: Session, response: Response, question: Question, **given) -> Answer:
    """Store (or replace) the answer to one question, scored and analysed once (flushes).

    `given` is value, choices, skipped, ok_to_quote and drawing. The same answer given
    again (Back, then Next) changes nothing and keeps the time it was first given.
    """
    if response.status != "in_progress":
        raise SurveyClosed("These answers have already been sent.")
    if question.survey_id != response.survey_id:
        raise InvalidAnswer("That question is not part of this survey.")
    fields = answer_fields(question, **given)
    answer = saved_answer(response, question.id)
    if answer is not None and all(getattr(answer, k) == v for k, v in fields.items()):
        return answer
    earlier_words = answer.value if answer is not None else None
    if answer is None:
        answer = Answer(question_id=question.id)
        response.answers.append(answer)
    for name, field_value in fields.items():
        setattr(answer, name, field_value)
    answer.score = None if answer.skipped else score(question, answer.value, answer.choices)
    answer.answered_at = utcnow()
    if is_words(question.kind) and earlier_words != answer.value:
        from feedback.analysis.store import analyse_answer  # analysis imports survey models

        analyse_answer(session, answer, words_changed=earlier_words is not None)
    else:
        session.flush()
    if not answer.skipped and answer.value in lowest_values(question):
        _alert_safety_answer(session, question, answer)
    return answer


def lowest_values(question: Question) -> frozenset[str]:
    """The answers to a safety question that say someone does not feel safe: those with
    its lowest score."""
    scores = [o.get("score") for o in question.options if o.get("score") is not None]
    if not question.safety or not scores:
        return frozenset()
    return frozenset(o["value"] for o in question.options if o.get("score") == min(scores))


def is_worrying(question: Question, answer: Answer) -> bool:
    """Does this answer need help shown first: worrying words, or the lowest answer to a
    safety question?"""
    if answer.skipped:
        return False
    return bool(answer.flagged) or answer.value in lowest_values(question)


def _alert_safety_answer(session: Session, question: Question, answer: Answer) -> None:
    """An alert, like one for worrying words, in the same transaction as the answer."""
    from feedback.alerts.models import raise_alert  # alerts import survey models

    label = next((o["label"] for o in question.options if o["value"] == answer.value), "")
    raise_alert(
        session,
        answer,
        ["safety question: lowest answer"],
        kind="safety_answer",
        comment=f"{question.text} \u2014 {label}",
    )


def submit_response(session: Session, response: Response, name: str | None = None) -> Response:
    """Mark a response as sent. Sending twice is harmless: it stays one response."""
    if response.status == "submitted":
        return response
    if name and response.survey.named_responses:
        response.respondent_name = name
    branching.drop_not_asked(session, response)
    response.status = "submitted"
    response.submitted_at = utcnow()
    session.flush()
    return response


# The two statements every survey screen runs, built once with placeholders: putting
# them together on each request cost a third as much as running them.
_OPEN_SURVEY = (
    select(Survey)
    .options(joinedload(Survey.questions), joinedload(Survey.band))
    .where(Survey.slug.in_(bindparam("spellings", expanding=True)))
)
_FIND_RESPONSE = (
    select(Response)
    .options(joinedload(Response.answers))
    .where(Response.submission_id == bindparam("submission_id"))
)


def open_survey(session: Session, slug: str) -> Survey | None:
    """The survey with this public code (in any case), its current questions and audience."""
    spellings = sorted(slug_spellings(slug))
    found = session.scalars(_OPEN_SURVEY, {"spellings": spellings}).unique().all()
    return next((s for s in found if s.slug == slug), found[0] if found else None)


def find_response(session: Session, submission_id: str | None) -> Response | None:
    """A response and its answers so far."""
    if not submission_id:
        return None
    found = session.scalars(_FIND_RESPONSE, {"submission_id": submission_id})
    return found.unique().one_or_none()


def resume_or_start(session: Session, survey: Survey, submission_id: str, **visit) -> Response:
    """Start a response with this id, or pick up the one a double tap already started."""
    found = find_response(session, submission_id)
    return found or start_response(session, survey, submission_id, **visit)


def next_position(response: Response, questions: Sequence[Question]) -> int:
    """Where to carry on: the first question they are asked and have not answered yet
    (or one past the last)."""
    done = {a.question_id for a in response.answers}
    state: dict[int, str] = {}
    if any(q.show_when for q in questions):  # branching: only the questions they are asked
        given = branching.answers_by_key(response.survey, response.answers)
        state = branching.states(questions, given)
    for n, question in enumerate(questions, start=1):
        if question.id not in done and state.get(question.id) != branching.NOT_ASKED:
            return n
    return len(questions) + 1
