"""A worker prepares a Working Together Agreement and the family signs it on one tablet."""

import re
import subprocess
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from feedback.agreements import links, services
from feedback.agreements.models import AgreementTemplate
from feedback.demo import DEMO_PASSWORD
from feedback.extensions import db
from feedback.staff.models import User
from tests.agreements.conftest import ready_fields
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser
TABLET = {"width": 1024, "height": 768}


@pytest.fixture
def tablet(browser):
    """A touch-screen tablet: one page, closed after the test."""
    context = browser.new_context(viewport=TABLET, has_touch=True, accept_downloads=True)
    yield context.new_page()
    context.close()


def sign_in(page, live_server, email="worker@example.org"):
    page.goto(live_server + "/staff/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff/**")


def draw_with_mouse(page, canvas):
    box = canvas.bounding_box()
    x, y = box["x"], box["y"]
    page.mouse.move(x + 30, y + 150)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x + 30 + step * 25, y + 150 - (step % 4) * 25, steps=3)
    page.mouse.up()


def draw_with_finger(page, canvas):
    """A touch stroke, sent as real touch input (the browser turns it into pointer events)."""
    box = canvas.bounding_box()
    x, y = box["x"] + 60, box["y"] + 60
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 10):
        point = {"x": x + step * 20, "y": y + (step % 3) * 15}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def pdf_text(path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout


def test_prepare_go_through_sign_lock_and_download(tablet, browser, live_server, live_app):
    page = tablet
    sign_in(page, live_server)
    page.goto(live_server + "/staff/agreements/")
    assert_accessible(page, "agreements list")
    page.get_by_role("link", name="Prepare a new agreement").click()
    assert_accessible(page, "prepare")
    page.get_by_label("For parents and carers").check()
    page.get_by_label("Family reference").fill("BROWSER-1")
    page.get_by_label("Person 1: first name").fill("Ava")
    page.get_by_label("Person 1: who they are").select_option("child")
    page.get_by_label("Person 2: first name").fill("Lee")
    page.get_by_label("Person 2: who they are").select_option("parent")
    page.get_by_role("button", name="Prepare the agreement").click()

    reference = re.search(r"WTA-[0-9A-Z]{4}-[0-9A-Z]{4}", page.locator("h1").inner_text())[0]
    page.get_by_label("How to reach the worker").fill("07700 900123")
    page.get_by_label("Why we are working with you").fill(
        "Ava's school asked us to help, because Ava has missed a lot of school."
    )
    page.get_by_label("What you would like from us").fill("Lee said: help with mornings.")
    page.get_by_label("Kind of plan (sets how often we visit)").select_option("child_in_need")
    page.get_by_label("Review date").fill((date.today() + timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Saved.").is_visible()
    assert_accessible(page, "edit with advice")

    # Go through it together, screen by screen.
    page.get_by_role("link", name="Go through it with the family").first.click()
    screens = 0
    while True:
        screens += 1
        assert page.get_by_text(re.compile(r"Part \d+ of \d+")).is_visible()
        assert_accessible(page, f"together screen {screens}")
        if page.get_by_role("link", name="Next").count() == 0:
            break
        page.get_by_role("link", name="Next").click()
    assert screens == 9
    page.get_by_role("link", name="Go to signing").click()
    assert_accessible(page, "who signs")

    # The child types their name and picks a face.
    page.get_by_role("link", name="Sign as Ava").click()
    assert page.locator("canvas.signature-pad").is_visible()  # drawing is on with JavaScript
    assert_accessible(page, "child signs")
    page.get_by_label("Type my name").check()
    page.get_by_label("Type your name").fill("Ava")
    page.get_by_role("radio", name="Happy", exact=True).check()
    page.get_by_role("button", name="Sign as Ava").click()

    # The parent draws, with a mouse and then a finger.
    assert page.locator("h1").inner_text().startswith("Lee")
    assert_accessible(page, "parent signs")
    canvas = page.locator("canvas.signature-pad")
    draw_with_mouse(page, canvas)
    draw_with_finger(page, canvas)
    assert page.get_by_label("Draw my signature").is_checked()
    page.get_by_role("button", name="Sign as Lee").click()

    # The worker signs last.
    assert page.locator("h1").inner_text().startswith("Sam Worker")
    assert_accessible(page, "worker signs")
    page.get_by_label("Type your name").fill("Sam Worker")
    page.get_by_role("button", name="Sign as Sam Worker").click()
    assert page.get_by_text("This agreement is now locked").is_visible()
    assert page.get_by_role("img", name="Signature drawn by Lee").is_visible()
    assert_accessible(page, "signed and locked")
    check_code = page.locator(".check-code").inner_text()

    with live_app.app_context():
        agreement = services.find_agreement(db.session, reference)
        version = agreement.current
        assert version.status == "signed" and version.sha256
        assert [s.method for s in version.signatures] == ["typed", "drawn", "typed"]
        assert [s.feeling for s in version.signatures] == ["happy", "", ""]

    # The staff pages need the worker's password again: the family may hold the tablet.
    page.goto(f"{live_server}/staff/agreements/{reference}")
    assert page.locator("h1").inner_text() == "Back to the staff pages"
    assert_accessible(page, "leave the family's screens")
    page.get_by_label("Your password or PIN").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Go to the staff pages").click()
    assert page.locator("h1").inner_text() == f"Agreement {reference}"

    # Download the PDF from the staff pages and read it back.
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF of version 1").click()
    text = pdf_text(download.value.path())
    for words in (
        "Ava",
        "Lee",
        "Sam Worker",
        reference,
        "Who we are",
        "Why we are working with you",
        "How often we will visit",
        "at least once every 4 weeks",
        "Your information",
        "If you are unhappy",
        "Page 1 of",
        check_code,
    ):
        assert words in text, words

    # A link for the family, opened on their own phone with no sign-in.
    page.get_by_role("button", name="Make a link for the family").click()
    assert_accessible(page, "family link")
    url = page.locator(".family-link a").get_attribute("href")
    assert "/copy?t=" in url
    preview = browser.new_context()  # a messaging app fetches the link to show a preview
    assert preview.request.get(url).status == 200
    preview.close()
    with live_app.app_context():
        link = links.links_for(db.session, services.find_agreement(db.session, reference))[0]
        assert link.first_used_at is None  # the preview started nothing
    phone = browser.new_context(accept_downloads=True)
    family = phone.new_page()
    family.goto(url)
    assert_accessible(family, "open my agreement")
    family.get_by_role("button", name="Open my agreement").click()
    assert family.locator("h1").inner_text() == "Your Working Together Agreement"
    assert "t=" not in family.url
    assert_accessible(family, "family copy")
    with family.expect_download() as download:
        family.get_by_role("link", name="Download it as a PDF").click()
    assert reference in pdf_text(download.value.path())

    # Anyone can check a copy against the record.
    family.goto(live_server + "/agreements/check")
    family.get_by_label("Reference code").fill(reference)
    family.get_by_label("Check code (optional)").fill(check_code)
    family.get_by_role("button", name="Check").click()
    assert family.get_by_text("This matches what was signed").is_visible()
    assert_accessible(family, "check result")
    phone.close()


@pytest.fixture
def prepared(live_app):
    """An agreement for worker@example.org, made directly in the live database."""
    with live_app.app_context():
        worker = db.session.scalar(select(User).where(User.email == "worker@example.org"))
        template = db.session.scalar(select(AgreementTemplate))
        agreement = services.create_agreement(
            db.session,
            template=template,
            audience="child",
            family_reference="KEYBOARD-1",
            people=[{"name": "Kai", "role": "child"}],
            worker=worker,
        )
        services.save_fields(db.session, agreement, ready_fields(agreement.current.fields), worker)
        db.session.commit()
        return agreement.reference


def test_signing_by_keyboard_with_no_javascript(browser, live_server, prepared):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server)
    page.goto(f"{live_server}/staff/agreements/{prepared}/signing/1")
    assert not page.get_by_label("Draw my signature").is_visible()  # needs JavaScript
    assert page.get_by_label("Type my name").is_checked()
    page.get_by_label("Type my name").focus()
    page.keyboard.press("Tab")
    page.keyboard.type("Kai")
    page.keyboard.press("Tab")  # to the faces
    page.keyboard.press("ArrowRight")  # picks the second face
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/signing/2")
    with page.expect_navigation():
        page.get_by_label("Type your name").fill("Sam Worker")
        page.get_by_label("Type your name").press("Enter")
    assert page.get_by_text("This agreement is now locked").is_visible()
    context.close()


def test_another_worker_gets_not_found(page, live_server, prepared):
    sign_in(page, live_server, "worker2@example.org")
    response = page.goto(f"{live_server}/staff/agreements/{prepared}")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "We could not find that page"


def _staff(live_app, email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _new_agreement(live_app, email="worker@example.org", ready=True, people=None) -> str:
    with live_app.app_context():
        worker = _staff(live_app, email)
        template = db.session.scalar(select(AgreementTemplate))
        agreement = services.create_agreement(
            db.session,
            template=template,
            audience="adult",
            family_reference="BROWSER-2",
            people=people or [{"name": "Jo", "role": "parent"}],
            worker=worker,
        )
        if ready:
            fields = ready_fields(agreement.current.fields)
            services.save_fields(db.session, agreement, fields, worker)
        db.session.commit()
        return agreement.reference


def _leave(page):
    page.get_by_label("Your password or PIN").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Go to the staff pages").click()


def test_signing_waits_for_the_needed_parts_and_says_which(page, live_server, live_app):
    reference = _new_agreement(live_app, ready=False)
    sign_in(page, live_server)
    page.goto(f"{live_server}/staff/agreements/{reference}")
    assert page.get_by_text("Before the family can sign").is_visible()
    page.goto(f"{live_server}/staff/agreements/{reference}/signing")
    assert page.get_by_role("heading", name="We cannot sign yet").is_visible()
    for part in ("Why we are working with you", "How often we will visit"):
        assert page.get_by_role("listitem").filter(has_text=part).is_visible()
    assert page.get_by_role("link", name="Sign as Jo").count() == 0
    assert_accessible(page, "not ready to sign")
    response = page.goto(f"{live_server}/staff/agreements/{reference}/signing/1")
    assert response.status == 409


def test_leaving_the_family_screens_needs_the_password_or_a_pin(page, live_server, live_app):
    reference = _new_agreement(live_app)
    sign_in(page, live_server)
    page.goto(f"{live_server}/staff/account/pin")
    assert_accessible(page, "set a PIN")
    page.get_by_label("Current password").fill(DEMO_PASSWORD)
    page.get_by_label("New PIN", exact=True).fill("2580")
    page.get_by_label("New PIN again").fill("2580")
    page.get_by_role("button", name="Set the PIN").click()
    assert page.get_by_text("Your PIN is set").is_visible()

    page.goto(f"{live_server}/staff/agreements/{reference}/together/1")
    page.goto(f"{live_server}/staff/agreements/")  # a family member tries the staff pages
    assert page.locator("h1").inner_text() == "Back to the staff pages"
    page.get_by_label("Your password or PIN").fill("0000")
    page.get_by_role("button", name="Go to the staff pages").click()
    assert page.get_by_text("not the password or PIN").first.is_visible()
    assert_accessible(page, "wrong PIN")
    page.get_by_label("Your password or PIN").fill("2580")
    page.get_by_role("button", name="Go to the staff pages").click()
    assert page.locator("h1").inner_text() == f"Agreement {reference}"


def _sign_all(live_app, reference: str) -> None:
    with live_app.app_context():
        agreement = services.find_agreement(db.session, reference)
        for i, person in enumerate(agreement.current.people):
            services.sign(
                db.session, agreement.current, i, method="typed", typed_name=person["name"]
            )
        db.session.commit()


def test_a_tampered_record_is_flagged_through_every_copy(browser, page, live_server, live_app):
    reference = _new_agreement(live_app)
    _sign_all(live_app, reference)
    sign_in(page, live_server)
    page.goto(f"{live_server}/staff/agreements/{reference}")
    page.get_by_role("button", name="Make a link for the family").click()
    url = page.locator(".family-link a").get_attribute("href")
    with live_app.app_context():
        changed = "replace(content, 'mornings', 'nights')"
        if db.engine.dialect.name == "postgresql":  # a json column: change its text
            changed = "CAST(replace(CAST(content AS TEXT), 'mornings', 'nights') AS JSON)"
        db.session.execute(
            text(
                f"UPDATE agreement_versions SET content = {changed} "  # noqa: S608 (fixed text)
                "WHERE agreement_id = (SELECT id FROM agreements WHERE reference = :r)"
            ),
            {"r": reference},
        )
        db.session.commit()
    changed = "This does not match what was signed"

    page.goto(f"{live_server}/staff/agreements/{reference}/v/1")
    assert page.get_by_role("alert").filter(has_text=changed).is_visible()
    assert_accessible(page, "changed version page")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert changed in " ".join(pdf_text(download.value.path()).split())

    phone = browser.new_context(accept_downloads=True)
    family = phone.new_page()
    family.goto(url)
    family.get_by_role("button", name="Open my agreement").click()
    assert family.get_by_role("alert").filter(has_text=changed).is_visible()
    assert_accessible(family, "changed family copy")
    with family.expect_download() as download:
        family.get_by_role("link", name="Download it as a PDF").click()
    assert changed in " ".join(pdf_text(download.value.path()).split())
    family.goto(f"{live_server}/agreements/check?reference={reference}")
    assert family.get_by_role("heading", name=changed).is_visible()
    phone.close()


def test_a_team_manager_sees_the_team_and_hands_an_agreement_over(page, live_server, live_app):
    with live_app.app_context():
        worker = _staff(live_app, "worker@example.org")
        for email, name, role in (
            ("manager@example.org", "Pat Manager", "team_manager"),
            ("newworker@example.org", "Robin Newworker", "practitioner"),
        ):
            if _staff(live_app, email) is None:
                user = User(email=email, name=name, role=role, team=worker.team)
                user.set_password(DEMO_PASSWORD)
                db.session.add(user)
        db.session.commit()
    reference = _new_agreement(live_app)
    sign_in(page, live_server, "manager@example.org")
    page.goto(f"{live_server}/staff/agreements/")
    page.get_by_role("link", name="Team agreements").first.click()
    assert page.locator("h1").inner_text() == "Your team's agreements"
    assert page.get_by_role("row").filter(has_text=reference).filter(has_text="Sam Worker").count()
    assert_accessible(page, "team agreements")
    page.get_by_role("link", name=f"Hand over {reference}").click()
    assert_accessible(page, "hand over")
    page.get_by_label("Hand it over to").select_option(label="Robin Newworker (Torbay North)")
    page.get_by_role("button", name="Hand it over").click()
    assert page.get_by_text(f"Agreement {reference} has been handed over.").is_visible()
    held = page.get_by_role("definition").filter(has_text="Robin Newworker")
    assert held.is_visible()
    with live_app.app_context():
        agreement = services.find_agreement(db.session, reference)
        assert agreement.worker.email == "newworker@example.org"
