"""The Excel workbook: a summary sheet (the results page's figures, small numbers hidden
the same way), a sheet of questions and their answer options, and a sheet per survey with
one row per response. Written with XlsxWriter in constant-memory mode, so 100,000
responses take a few megabytes; strings are never turned into formulas or links, and any
cell starting like a formula is neutralised as in the CSV (`reports.export.safe_cell`)."""

from __future__ import annotations

import re
from pathlib import Path

import xlsxwriter
from sqlalchemy.orm import Session

from feedback.analysis.language import language_name
from feedback.reports.export import safe_cell
from feedback.reports.words import audience_name, shown
from feedback.results import kinds
from feedback.results.data import Results
from feedback.results.rows import Labeller, answer_rows, asked, branched, when
from feedback.surveys.models import Survey

OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\']", " ", title).strip()[:28] or "Survey"
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:25]} ({n})", n + 1
    taken.add(name.lower())
    return name


def _write(sheet, row: int, values) -> None:
    for col, value in enumerate(values):
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        if isinstance(value, int | float):
            sheet.write_number(row, col, value)
        else:
            sheet.write_string(row, col, safe_cell(str(value)))


def _summary(book, results: Results, bold) -> None:
    sheet = book.add_worksheet("Summary")
    scope = results.scope
    _write(sheet, 0, ("Answers to each question",))
    _write(sheet, 1, (scope.period.label, f"compared with {results.previous_period.label}"))
    _write(sheet, 2, ("Responses", shown(results.responses), "Period before",
                      shown(results.previous_responses)))  # fmt: skip
    _write(sheet, 3, ('Numbers from fewer than 5 people show as "fewer than 5".',))
    head = ("Survey", "Question", "Answer", "People", "Percent", "Percent before", "Answered",
            "Asked (questions asked after certain answers only)")  # fmt: skip
    sheet.write_row(5, 0, head, bold)
    row = 6
    for survey in results.surveys:
        for q in survey.questions:
            if q.shape == kinds.WRITTEN:
                _write(sheet, row, (survey.title, q.text, "(written answers)", shown(q.answered)))
                row += 1
            for o in q.options:
                _write(sheet, row, (survey.title, q.text, o.label, shown(o.count),
                                    shown(o.percent, "%"), shown(o.previous_percent, "%"),
                                    shown(q.answered),
                                    shown(q.asked) if q.asked is not None else ""))  # fmt: skip
                row += 1
    sheet.set_column(0, 2, 40)


def _questions(book, chosen: list[Survey], bold) -> None:
    sheet = book.add_worksheet("Questions")
    sheet.write_row(0, 0, ("Survey", "Audience", "Number", "Question", "Kind", "Principle",
                           "Answer code", "Answer words"), bold)  # fmt: skip
    row = 1
    for survey in chosen:
        for n, q in enumerate(survey.questions, start=1):
            base = (survey.title, audience_name(survey.audience), n, q.text, q.kind, q.principle)
            options = kinds.labels(q.options).items() or [("", "")]
            for code, label in options:
                _write(sheet, row, (*base, code, label))
                row += 1
    sheet.set_column(3, 3, 50)


SKIPPED, NOT_ASKED = "(skipped)", "(not asked)"  # a blank cell: no answer was stored


def _not_asked(target, conditional: dict, seen: set[int]) -> None:
    """Mark the branching questions the response in this row was not asked."""
    if target is None:
        return
    for a in conditional.get(target[3], ()):
        if a.question_id not in seen:
            target[0].write_string(target[2], target[1][a.question_id], NOT_ASKED)


def write_workbook(
    session: Session, path: Path, results: Results, chosen: list[Survey], sees_names=False
) -> None:
    """Write the workbook to `path` (a temporary file the caller sends and removes)."""
    book = xlsxwriter.Workbook(str(path), {**OPTIONS, "tmpdir": str(path.parent)})
    bold = book.add_format({"bold": True})
    _summary(book, results, bold)
    _questions(book, chosen, bold)
    questions = asked(session, chosen)
    label = Labeller(sees_names)
    sheets: dict[int, tuple] = {}
    taken = {"summary", "questions"}
    for survey in chosen:
        sheet = book.add_worksheet(sheet_name(survey.title, taken))
        columns = {q.id: i for i, q in enumerate(survey.questions, start=3)}
        head = ["Response", "Sent", "Team", *(q.text for q in survey.questions)]
        # After the answers, a column for each written question: the language an answer
        # is in when the analysis found it is not English.
        written = [q for q in survey.questions if q.kind in kinds.written_kinds()]
        languages = {q.id: i for i, q in enumerate(written, start=len(head))}
        head += [f"Language, when not English: {q.text}" for q in written]
        sheet.write_row(0, 0, [safe_cell(h) for h in head], bold)
        sheet.set_column(1, 1, 25)
        # the sheet, its columns, rows written, the survey, the language columns
        sheets[survey.id] = [sheet, columns, 0, survey.id, languages]
    conditional = branched(questions)
    last, target, seen = None, None, set()
    for batch in answer_rows(session, results.scope, questions):
        for rid, at, _, team, qid, value, choices, _score, skipped, *_, flag, written_in in batch:
            a = questions.get(qid)
            if a is None:
                continue
            if rid != last:  # a new response starts a new row
                _not_asked(target, conditional, seen)
                last, target, seen = rid, sheets[a.survey_id], set()
                target[2] += 1
                target[3] = a.survey_id
                target[0].write_number(target[2], 0, rid)
                target[0].write_string(target[2], 1, when(at))
                if team:
                    target[0].write_string(target[2], 2, safe_cell(team))
            seen.add(a.question_id)
            shown = SKIPPED if skipped else label(a, value, choices, flag)[0]
            if shown:
                target[0].write_string(target[2], target[1][a.question_id], shown)
            if written_in and a.question_id in target[4]:
                language = language_name(written_in)
                target[0].write_string(target[2], target[4][a.question_id], language)
    _not_asked(target, conditional, seen)
    book.close()
