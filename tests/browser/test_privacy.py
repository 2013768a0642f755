"""Privacy notices, the accessibility statement, and a rights request from search to
erasure, in a real browser with axe checks."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback.audiences.shipped import SHIPPED_KEYS as AUDIENCES
from feedback.extensions import db
from feedback.surveys import services
from feedback.surveys.models import Response, Survey
from tests.browser.axe import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def staff_member(live_app, role: str) -> str:
    """A fresh staff account of its own, so nothing here disturbs other browser tests."""
    from feedback.staff.models import User

    email = f"{role}-{secrets.token_hex(4)}@example.org"
    with live_app.app_context():
        user = User(email=email, name=f"Test {role.title()}", role=role, team="Torbay North")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
    return email


def sign_in(page, live_server, email: str) -> None:
    page.goto(live_server + "/staff/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/")


def test_privacy_notices_and_accessibility_statement_are_accessible(page, live_server):
    page.goto(live_server + "/")
    page.get_by_role("link", name="How we look after what you tell us").click()
    assert_accessible(page, "privacy notices")
    for audience in AUDIENCES:
        page.goto(f"{live_server}/privacy/{audience}")
        assert page.locator("h1").is_visible()
        assert_accessible(page, f"privacy notice {audience}")
    page.get_by_role("link", name="Accessibility").click()
    assert page.locator("h1").inner_text() == "Accessibility statement"
    assert_accessible(page, "accessibility statement")


def _named_response(live_app, name: str) -> int:
    with live_app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.audience == "13-18"))
        survey.named_responses = True
        was = survey.status
        survey.status = "open"
        response = services.start_response(db.session, survey)
        for question in survey.questions:
            if question.kind == "text":
                services.record_answer(db.session, response, question, value="Please phone first")
        services.submit_response(db.session, response, name)
        survey.status = was
        db.session.commit()
        return response.id


def test_a_rights_request_from_search_to_erasure(page, live_app, live_server, tmp_path):
    response_id = _named_response(live_app, "Casey Browser-Test")
    sign_in(page, live_server, staff_member(live_app, "lead"))
    page.goto(live_server + "/staff/privacy")
    assert_accessible(page, "record of processing")
    page.get_by_role("link", name="find what we hold about a person").click()
    page.get_by_label("Name given on their responses").fill("casey browser-test")
    page.get_by_role("button", name="Find").click()
    assert page.get_by_text("Please phone first").first.is_visible()
    assert_accessible(page, "what we hold")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download as JSON").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["responses"][0]["name_given"] == "Casey Browser-Test"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as PDF").click()
    assert Path(download.value.path()).read_bytes()[:4] == b"%PDF"

    page.get_by_label("Correct name").fill("Casey Browser Test")
    page.get_by_role("button", name="Correct the name on every record").click()
    assert page.get_by_text("corrected on 1 record(s)").is_visible()

    page.get_by_role("button", name="Erase these records").click()
    assert page.get_by_text("Tick the box").first.is_visible()
    page.get_by_label("I have checked that the law allows us to erase these records").check()
    page.get_by_role("button", name="Erase these records").click()
    assert page.get_by_text("Erased: 1 responses").is_visible()
    assert_accessible(page, "after erasure")
    with live_app.app_context():
        assert db.session.get(Response, response_id) is None


def test_an_administrator_reads_the_audit_log(page, live_app, live_server):
    sign_in(page, live_server, staff_member(live_app, "admin"))
    assert_accessible(page, "staff home with privacy links")
    page.get_by_role("link", name="Audit log").click()
    assert page.get_by_role("cell", name="signed in").first.is_visible()
    page.get_by_label("What was done").select_option("login")
    page.get_by_role("button", name="Show").click()
    assert "action=login" in page.url
    assert_accessible(page, "audit log")


def test_pages_make_no_requests_to_any_other_site(page, live_app, live_server):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(live_server + "/")
    for link in ("/privacy/4-7", "/privacy/parent", "/accessibility", "/tablet"):
        page.goto(live_server + link)
    sign_in(page, live_server, staff_member(live_app, "admin"))
    for link in ("/staff/privacy", "/staff/privacy/people", "/staff/audit", "/staff/account"):
        page.goto(live_server + link)
    elsewhere = [u for u in requested if not u.startswith((live_server, "data:"))]
    assert requested and not elsewhere, elsewhere
