"""Branching: a question asked only when an earlier answer is one of some values.

The one rule, used by the survey screens (which screen is next, Back, "question 3 of
7"), by sending (answers to questions not asked are not kept) and by the builder. A
condition names the earlier question by its bank key, so it holds across new versions
of either question, copies and translations. No Flask here.

Each question is in one of three states, worked out in order from the answers so far:
ASKED (no condition, or the earlier answer is one of the values), NOT_ASKED (the earlier
answer is something else, was skipped, or that question was itself not asked), or
WAITING (the earlier question has no answer yet: counted in "of 7", shown if reached).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.surveys.kinds import KINDS
from feedback.surveys.models import Answer, Question, Response, Survey

ASKED, NOT_ASKED, WAITING = "asked", "not asked", "waiting"


def condition(question: Question) -> tuple[str, frozenset[str]] | None:
    """(bank key of the earlier question, the values that show this one), or None."""
    rule: dict[str, Any] | None = question.show_when
    if not rule or not rule.get("question") or not rule.get("values"):
        return None
    return str(rule["question"]), frozenset(str(v) for v in rule["values"])


def branches(survey: Survey) -> bool:
    """Are some of this survey's questions asked only after certain answers?"""
    return any(condition(q) for q in survey.questions)


def can_lead(question: Question) -> bool:
    """Can a later question depend on this one's answer (a choice from its options)?"""
    kind = KINDS.get(question.kind)
    return bool(kind and kind.answer in ("one", "many") and question.options and question.bank_key)


def picked(answer: Answer | None) -> frozenset[str]:
    """The values an answer chose (none if skipped)."""
    if answer is None or answer.skipped:
        return frozenset()
    if answer.choices:
        return frozenset(str(c) for c in answer.choices)
    return frozenset([answer.value]) if answer.value else frozenset()


def answers_by_key(survey: Survey, answers: Iterable[Answer]) -> dict[str, Answer]:
    """{bank key: the newest answer} for this survey, whichever version it was given to."""
    keys = {q.id: q.bank_key for q in survey.questions}
    answers = list(answers)
    if any(a.question_id not in keys for a in answers):  # given to an earlier version
        keys = {q.id: q.bank_key for q in survey.all_questions}
    found: dict[str, Answer] = {}
    for answer in sorted(answers, key=lambda a: (a.answered_at is not None, a.answered_at or 0)):
        key = keys.get(answer.question_id)
        if key:
            found[key] = answer
    return found


def states(questions: Sequence[Question], given: dict[str, Answer]) -> dict[int, str]:
    """{question id: ASKED, NOT_ASKED or WAITING}, for questions in the order asked."""
    out: dict[int, str] = {}
    earlier: dict[str, str] = {}  # bank key: state, of questions before this one
    for question in questions:
        rule = condition(question)
        if rule is None or rule[0] not in earlier:
            # No condition, or its question is not before this one (the builder stops
            # that; if it ever happens, asking is safer than hiding).
            state = ASKED
        elif earlier[rule[0]] == NOT_ASKED:
            state = NOT_ASKED
        elif rule[0] not in given:
            state = WAITING
        else:
            state = ASKED if picked(given[rule[0]]) & rule[1] else NOT_ASKED
        out[question.id] = earlier[question.bank_key] = state
    return out


def path(survey: Survey, response: Response | None) -> list[Question]:
    """The questions this person is (or may yet be) asked, in order."""
    if not branches(survey):  # most surveys: everyone, no work
        return list(survey.questions)
    given = answers_by_key(survey, response.answers if response is not None else [])
    found = states(survey.questions, given)
    return [q for q in survey.questions if found[q.id] != NOT_ASKED]


def drop_not_asked(session: Session, response: Response) -> None:
    """Forget answers to questions the sent answers no longer lead to (flushes).

    A person may answer "No", write why, go Back and change to "Yes": the words they
    wrote stay while they are still answering (so changing back shows them again), and
    are not kept once they send. Words that raised a safeguarding alert are kept with
    the response, so the safeguarding lead sees them with the visit and any "someone to
    talk to" details reach that alert."""
    survey = response.survey
    if not branches(survey):
        return
    current = {q.id for q in path(survey, response)}
    keys = {q.bank_key: q.id for q in survey.questions}
    by_id = {q.id: q.bank_key for q in survey.all_questions}
    gone = [
        a
        for a in response.answers
        if keys.get(by_id.get(a.question_id, "")) not in (None, *current)
    ]
    if not gone:
        return
    from feedback.alerts.models import SafeguardingAlert  # alerts import survey models

    alerted = set(
        session.scalars(
            select(SafeguardingAlert.answer_id).where(
                SafeguardingAlert.answer_id.in_([a.id for a in gone])
            )
        )
    )
    for answer in gone:
        if answer.id not in alerted:
            response.answers.remove(answer)
            session.delete(answer)
    session.flush()
