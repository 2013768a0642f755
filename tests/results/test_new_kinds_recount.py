"""Every figure the results page shows for the newer kinds (a not-scored answer, "Other -
tell us", a number, statements sharing one scale) equals a recount from the CSV export,
with answers that differ from person to person so a wrong count cannot pass."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter, defaultdict
from statistics import mean

from feedback.surveys import services
from feedback.surveys.loader import build_survey
from tests.results.factories import LAST_30, NOW
from tests.surveys.test_new_kinds import NEW_KINDS

# One answer list per question text, cycled over the people: counts of 5 and more and
# of fewer than 5 both appear.
ANSWERS = {
    "Do you trust your social worker?": [{"value": v} for v in "yes yes dont-know no".split()],
    "How good is your bedroom?": [{"value": v} for v in ("7", "10", "7", "3", "0")],
    "How much do you see friends?": [{"value": v} for v in ("lots", "pnts", "bit")],
    "Who do you live with?": [
        {"choices": ["mum"]},
        {"choices": ["other"], "value": "My nan"},
        {"choices": ["carer"]},
    ],
    "What do you like doing?": [
        {"choices": ["sport", "games"]},
        {"choices": ["games", "other"], "value": "Drawing"},
        {"skipped": True},
    ],
    "How old are you?": [{"value": v} for v in ("8", "9", "11", "10")],
    "How true are these?": [
        {"choices": ["yes", "sometimes"]},
        {"choices": ["dont-know", ""]},
        {"choices": ["yes", "no"]},
    ],
}
PEOPLE = 23


def _fill(session):
    survey = build_survey(NEW_KINDS)
    session.add(survey)
    session.flush()
    for person in range(PEOPLE):
        response = services.start_response(session, survey)
        for question in survey.questions:
            given = ANSWERS[question.text]
            services.record_answer(session, response, question, **given[person % len(given)])
        services.submit_response(session, response)
        response.submitted_at = NOW
    session.commit()
    return survey


def _csv(client, query):
    got = client.get(f"/staff/results/answers.csv?{query}")
    assert got.status_code == 200
    return list(csv.DictReader(io.StringIO(got.get_data(as_text=True).lstrip("\ufeff"))))


def _shown(n: int, whole: int) -> tuple[str, str]:
    if n < 5:
        return ("fewer than 5", "fewer than 5")
    return (str(n), f"{round(100 * n / whole)}%")


def test_results_of_the_new_kinds_equal_a_recount_from_the_csv(client, login_as, session):
    survey = _fill(session)
    login_as("lead")
    query = f"{LAST_30}&survey={survey.id}"
    rows = _csv(client, query)
    page = html.unescape(client.get(f"/staff/results/?{query}").text)
    counts: dict[str, Counter] = defaultdict(Counter)
    answered: Counter = Counter()
    per_statement: dict[str, Counter] = defaultdict(Counter)
    numbers: list[int] = []
    for r in rows:
        if r["skipped"] == "yes" or not r["answer"]:
            continue
        question, answer = r["question"], r["answer"]
        answered[question] += 1
        for part in answer.split("; "):
            if question == "How true are these?":
                statement, _, label = part.partition(": ")
                per_statement[statement][label] += 1
                counts[question][part] += 1
            elif question == "How old are you?":
                numbers.append(int(part))
            else:
                counts[question][part.split(": ")[0] if "Other" in part else part] += 1
    assert answered["How old are you?"] == PEOPLE
    checked = 0
    for question in survey.questions:
        start = page.index(f'<caption>Answers to "{question.text}"')
        body = page[start : page.index("</table>", start)]
        cells = re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>', body)
        assert cells, question.text
        for label, people, percent in cells:
            n = counts[question.text][label]
            if question.text == "How true are these?":
                statement = label.split(": ")[0]
                whole = sum(per_statement[statement].values())
            elif question.text == "How old are you?":
                n, whole = numbers.count(int(label)), len(numbers)
            else:
                whole = answered[question.text]
            assert (people, percent) == _shown(n, whole), (question.text, label)
            checked += 1
    assert checked > 25
    assert f"The average number typed: {round(mean(numbers))}" in page
