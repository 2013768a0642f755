"""Every question's results, as frozen figures a page, a workbook or a PDF can show.

Counts come from `queries.answer_counts` (one GROUP BY); small numbers are suppressed
here with the project's one rule (`Figure`: fewer than 5 shows as "fewer than 5"), so no
screen or export can print them by mistake. A percentage is suppressed with its count.
Answers to an earlier wording of a question, or to a translation of the survey, count
with the question as it is now.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from feedback.analysis.scores import SMALL, Figure
from feedback.builder.conditions import Shown, describe
from feedback.reports.period import Period
from feedback.results import kinds, queries
from feedback.results.queries import Scope
from feedback.surveys.checks import whole_number
from feedback.surveys.models import Question, Survey


def share(part: int, whole: int) -> Figure:
    """A percentage, shown only when both the part and the whole are 5 or more."""
    return Figure.of(100 * part / whole if whole else None, min(part, whole))


@dataclass(frozen=True)
class OptionResult:
    code: str
    label: str
    count: Figure
    percent: Figure
    previous_percent: Figure

    @property
    def change(self) -> int | None:
        if self.percent.suppressed or self.previous_percent.suppressed:
            return None
        return self.percent.value - self.previous_percent.value


@dataclass(frozen=True)
class QuestionResult:
    id: int
    number: int
    text: str
    shape: str  # kinds.ONE, ANY, WRITTEN, NUMBER, TELL or STATEMENTS
    principle: int | None  # None: not part of a principle (never in a principle's score)
    answered: Figure
    previous_answered: Figure
    skipped: Figure
    options: tuple[OptionResult, ...]
    # Branching: asked only after certain earlier answers ("" for everyone). `asked` is
    # how many were asked it: those who answered or skipped it, because answers to a
    # question a person's answers did not lead to are not kept (`surveys.branching`).
    asked_when: str = ""
    asked: Figure | None = None
    average: Figure = Figure(None)  # for a number: the average typed


@dataclass(frozen=True)
class SurveyResult:
    id: int
    title: str
    audience: str
    questions: tuple[QuestionResult, ...]

    @property
    def in_principles(self) -> tuple[QuestionResult, ...]:
        return tuple(q for q in self.questions if q.principle is not None)

    @property
    def outside_principles(self) -> tuple[QuestionResult, ...]:
        """Questions mapped to no principle: reported on their own."""
        return tuple(q for q in self.questions if q.principle is None)


@dataclass(frozen=True)
class Results:
    scope: Scope
    previous_period: Period
    responses: Figure
    previous_responses: Figure
    surveys: tuple[SurveyResult, ...]


def family(session: Session, survey: Survey) -> tuple[list[Survey], dict[int, Question]]:
    """The survey and its translations, and {question id: the question it counts with}."""
    from feedback.builder.services import translations

    members = translations(session, survey) if survey.translation_of_id is None else [survey]
    current = list(survey.questions)
    target: dict[int, Question] = {}
    for member in members:
        if member.id == survey.id:
            newer = {q.replaces_id: q for q in survey.all_questions if q.replaces_id}
            for q in survey.all_questions:
                newest, seen = q, set()
                while not newest.is_current and newest.id in newer and newest.id not in seen:
                    seen.add(newest.id)  # follow newer versions to the current one
                    newest = newer[newest.id]
                if newest.is_current:
                    target[q.id] = newest
        else:
            for q, original in zip(member.questions, current, strict=False):
                target[q.id] = original
    return members, target


def _question(
    q: Question, number: int, rows: list[tuple], options: list, when: Shown | None = None
) -> QuestionResult:
    """Fold (now?, code, skipped, n) rows for one question into its figures."""
    shape = kinds.shape(q.kind)
    words = _words(q, shape, options)
    picked: dict[bool, Counter] = {True: Counter(), False: Counter()}
    answered = {True: 0, False: 0}
    base: dict[bool, Counter] = {True: Counter(), False: Counter()}  # per statement
    skipped = 0
    for now, code, was_skipped, n in rows:
        now = bool(now)
        if was_skipped:
            skipped += int(n) if now else 0
            continue
        codes = _codes(code, shape)
        if not codes:
            continue
        answered[now] += int(n)
        for c in codes:
            picked[now][c] += int(n)
            base[now][c.split(":", 1)[0]] += int(n)
    extra = [c for c in picked[True] | picked[False] if c not in words]
    if shape == kinds.NUMBER:
        extra.sort(key=lambda c: (whole_number(c) is None, whole_number(c) or 0, c))
    else:
        extra.sort()

    def whole(now: bool, code: str) -> int:
        return base[now][code.split(":", 1)[0]] if shape == kinds.STATEMENTS else answered[now]

    options_out = (
        tuple(
            OptionResult(
                code=c,
                label=words.get(c, c),
                count=Figure.count(picked[True][c]),
                percent=share(picked[True][c], whole(True, c)),
                previous_percent=share(picked[False][c], whole(False, c)),
            )
            for c in [*words, *extra]
        )
        if shape != kinds.WRITTEN
        else ()
    )
    return QuestionResult(
        id=q.id,
        number=number,
        text=q.text,
        shape=shape,
        principle=q.principle,
        answered=Figure.count(answered[True]),
        previous_answered=Figure.count(answered[False]),
        skipped=Figure.count(skipped),
        options=options_out,
        asked_when=_asked_when(when),
        asked=Figure.count(answered[True] + skipped) if when else None,
        average=_average(picked[True], answered[True]) if shape == kinds.NUMBER else Figure(None),
    )


def _asked_when(when: Shown | None) -> str:
    if when is None:
        return ""
    answers = " or ".join(when.labels)
    return f'people who answered {answers} to question {when.number} ("{when.text}")'


def _words(q: Question, shape: str, options: list) -> dict[str, str]:
    """{code: words shown} for each answer results list; for statements, one code per
    statement and answer ("2:yes": "I feel safe: Yes")."""
    words = kinds.labels(options)
    if shape != kinds.STATEMENTS:
        return words
    return {
        f"{i}:{code}": f"{statement}: {label}"
        for i, statement in enumerate(q.statements, start=1)
        for code, label in words.items()
    }


def _average(numbers: Counter, answered: int) -> Figure:
    """The average of the numbers typed, shown only when 5 or more people typed one."""
    total = sum(whole_number(c) * n for c, n in numbers.items() if whole_number(c) is not None)
    return Figure.of(total / answered if answered else None, answered)


def _codes(code: str, shape: str) -> list[str]:
    if not code or code == "null":
        return []
    if shape in (kinds.ANY, kinds.TELL):
        return [str(c) for c in json.loads(code) or []]
    if shape == kinds.STATEMENTS:
        return [f"{i}:{c}" for i, c in enumerate(json.loads(code) or [], start=1) if c]
    return [code]


def build_results(session: Session, scope: Scope, chosen: list[Survey]) -> Results:
    """Gather every question's figures for these surveys, this period and the one before."""
    targets: dict[int, Question] = {}
    ids: list[int] = []
    for survey in chosen:
        members, target = family(session, survey)
        ids.extend(m.id for m in members)
        targets.update(target)
    scope = Scope(scope.period, tuple(ids), scope.audiences, scope.team)
    queries.count_days(session, scope)
    grouped: dict[int, list[tuple]] = {}
    for now, qid, code, skipped, n in queries.answer_counts(session, scope):
        question = targets.get(qid)
        if question is not None:
            grouped.setdefault(question.id, []).append((now, code, skipped, n))
    now, before = queries.response_counts(session, scope)
    conditions = {k: v for s in chosen for k, v in describe(s.questions).items()}
    return Results(
        scope=scope,
        previous_period=scope.period.previous(),
        responses=Figure.count(now),
        previous_responses=Figure.count(before),
        surveys=tuple(
            SurveyResult(
                s.id,
                s.title,
                s.audience,
                tuple(
                    _question(q, n, grouped.get(q.id, []), q.options, conditions.get(q.id))
                    for n, q in enumerate(s.questions, start=1)
                ),
            )
            for s in chosen
        ),
    )


__all__ = ["SMALL", "Results", "Scope", "build_results", "share"]
