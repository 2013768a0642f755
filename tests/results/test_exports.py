"""CSV and Excel exports: words and codes, the same small-number rule as the screens,
nothing a spreadsheet would run, and every figure on the results page recounted."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter, defaultdict

import openpyxl

from feedback.results.workbook import sheet_name
from tests.results.factories import LAST_30, answered, many, written_question

FORMULA = '=HYPERLINK("http://example.com","click")'


def _rows(client, query: str) -> list[dict]:
    response = client.get(f"/staff/results/answers.csv?{query}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def _fill(session):
    survey, _ = many(session, 7, {"feel_safe": "1", "meetings_better": ["choose_who"]})
    many(session, 3, {"feel_safe": "5", "keeps_promises": "skip"})
    many(session, 12, {"feel_safe": "4", "meetings_better": ["choose_who", "fewer_people"],
                       "keeps_promises": "yes"})  # fmt: skip
    answered(session, survey, {"helped_most": FORMULA, "feel_safe": "2"}, team="=North")
    session.commit()
    return survey


def test_csv_has_words_and_codes_and_no_formulas(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    rows = _rows(client, f"{LAST_30}&survey={survey.id}")
    safe = [r for r in rows if r["question"] == "How safe do you feel where you live?"]
    assert {(r["answer"], r["answer_code"]) for r in safe} >= {("Really bad", "1"), ("Good", "4")}
    picked = [r for r in rows if r["question_number"] == "7" and r["answer_code"]]
    assert ("Choosing who comes; Fewer people there", "choose_who; fewer_people") in {
        (r["answer"], r["answer_code"]) for r in picked
    }
    written = next(r for r in rows if r["question"] == "What has helped you most?")
    assert written["answer"].startswith("'=") and written["team"] == "'=North"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_every_figure_on_the_results_page_equals_a_recount_from_the_export(
    client, login_as, session
):
    survey = _fill(session)
    login_as("lead")
    query = f"{LAST_30}&survey={survey.id}"
    rows = _rows(client, query)
    page = html.unescape(client.get(f"/staff/results/?{query}").text)
    counts: dict[str, Counter] = defaultdict(Counter)
    answered_by: Counter = Counter()
    for r in rows:
        if r["skipped"] == "yes" or not r["answer"]:
            continue
        answered_by[r["question"]] += 1
        for label in r["answer"].split("; "):
            counts[r["question"]][label] += 1
    responses = len({r["response"] for r in rows})
    assert f'<span class="tile-number">{responses}</span> responses sent' in page
    checked = 0
    for question in survey.questions:
        if question.kind == "text":
            continue
        start = page.index(f'<caption>Answers to "{question.text}"')
        body = page[start : page.index("</table>", start)]
        cells = re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>', body)
        for label, people, percent in cells:
            n, whole = counts[question.text][label], answered_by[question.text]
            if n < 5:
                assert (people, percent) == ("fewer than 5", "fewer than 5")
            else:
                assert people == str(n) and percent == f"{round(100 * n / whole)}%"
            checked += 1
    assert checked > 20


def test_excel_has_summary_questions_and_a_sheet_per_survey(client, login_as, session):
    survey = _fill(session)
    many(session, 5, {"worker_kind": "5"}, audience="8-12")
    session.commit()
    login_as("lead")
    response = client.get(f"/staff/results/answers.xlsx?{LAST_30}")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    assert book.sheetnames[:2] == ["Summary", "Questions"] and len(book.sheetnames) == 6
    summary = [r for r in book["Summary"].iter_rows(values_only=True) if r and r[0]]
    safe = [
        r
        for r in summary
        if r[1] == "How safe do you feel where you live?" and r[0] == survey.title
    ]
    assert ("Really good", "fewer than 5", "fewer than 5") in {r[2:5] for r in safe}
    assert ("Good", "12", "52%") in {r[2:5] for r in safe}
    questions = list(book["Questions"].iter_rows(values_only=True))
    assert any(r[6] == "choose_who" and r[7] == "Choosing who comes" for r in questions)
    sheet = book[sheet_name(survey.title, {"summary", "questions"})]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 23 and "How safe do you feel where you live?" in rows[0]
    cells = [c for r in rows for c in r if isinstance(c, str)]
    assert "'" + FORMULA in cells and "Really bad" in cells and "'=North" in cells


def test_sheet_names_are_short_unique_and_allowed():
    taken = {"summary"}
    assert sheet_name("Summary", taken) == "Summary (2)"
    name = sheet_name("A very long survey title that goes on and on", taken)
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_written_answer_is_redacted_in_the_export(client, login_as, session):
    survey, _ = many(session, 1, {"helped_most": "Call me on 07700 900123 please"})
    session.commit()
    login_as("lead")
    rows = _rows(client, f"{LAST_30}&survey={survey.id}")
    text = written_question(survey).text
    written = next(r for r in rows if r["question"] == text and r["answer"])
    assert "07700" not in written["answer"] and "[phone number]" in written["answer"]
