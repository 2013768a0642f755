"""Results of a survey with branching: a question asked only after certain answers shows
how many were asked it, and the exports tell "not asked" apart from "skipped"."""

from __future__ import annotations

import csv
import html
import io

import openpyxl

from feedback.results.workbook import sheet_name
from feedback.surveys.loader import build_survey
from tests.results.factories import LAST_30, answered

WHY = "Tell us why not"
BRANCHED = {
    "key": "",
    "title": "Your worker",
    "audience": "8-12",
    "status": "open",
    "questions": [
        {
            "bank_key": "listened",
            "kind": "yesno",
            "principle": 3,
            "text": "Do you feel listened to?",
        },
        {
            "bank_key": "why_not",
            "kind": "single",
            "principle": 3,
            "text": WHY,
            "options": [
                {"value": "rushed", "label": "They are in a rush"},
                {"value": "ignored", "label": "They do not ask me"},
            ],
            "show_when": {"question": "listened", "values": ["no"]},
        },
    ],
}


def _fill(session):
    survey = build_survey(BRANCHED)
    session.add(survey)
    session.flush()
    for _ in range(6):
        answered(session, survey, {"listened": "no", "why_not": "rushed"})
    for _ in range(5):
        answered(session, survey, {"listened": "no", "why_not": "skip"})
    for _ in range(9):  # said yes: not asked why (even if an answer was given, then changed)
        answered(session, survey, {"listened": "yes", "why_not": "ignored"})
    session.commit()
    return survey


def test_a_branching_question_shows_how_many_were_asked(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    page = html.unescape(client.get(f"/staff/results/?{LAST_30}&survey={survey.id}").text)
    assert "Asked 11</strong>: only people who answered No to question 1" in page
    start = page.index(f'<caption>Answers to "{WHY}"')
    table = page[start : page.index("</table>", start)]
    # 6 of the 6 asked who answered: never out of all 20 who sent the survey.
    assert '<th scope="row">They are in a rush</th><td>6</td><td>100%</td>' in table
    assert "skipped by 5" in page


def test_exports_tell_not_asked_apart_from_skipped(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    reply = client.get(f"/staff/results/answers.csv?{LAST_30}&survey={survey.id}")
    rows = list(csv.DictReader(io.StringIO(reply.get_data(as_text=True).lstrip("\ufeff"))))
    why = [r for r in rows if r["question"] == WHY]
    assert len(why) == 20
    assert sum(r["asked"] == "no" for r in why) == 9
    assert sum(r["asked"] == "yes" and r["skipped"] == "yes" for r in why) == 5
    assert all(r["skipped"] == "no" and not r["answer"] for r in why if r["asked"] == "no")
    assert {r["asked"] for r in rows if r["question"] != WHY} == {"yes"}
    book = client.get(f"/staff/results/answers.xlsx?{LAST_30}&survey={survey.id}")
    sheets = openpyxl.load_workbook(io.BytesIO(book.data), read_only=True)
    sheet = sheets[sheet_name(survey.title, {"summary", "questions"})]
    cells = [r[4] for r in list(sheet.iter_rows(values_only=True))[1:]]
    assert cells.count("(not asked)") == 9 and cells.count("(skipped)") == 5
    assert cells.count("They are in a rush") == 6
    summary = [r for r in sheets["Summary"].iter_rows(values_only=True) if r and r[1] == WHY]
    assert {r[7] for r in summary} == {"11"}


def test_the_board_pdf_says_how_many_were_asked_a_branching_question(session, tmp_path):
    import subprocess
    from datetime import date, timedelta

    from feedback.reports.period import Period
    from feedback.reports.services import report_pdf
    from feedback.reports.words import Service

    survey = _fill(session)
    today = date.today()
    pdf = report_pdf(
        session,
        "board",
        Period(today - timedelta(days=29), today),
        [survey.id],
        [],
        Service("Test council", ""),
        today,
        True,
    )
    path = tmp_path / "board.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert "Asked 11: only people who answered No to question 1" in words
    assert words.count("Asked ") == 1  # the question everyone was asked says nothing
