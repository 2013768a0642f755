"""Builder services for questions: add (new or from the bank), change, move, remove.

Once a survey has responses, changing a question's words or answers makes a new
version (a new row) and retires the old one, so every stored answer keeps the exact
words it was an answer to. Versions share the bank key, so results still group.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from feedback.builder import conditions
from feedback.builder.errors import (
    AlreadyInSurvey,
    NotInSurvey,
    QuestionNotCurrent,
    ensure_editable,
)
from feedback.builder.options import clean
from feedback.surveys.kinds import SCALE_KINDS
from feedback.surveys.models import Answer, Question, Response, Survey

_WORD = re.compile(r"[a-z0-9]+")


def current_questions(session: Session, survey: Survey) -> list[Question]:
    """The questions a respondent sees now, in order (read fresh, never cached)."""
    query = select(Question).where(Question.survey_id == survey.id, Question.is_current)
    return list(session.scalars(query.order_by(Question.position, Question.id)))


def has_responses(session: Session, survey: Survey) -> bool:
    """Say whether anyone has started or sent this survey."""
    return bool(session.scalar(select(exists().where(Response.survey_id == survey.id))))


def new_bank_key(session: Session, text: str) -> str:
    """A bank key made from the question's first words, not used by any question yet."""
    base = "_".join(_WORD.findall(text.lower())[:5])[:40] or "question"
    key, n = base, 2
    while session.scalar(select(exists().where(Question.bank_key == key))):
        key, n = f"{base}_{n}", n + 1
    return key


def _check_not_asked(session: Session, survey: Survey, bank_key: str) -> None:
    if any(q.bank_key == bank_key for q in current_questions(session, survey)):
        raise AlreadyInSurvey("This survey already asks that question.")


def copy_question(question: Question, position: int) -> Question:
    """A fresh, first-version copy of a question's words, for another survey."""
    return Question(
        position=position,
        bank_key=question.bank_key,
        kind=question.kind,
        principle=question.principle,
        text=question.text,
        hint=question.hint,
        options=[dict(o) for o in question.options],
        settings=dict(question.settings or {}),
        safety=question.safety,
        show_when=dict(question.show_when) if question.show_when else None,
    )


def _append(session: Session, survey: Survey, question: Question) -> Question:
    ensure_editable(survey)
    _check_not_asked(session, survey, question.bank_key)
    question.position = len(current_questions(session, survey)) + 1
    question.survey = survey
    session.add(question)
    session.flush()
    session.expire(survey, ["questions", "all_questions"])
    return question


def add_question(
    session: Session,
    survey: Survey,
    *,
    kind: str,
    principle: int | None,
    text: str,
    hint: str | None = "",
    options: list[dict[str, Any]] | None = None,
    settings: dict[str, Any] | None = None,
    bank_key: str | None = "",
    safety: bool = False,
) -> Question:
    """Add a newly written question at the end (it joins the question bank)."""
    options, settings = clean(kind, options, settings)
    question = Question(
        bank_key=bank_key or new_bank_key(session, text),
        kind=kind,
        principle=principle,
        text=text.strip(),
        hint=(hint or "").strip(),
        options=options,
        settings=settings,
        safety=safety and kind in SCALE_KINDS,
    )
    return _append(session, survey, question)


def add_from_bank(session: Session, survey: Survey, source: Question) -> Question:
    """Add a copy of a question-bank question at the end (asked of everyone: a condition
    belongs to the survey it was set in)."""
    question = copy_question(source, position=0)
    question.show_when = None
    return _append(session, survey, question)


def question_in(session: Session, survey: Survey, question_id: int) -> Question:
    """The question with this id in this survey, or NotInSurvey."""
    question = session.get(Question, question_id)
    if question is None or question.survey_id != survey.id:
        raise NotInSurvey("That question is not part of this survey.")
    return question


def _ensure_current(question: Question) -> None:
    ensure_editable(question.survey)
    if not question.is_current:
        raise QuestionNotCurrent(
            "Someone changed this question since you opened the page. Here is the newest wording."
        )


def change_question(
    session: Session,
    question: Question,
    *,
    kind: str,
    principle: int | None,
    text: str,
    hint: str | None = "",
    options: list[dict[str, Any]] | None = None,
    settings: dict[str, Any] | None = None,
    safety: bool = False,
) -> Question:
    """Change a question. If people have answered the survey, a new wording is a new
    version and the old one stays, tied to its answers. Returns the current question."""
    _ensure_current(question)
    text, hint = text.strip(), (hint or "").strip()
    options, settings = clean(kind, options, settings)
    reworded = (kind, text, hint, options, settings) != (
        question.kind,
        question.text,
        question.hint,
        question.options,
        question.settings or {},
    )
    order = current_questions(session, question.survey)
    conditions.check_still_leads(question, order, kind, options)
    if reworded and has_responses(session, question.survey):
        new = Question(
            survey=question.survey,
            position=question.position,
            bank_key=question.bank_key,
            version=question.version + 1,
            replaces_id=question.id,
            show_when=question.show_when,
        )
        question.is_current = False
        session.add(new)
        question = new
    question.kind, question.principle, question.text = kind, principle, text
    question.hint, question.options, question.settings = hint, options, settings
    question.safety = safety and kind in SCALE_KINDS
    session.flush()
    session.expire(question.survey, ["questions"])
    return question


def move_question(session: Session, question: Question, steps: int) -> None:
    """Move a question up (steps < 0) or down; at either end it stays where it is."""
    _ensure_current(question)
    order = current_questions(session, question.survey)
    index = order.index(question)
    target = min(max(index + steps, 0), len(order) - 1)
    was = list(order)
    order.insert(target, order.pop(index))
    conditions.check_order(order, was)
    _renumber(session, order)
    session.expire(question.survey, ["questions"])


def remove_question(session: Session, question: Question) -> None:
    """Take a question out. If anyone answered it, it is kept (retired) with its answers."""
    _ensure_current(question)
    survey = question.survey
    conditions.check_can_remove(question, current_questions(session, survey))
    answered = session.scalar(select(exists().where(Answer.question_id == question.id)))
    if answered or has_responses(session, survey):
        question.is_current = False
    else:
        session.delete(question)
    session.flush()
    _renumber(session, current_questions(session, survey))
    session.expire(survey, ["questions", "all_questions"])


def _renumber(session: Session, order: list[Question]) -> None:
    for n, question in enumerate(order, start=1):
        question.position = n
    session.flush()
