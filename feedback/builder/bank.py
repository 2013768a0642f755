"""The question bank: every question any survey asks, grouped by its bank key, so
surveys for different ages ask the same thing in their own words and results compare."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.audiences.services import audience_keys
from feedback.surveys.models import Question, Survey


@dataclass(frozen=True)
class Wording:
    """One way the question is asked: for whom, as what kind, in which words."""

    question_id: int
    audience: str
    kind: str
    text: str
    hint: str
    options: tuple[tuple[str, str], ...]  # (emoji, label)


@dataclass(frozen=True)
class BankEntry:
    bank_key: str
    principle: int | None
    wordings: tuple[Wording, ...]


def question_bank(
    session: Session,
    *,
    language: str = "en",
    principle: int | None = None,
    audience: str | None = None,
) -> list[BankEntry]:
    """Bank entries in one language, optionally only for one principle or audience."""
    query = (
        select(Question, Survey.audience)
        .join(Survey, Question.survey_id == Survey.id)
        .where(
            Question.is_current,
            Question.bank_key != "",
            Survey.language == language,
            Survey.status != "archived",
        )
        .order_by(Question.id)
    )
    if principle is not None:
        query = query.where(Question.principle == principle)
    if audience is not None:
        query = query.where(Survey.audience == audience)
    groups: dict[str, list[tuple[Question, str]]] = {}
    for question, survey_audience in session.execute(query):
        groups.setdefault(question.bank_key, []).append((question, survey_audience))
    order = audience_keys(session)
    entries = [_entry(key, rows, order) for key, rows in groups.items()]
    # Questions outside the principles come last.
    return sorted(entries, key=lambda e: (e.principle or 99, e.bank_key))


def _entry(bank_key: str, rows: list[tuple[Question, str]], order: tuple[str, ...]) -> BankEntry:
    seen, wordings = set(), []
    for question, audience in rows:
        words = (audience, question.kind, question.text, question.hint)
        same = (*words, json.dumps(question.options, sort_keys=True))
        if same in seen:  # copies of one survey ask it in the same words
            continue
        seen.add(same)
        options = tuple((o.get("emoji", ""), o["label"]) for o in question.options)
        wordings.append(Wording(question.id, *words, options))
    wordings.sort(key=lambda w: (order.index(w.audience), w.question_id))
    principle = Counter(q.principle for q, _ in rows).most_common(1)[0][0]
    return BankEntry(bank_key, principle, tuple(wordings))
