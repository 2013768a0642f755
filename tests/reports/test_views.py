"""Leads' report screens: downloads, the on-screen editions, actions and quotes."""

import csv
import io

import pytest
from sqlalchemy import select

from feedback.reports.models import Action, WithheldQuote
from feedback.staff.audit import AuditEvent
from feedback.surveys.models import Answer
from tests.reports.factories import respond, survey_for

PERIOD = {"edition": "family", "start": "2026-03-01", "end": "2026-03-31"}
HOSTILE = '<img src=http://127.0.0.1:9/x> <font color="[[[1+1]]]"> I feel <b>sad'


def audits(session, action):
    return session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


@pytest.fixture
def spring(session):
    """Six responses in March 2026, one hostile comment marked OK to quote, one flagged."""
    survey = survey_for(session)
    for n in range(5):
        respond(session, survey, {"worker_kind": "5", "helped_most": f"=1+{n} ok"})
    respond(session, survey, {"worker_kind": "4", "helped_most": HOSTILE}, ok_to_quote=True)
    respond(session, survey, {"helped_most": "something worrying"}, flagged=True)
    session.commit()
    return survey


@pytest.mark.parametrize(
    "path", ["/", "/pdf", "/read", "/responses.csv", "/actions", "/actions/new", "/quotes"]
)
def test_report_screens_are_for_leads_only(client, login_as, path):
    assert client.get("/staff/reports" + path).status_code == 302  # to the sign-in page
    login_as("practitioner")
    assert client.get("/staff/reports" + path).status_code == 403


def test_lead_downloads_a_pdf_and_it_is_audited(client, login_as, session, spring):
    lead = login_as("lead")
    response = client.get("/staff/reports/pdf", query_string=PERIOD)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    assert "family-2026-03-01_2026-03-31.pdf" in response.headers["Content-Disposition"]
    (event,) = audits(session, "report_download")
    assert (event.actor_id, event.target_id) == (lead.id, "family-pdf")


def test_bad_dates_are_explained_not_crashed(client, login_as):
    login_as("lead")
    response = client.get("/staff/reports/pdf", query_string={**PERIOD, "start": "31/03/2026"})
    assert response.status_code == 422
    assert "Enter a date as YYYY-MM-DD" in response.text
    response = client.get("/staff/reports/read", query_string={**PERIOD, "end": "2026-01-01"})
    assert response.status_code == 422 and "on or after the start date" in response.text


@pytest.mark.parametrize("edition", ["family", "board"])
def test_on_screen_edition_escapes_comments(client, login_as, spring, edition):
    login_as("lead")
    response = client.get("/staff/reports/read", query_string={**PERIOD, "edition": edition})
    assert response.status_code == 200
    title = "Getting to know you" if edition == "family" else "Building positive relationships"
    assert title in response.text
    assert "&lt;img src=http://127.0.0.1:9/x&gt;" in response.text
    assert "<img src=http://127.0.0.1:9/x>" not in response.text
    assert "something worrying" not in response.text


def test_csv_has_one_row_per_answer_and_is_safe_in_a_spreadsheet(client, login_as, session, spring):
    login_as("lead")
    response = client.get("/staff/reports/responses.csv", query_string=PERIOD)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 6 * 2 + 1
    comments = [r["answer"] for r in rows if r["question_key"] == "helped_most"]
    assert "'=1+0 ok" in comments  # a formula would not run
    assert "[withheld: flagged by the safeguarding screen]" in comments
    assert "something worrying" not in response.text
    assert audits(session, "report_download")[0].target_id == "responses-csv"


def test_lead_records_an_action_prefilled_from_quotes_with_language_advice(
    client, login_as, session, spring
):
    login_as("lead")
    page = client.get("/staff/reports/actions/new", query_string={"principle": 1})
    assert "I feel &lt;b&gt;sad" in page.text  # pre-filled from the quote, escaped
    response = client.post(
        "/staff/reports/actions/new",
        data={
            "principle": "1",
            "theme": "Keeping promises",
            "you_told_us": "Workers change a lot.",
            "we_did": "We reviewed your placement at the LAC review.",
            "owner": "Team manager",
            "status": "done",
            "audience": "8-12",
            "publish": "board",
        },
    )
    assert response.status_code == 302
    action = session.scalar(select(Action))
    assert (action.status, action.ready_to_publish, action.done_on is not None) == (
        "done",
        True,
        True,
    )
    page = client.get(response.headers["Location"])
    assert "Advice on the words" in page.text and "placement" in page.text
    assert audits(session, "action_created")


def test_action_form_explains_missing_words(client, login_as):
    login_as("lead")
    response = client.post(
        "/staff/reports/actions/new", data={"principle": "2", "status": "planned"}
    )
    assert response.status_code == 422
    assert "Write what we did or will do." in response.text


def test_lead_leaves_a_comment_out_and_can_never_quote_a_flagged_one(
    client, login_as, session, spring
):
    login_as("lead")
    page = client.get("/staff/reports/quotes")
    assert "something worrying" not in page.text
    answer = session.scalar(select(Answer).where(Answer.value == HOSTILE))
    response = client.post(f"/staff/reports/quotes/{answer.id}", data={"withhold": "yes"})
    assert response.status_code == 302
    assert session.get(WithheldQuote, answer.id) is not None
    assert audits(session, "quote_withheld")
    response = client.post(f"/staff/reports/quotes/{answer.id}", data={"withhold": "no"})
    assert response.status_code == 302 and session.get(WithheldQuote, answer.id) is None
    flagged = session.scalar(select(Answer).where(Answer.flagged.is_(True)))
    response = client.post(f"/staff/reports/quotes/{flagged.id}", data={"withhold": "no"})
    assert response.status_code == 409 and "not quoted unless" in response.text


def test_suggest_fills_what_we_heard_keeps_the_rest_and_saves_nothing(
    client, login_as, session, spring
):
    login_as("lead")
    response = client.post(
        "/staff/reports/actions/new",
        data={
            "principle": "1",
            "theme": "",
            "you_told_us": "",
            "we_did": "My draft words",
            "status": "planned",
            "suggest": "yes",
        },
    )
    assert response.status_code == 200
    assert "I feel &lt;b&gt;sad" in response.text and "My draft words" in response.text
    assert session.scalar(select(Action)) is None


@pytest.mark.parametrize("edition", ["family", "board"])
def test_on_screen_edition_shows_small_numbers_as_fewer_than_5(client, login_as, session, edition):
    survey = survey_for(session)
    for _ in range(3):
        respond(session, survey, {"worker_kind": "1"})
    session.commit()
    login_as("lead")
    page = client.get("/staff/reports/read", query_string={**PERIOD, "edition": edition}).text
    assert ("Fewer than 5 people answered" if edition == "family" else "fewer than 5") in page
    assert ">3<" not in page and " 3 " not in page
