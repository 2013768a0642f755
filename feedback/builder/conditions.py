"""Builder services for branching: set or clear "ask this only when an earlier answer is
one of these", and keep every condition pointing at an earlier question with those
answers, whatever the lead moves, changes or takes out. No Flask here.

The rule itself (who is asked what) is `feedback.surveys.branching`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from feedback.builder.errors import BuilderError, QuestionNotCurrent, ensure_editable
from feedback.surveys.branching import can_lead, condition
from feedback.surveys.models import Question


class BranchBroken(BuilderError):
    """The change would leave a question depending on an answer it cannot get."""


@dataclass(frozen=True)
class Shown:
    """How the builder describes a condition: 'only when question 2 is: No, Sometimes'."""

    number: int
    text: str
    labels: tuple[str, ...]


def _name(question: Question, order: Sequence[Question], first: bool = False) -> str:
    word = "Question" if first else "question"
    return f'{word} {order.index(question) + 1} ("{question.text[:60]}")'


def leader(question: Question, order: Sequence[Question]) -> Question | None:
    """The current question this one's condition depends on, if any."""
    rule = condition(question)
    return next((q for q in order if rule and q.bank_key == rule[0]), None)


def dependents(question: Question, order: Sequence[Question]) -> list[Question]:
    """The questions asked only after an answer to this one."""
    return [q for q in order if q is not question and leader(q, order) is question]


def describe(order: Sequence[Question]) -> dict[int, Shown]:
    """{question id: its condition in words}, for the questions that have one."""
    out = {}
    for question in order:
        lead, rule = leader(question, order), condition(question)
        if lead is not None and rule is not None:
            words = {o["value"]: o["label"] for o in lead.options}
            labels = tuple(words.get(v, f"{v} (no longer an answer)") for v in sorted(rule[1]))
            out[question.id] = Shown(order.index(lead) + 1, lead.text, labels)
    return out


def earlier_choices(question: Question, order: Sequence[Question]) -> list[Question]:
    """The questions before this one whose answers it may depend on."""
    return [q for q in order[: order.index(question)] if can_lead(q)]


def check_order(order: Sequence[Question], was: Sequence[Question]) -> None:
    """Refuse a new order that puts a question before the answer it depends on (the
    message numbers questions as the lead sees them now, in the order `was`)."""
    for n, question in enumerate(order):
        lead = leader(question, order)
        if lead is not None and order.index(lead) >= n:
            raise BranchBroken(
                f"{_name(question, was, first=True)} is asked only after an answer to "
                f"{_name(lead, was)}, so it has to come after it. Change when "
                "it is asked first, then move it."
            )


def check_can_remove(question: Question, order: Sequence[Question]) -> None:
    """Refuse to take out a question that others are asked after."""
    after = dependents(question, order)
    if after:
        raise BranchBroken(
            f"{_name(after[0], order, first=True)} is asked only after an answer to this "
            "question. Change when it is asked first, then take this one out."
        )


def check_still_leads(question: Question, order: Sequence[Question], kind: str, options) -> None:
    """Refuse a change (to `kind` with `options`) that takes away answers a later
    question depends on."""
    trial = Question(kind=kind, options=options, bank_key=question.bank_key)
    values = {o["value"] for o in options}
    for later in dependents(question, order):
        rule = condition(later)
        if not can_lead(trial) or (rule and not rule[1] <= values):
            raise BranchBroken(
                f"{_name(later, order, first=True)} is asked only after certain answers to "
                "this question. Keep those answers, or change when that question is "
                "asked first."
            )


def set_condition(
    session: Session, question: Question, order: Sequence[Question], lead_key: str, values
) -> None:
    """Ask this question only when the earlier question's answer is one of `values`
    (no values: ask everyone)."""
    ensure_editable(question.survey)
    if not question.is_current:
        raise QuestionNotCurrent("Someone changed this question since you opened the page.")
    values = sorted(set(values))
    if not lead_key or not values:
        question.show_when = None
    else:
        lead = next((q for q in earlier_choices(question, order) if q.bank_key == lead_key), None)
        offered = {o["value"] for o in lead.options} if lead is not None else set()
        if lead is None or not set(values) <= offered:
            raise BranchBroken("Choose answers to one of the questions before this one.")
        question.show_when = {"question": lead_key, "values": values}
    session.flush()
