"""Every answer in scope, streamed from one query in batches, and the words each answer is
shown with: for the CSV and the Excel workbook. Memory stays flat: rows are read `BATCH`
at a time and nothing is kept per response."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.alerts.withheld import withheld
from feedback.reports.export import _listed, _raw, _when, safe_cell
from feedback.results import kinds, queries
from feedback.results.access import shown_text
from feedback.results.data import family
from feedback.results.queries import Scope
from feedback.surveys.models import Answer, Question, Response, Survey

BATCH = 5000
REMEMBERED = 20000  # distinct answers whose words are kept, so repeats cost nothing

__all__ = ["Asked", "Labeller", "answer_rows", "asked", "branched", "when"]
when = _when


@dataclass(frozen=True)
class Asked:
    """A question as results show it: the current wording, in the original survey."""

    survey: Survey  # the original (not a translation)
    number: int
    question: Question
    labels: dict[str, str]
    shape: str
    survey_id: int  # plain copies: read for every answer, cheaper than ORM attributes
    question_id: int


def asked(session: Session, chosen: list[Survey]) -> dict[int, Asked]:
    """{question id (any version, any translation): how results show it}."""
    out: dict[int, Asked] = {}
    for survey in chosen or queries.surveys(session):
        numbers = {q.id: n for n, q in enumerate(survey.questions, start=1)}
        for qid, q in family(session, survey)[1].items():
            labels, shape = kinds.labels(q.options), kinds.shape(q.kind)
            out[qid] = Asked(survey, numbers[q.id], q, labels, shape, survey.id, q.id)
    return out


def branched(questions: dict[int, Asked]) -> dict[int, list[Asked]]:
    """{survey id: its questions asked only after certain answers}. A sent response with
    no answer to one of these was not asked it (answers not asked for are not kept)."""
    out: dict[int, dict[int, Asked]] = {}
    for a in questions.values():
        if a.question.show_when:
            out.setdefault(a.survey_id, {})[a.question_id] = a
    return {sid: sorted(found.values(), key=lambda a: a.number) for sid, found in out.items()}


class Labeller:
    """The words and code of an answer, safe for a spreadsheet, worked out once each."""

    def __init__(self, sees_names: bool = False) -> None:
        self.sees_names = sees_names
        self.known: dict[tuple, tuple[str, str]] = {}

    def __call__(self, a: Asked, value, choices, flagged: bool) -> tuple[str, str]:
        # PostgreSQL's driver hands JSON back as a list; SQLite as text.
        picks = tuple(choices) if isinstance(choices, list) else choices
        key = (a.question_id, value, picks, flagged)
        found = self.known.get(key)
        if found is not None:
            return found
        if a.shape in (kinds.ANY, kinds.TELL):
            picked = [str(c) for c in _listed(choices)]
            code, label = "; ".join(picked), "; ".join(a.labels.get(c, c) for c in picked)
            if a.shape == kinds.TELL and value:  # the words typed for "Other - tell us"
                label = f"{label}: {shown_text(value, flagged, self.sees_names)}"
        elif a.shape == kinds.STATEMENTS:
            picked = [str(c or "") for c in _listed(choices)]
            statements = a.question.statements
            code = "; ".join(picked)
            label = "; ".join(
                f"{statements[i] if i < len(statements) else i + 1}: {a.labels.get(c, c)}"
                for i, c in enumerate(picked)
                if c
            )
        elif a.shape == kinds.WRITTEN:
            code, label = "", shown_text(value, flagged, self.sees_names)
        else:
            code = value or ""
            label = a.labels.get(code, code)
        found = (safe_cell(label), safe_cell(code))
        if len(self.known) < REMEMBERED:
            self.known[key] = found
        return found


def answer_rows(session: Session, scope: Scope, questions: dict[int, Asked]):
    """Yield batches of rows (response id, sent, audience, team, question id, value,
    choices, score, skipped, sentiment, themes, flagged, comment language), one survey after
    another.
    "flagged" is the one safeguarding rule (`feedback.alerts.withheld`): flagged and not
    closed as no concern."""
    stmt = (
        select(
            Response.id,
            _raw(Response.submitted_at),
            Response.audience,
            Response.team,
            Answer.question_id,
            Answer.value,
            _raw(Answer.choices),
            Answer.score,
            Answer.skipped,
            Answer.sentiment,
            _raw(Answer.themes),
            withheld().label("flagged"),
            Answer.comment_language,
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .order_by(Response.survey_id, Response.submitted_at, Response.id, Answer.question_id)
    )
    if not scope.surveys:
        scope = Scope(scope.period, tuple({a.survey.id for a in questions.values()}), (), None)
    # Per statement, not on the connection: a connection's options would stay with it
    # and turn every later statement (a SAVEPOINT too) into a server-side cursor.
    stmt = queries.scoped(stmt, scope, scope.period)
    # Plain rows through the session's connection: the ORM's row handling cost a
    # quarter of the time for a million answers, and these rows are not ORM objects.
    result = session.connection().execute(stmt.execution_options(yield_per=BATCH))
    yield from result.partitions()
