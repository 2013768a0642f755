"""CSV export of the responses in a period: one query, streamed, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.reports.queries import Filters, in_scope
from feedback.reports.redact import redact
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


def _answer(kind: str, value: str | None, choices: list | None, flagged: bool, cache: dict) -> str:
    if choices:
        return "; ".join(choices)
    if value is None:
        return ""
    if kind != "text":
        return value
    if flagged:
        return WITHHELD
    if value not in cache:  # the same words are often written many times
        cache[value] = redact(value)
    return cache[value]


def csv_lines(session: Session, filters: Filters) -> Iterator[str]:
    """Yield the CSV in chunks: a header, then one row per answer, oldest response first."""
    stmt = (
        select(
            Response.id,
            Response.submitted_at,
            Survey.title,
            Response.audience,
            Question.principle,
            Question.bank_key,
            Question.text,
            Question.kind,
            Answer.value,
            Answer.choices,
            Answer.score,
            Answer.skipped,
            Answer.sentiment,
            Answer.themes,
            Answer.flagged,
            Answer.ok_to_quote,
        )
        .select_from(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Survey, Response.survey_id == Survey.id)
        .join(Question, Answer.question_id == Question.id)
        .order_by(Response.submitted_at, Response.id, Question.position)
        .execution_options(yield_per=BATCH)
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    cache: dict[str, str] = {}
    for rows in session.execute(in_scope(stmt, filters)).partitions():
        for (
            rid,
            at,
            survey,
            audience,
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
            quote,
        ) in rows:
            writer.writerow(
                (
                    rid,
                    at.isoformat(timespec="seconds"),
                    safe_cell(survey),
                    audience,
                    principle,
                    safe_cell(key),
                    safe_cell(question),
                    safe_cell(_answer(kind, value, choices, flagged, cache)),
                    "" if score is None else score,
                    "yes" if skipped else "no",
                    sentiment or "",
                    safe_cell("; ".join(themes or ())),
                    "yes" if flagged else "no",
                    "yes" if quote else "no",
                )
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
