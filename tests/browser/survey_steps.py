"""Steps a person takes through a survey in the browser, shared by the survey tests."""

from __future__ import annotations

import re

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Response
from tests.browser.axe import assert_accessible

WORDS = "My worker is kind and comes when she says she will."
PROGRESS = re.compile(r"Question (\d+) of (\d+)")


def kind_of(page) -> str:
    classes = page.locator("fieldset.question").get_attribute("class") or ""
    return next(c.removeprefix("kind-") for c in classes.split() if c.startswith("kind-"))


def answer_screen(page) -> object:
    """Answer the question on screen as a person would (tap a tile, type); returns what
    should be stored: a value, a list of choices, or the text."""
    kind = kind_of(page)
    if kind == "text":
        page.locator("textarea").fill(WORDS)
        return WORDS
    tiles = page.locator(".choice label")
    if kind == "multi":
        tiles.nth(0).click()
        tiles.nth(2).click()
        return [page.locator(".choice input").nth(i).get_attribute("value") for i in (0, 2)]
    pick = min(1, tiles.count() - 1)
    tiles.nth(pick).click()
    return page.locator(".choice input").nth(pick).get_attribute("value")


def take_survey(page, start_url: str, *, check=True, skip: int = 2) -> tuple[str, dict]:
    """From a survey's start screen to the thank-you screen. Answers every question but
    `skip` (pressed Skip). Runs axe on the start screen, the first screen of each kind
    of question, the last screen and the thank-you screen when `check` is set.
    Returns the submission id and what should be stored by position."""
    page.goto(start_url)
    if check:
        assert_accessible(page, "survey start")
    page.locator("form.start-form button").click()
    expected: dict[int, object] = {}
    seen_kinds: set[str] = set()
    submission_id = page.locator("input[name=submission_id]").input_value()
    while page.locator("fieldset.question").count():
        n, total = map(int, PROGRESS.search(page.locator(".progress-text").inner_text()).groups())
        kind = kind_of(page)
        if check and kind not in seen_kinds:
            assert_accessible(page, f"question {n} ({kind})")
            seen_kinds.add(kind)
        if n == skip:
            with page.expect_navigation():
                page.get_by_role("button", name=re.compile("Skip|rather not say")).click()
            expected[n] = None
            continue
        expected[n] = answer_screen(page)
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Next")).click()
    assert len(expected) == total
    if check:
        assert_accessible(page, "last screen")
    page.get_by_role("button", name=re.compile("^Send")).click()
    assert page.locator("a[href='tel:08001111']").is_visible()
    if check:
        assert_accessible(page, "thank-you")
    return submission_id, expected


def assert_stored(live_app, submission_id: str, expected: dict) -> None:
    """The response is in the database, sent, with exactly these answers."""
    with live_app.app_context():
        response = db.session.scalar(
            select(Response).where(Response.submission_id == submission_id)
        )
        assert response is not None and response.status == "submitted"
        got = {a.question.position: a for a in response.answers}
        assert set(got) == set(expected)
        for position, want in expected.items():
            answer = got[position]
            if want is None:
                assert answer.skipped, position
            elif isinstance(want, list):
                assert answer.choices == want, position
            else:
                assert answer.value == want and not answer.skipped, position
