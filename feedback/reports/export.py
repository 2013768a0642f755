"""CSV export of the responses in a period: one query, streamed, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC

from sqlalchemy import select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from feedback.alerts.withheld import withheld
from feedback.reports.queries import Filters, in_scope
from feedback.reports.redact import redact
from feedback.surveys.kinds import is_words
from feedback.surveys.models import Answer, Question, Response, Survey

HEADER = (
    "response",
    "submitted_at",
    "survey",
    "audience",
    "principle",
    "question_key",
    "question",
    "answer",
    "score",
    "skipped",
    "sentiment",
    "themes",
    "flagged",
    "ok_to_quote",
)
WITHHELD = "[withheld: flagged by the safeguarding screen]"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 2000


def safe_cell(value: object) -> object:
    """Stop a spreadsheet running a cell as a formula: prefix risky text with a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _raw(column):
    """Hand back the driver's value untouched: converting 100,000 rows is the slow part."""
    return type_coerce(column, NullType()).label(column.key)


def _when(value) -> str:
    if isinstance(value, str):  # SQLite keeps "YYYY-MM-DD HH:MM:SS.ffffff" in UTC
        return value[:10] + "T" + value[11:19] + "+00:00"
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _listed(value) -> list:
    if value is None or value == "null":
        return []
    return (json.loads(value) if isinstance(value, str) else value) or []  # JSON null too


def csv_lines(session: Session, filters: Filters) -> Iterator[str]:
    """Yield the CSV in chunks: a header, then one row per answer, oldest response first."""
    stmt = (
        select(
            Response.id,
            _raw(Response.submitted_at),
            Survey.title,
            Response.audience,
            Question.id,
            Question.principle,
            Question.bank_key,
            Question.text,
            Question.kind,
            Answer.value,
            _raw(Answer.choices),
            Answer.score,
            Answer.skipped,
            Answer.sentiment,
            _raw(Answer.themes),
            Answer.flagged,
            withheld().label("withheld"),
            Answer.ok_to_quote,
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Survey, Response.survey_id == Survey.id)
        .join(Question, Answer.question_id == Question.id)
        .order_by(Response.submitted_at, Response.id, Question.position)
    )
    result = (
        session.connection().execution_options(yield_per=BATCH).execute(in_scope(stmt, filters))
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    questions: dict[int, tuple] = {}  # safe words for each question, worked out once
    comments: dict[str, str] = {}  # the same words are often written many times
    last_response, when = None, ""
    for rows in result.partitions():
        for (
            rid,
            at,
            survey,
            audience,
            qid,
            principle,
            key,
            question,
            kind,
            value,
            choices,
            score,
            skipped,
            sentiment,
            themes,
            flagged,
            held,
            quote,
        ) in rows:
            if rid != last_response:
                last_response, when = rid, _when(at)
            fixed = questions.get(qid)
            if fixed is None:
                fixed = questions[qid] = (
                    safe_cell(survey),
                    principle,
                    safe_cell(key),
                    safe_cell(question),
                )
            picked = _listed(choices) if choices is not None else None
            if value is None:
                shown = ""
            elif not is_words(kind):
                shown = safe_cell(value)
            elif held:
                shown = WITHHELD
            else:
                shown = comments.get(value)
                if shown is None:
                    shown = comments[value] = safe_cell(redact(value))
            if picked:  # with "Other - tell us", the words follow what was chosen
                shown = safe_cell(
                    "; ".join(p for p in picked if p) + (f": {shown}" if shown else "")
                )
            writer.writerow(
                (
                    rid,
                    when,
                    fixed[0],
                    audience,
                    fixed[1],
                    fixed[2],
                    fixed[3],
                    shown,
                    "" if score is None else score,
                    "yes" if skipped else "no",
                    sentiment or "",
                    safe_cell("; ".join(_listed(themes))),
                    "yes" if flagged else "no",
                    "yes" if quote else "no",
                )
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
