"""CSV of every answer with both its words and its code, streamed in constant memory and
safe to open in a spreadsheet (no cell starts like a formula: `reports.export.safe_cell`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlalchemy.orm import Session

from feedback.analysis.language import language_name
from feedback.reports.export import _listed, safe_cell
from feedback.results.queries import Scope
from feedback.results.rows import Labeller, answer_rows, asked, branched, when
from feedback.surveys.models import Survey

HEADER = (
    "response",
    "submitted_at",
    "survey",
    "audience",
    "team",
    "principle",
    "question_number",
    "question",
    "answer",
    "answer_code",
    "score",
    "skipped",
    "sentiment",
    "themes",
    "flagged",
    "asked",  # "no": their answers did not lead to this question (not a skip)
    "written_in",  # the language of a written answer the analysis found is not English
)


def csv_lines(session: Session, scope: Scope, chosen: list[Survey], sees_names=False):
    """The CSV in chunks: a header, then one row per answer. The questions are read now,
    while the request's session holds the surveys: the rows stream after it has closed."""
    return _chunks(session, scope, asked(session, chosen), Labeller(sees_names))


def _chunks(session: Session, scope: Scope, questions: dict, label: Labeller):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    fixed: dict[int, tuple] = {}  # safe words for each question, worked out once
    conditional = branched(questions)
    last, sent, team = None, "", ""
    survey_id, audience_of, seen = 0, "", set()
    for batch in answer_rows(session, scope, questions):
        for (
            rid,
            at,
            audience,
            who,
            qid,
            value,
            choices,
            score,
            skipped,
            feel,
            themes,
            flag,
            written_in,
        ) in batch:
            a = questions.get(qid)
            if a is None:
                continue
            if rid != last:
                _not_asked(writer, last, sent, audience_of, team, conditional.get(survey_id), seen)
                last, sent, team = rid, when(at), safe_cell(who or "")
                survey_id, audience_of, seen = a.survey_id, audience, set()
            seen.add(a.question_id)
            words = fixed.get(a.question_id)
            if words is None:
                words = fixed[a.question_id] = (
                    safe_cell(a.survey.title),
                    a.question.principle,
                    a.number,
                    safe_cell(a.question.text),
                )
            shown, code = label(a, value, choices, flag)
            writer.writerow(
                (
                    rid,
                    sent,
                    words[0],
                    audience,
                    team,
                    words[1],
                    words[2],
                    words[3],
                    shown,
                    code,
                    "" if score is None else score,
                    "yes" if skipped else "no",
                    feel or "",
                    safe_cell("; ".join(_listed(themes))) if themes is not None else "",
                    "yes" if flag else "no",
                    "yes",
                    language_name(written_in),
                )
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    _not_asked(writer, last, sent, audience_of, team, conditional.get(survey_id), seen)
    yield buffer.getvalue()


def _not_asked(writer, rid, sent, audience, team, conditional, seen: set[int]) -> None:
    """A row, "asked" no, for each branching question this response was not asked."""
    for a in conditional or ():
        if rid is not None and a.question_id not in seen:
            q = a.question
            words = (safe_cell(a.survey.title), audience, team, q.principle, a.number)
            writer.writerow(
                (rid, sent, *words, safe_cell(q.text), *[""] * 3, "no", "", "", "no", "no", "")
            )


def lines(rows: Iterator[str]) -> Iterator[bytes]:
    """Encode for the response, with a byte-order mark so Excel reads it as UTF-8."""
    yield "\ufeff".encode()
    for chunk in rows:
        if chunk:
            yield chunk.encode()
