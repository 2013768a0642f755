"""Family links: a preview changes nothing, one window from the button, shown again, replaced."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from feedback.agreements import links
from feedback.agreements.models import AgreementError, FamilyLink
from feedback.db import utcnow
from feedback.staff.audit import AuditEvent
from tests.agreements.conftest import get_agreement, sign_everyone
from tests.conftest import login

KEY = b"test-secret-key-that-is-long-enough-0123456789"


@pytest.fixture
def signed(session, make_user, make_agreement):
    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    session.commit()
    return worker, agreement


def make_link(session, signed, **kwargs) -> tuple[FamilyLink, str]:
    worker, agreement = signed
    link, token = links.create_family_link(session, agreement.current, worker.id, KEY, **kwargs)
    session.commit()
    return link, token


def test_a_link_preview_changes_nothing_then_the_family_opens_their_copy(client, session, signed):
    link, token = make_link(session, signed)
    for _preview in range(3):  # a messaging app, an email scanner, the family's first tap
        page = client.get(f"/copy?t={token}")
        assert page.status_code == 200 and "Open my agreement" in page.text
        assert "Mia" not in page.text
    session.refresh(link)
    assert link.first_used_at is None
    opened = client.post("/copy", data={"t": token})
    assert opened.status_code == 303 and opened.location == "/copy/agreement"
    assert token not in opened.location
    session.refresh(link)
    assert link.first_used_at is not None
    page = client.get("/copy/agreement")
    assert page.status_code == 200 and "Your Working Together Agreement" in page.text
    _worker, agreement = signed
    assert agreement.reference in page.text and "Mia" in page.text
    assert "FAM-123" not in page.text  # the family reference is for staff only
    pdf = client.get("/copy/agreement.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert pdf.headers["Cache-Control"] == "no-store"
    actions = {e.action for e in session.query(AuditEvent).all()}
    assert {"agreement_family_opened", "agreement_family_viewed"} <= actions
    assert "agreement_family_downloaded" in actions


def test_the_token_is_never_stored(session, signed):
    link, token = make_link(session, signed)
    assert len(token) >= 40
    assert token not in (link.token_sha256, link.token_seed)
    assert session.query(FamilyLink).filter(FamilyLink.token_sha256 == token).count() == 0


def test_an_expired_link_gives_a_clear_410_page(client, session, signed):
    _link, token = make_link(session, signed, now=utcnow() - timedelta(days=8))
    for response in (client.get(f"/copy?t={token}"), client.post("/copy", data={"t": token})):
        assert response.status_code == 410
        assert "This link has expired" in response.text
        assert "ask your worker for a new link" in response.text
        assert "Mia" not in response.text


def test_the_window_starts_at_the_button_and_then_ends(client, session, signed):
    link, token = make_link(session, signed)
    client.post("/copy", data={"t": token})
    assert client.get("/copy/agreement").status_code == 200
    assert client.get("/copy/agreement.pdf").status_code == 200  # same window
    link.first_used_at = utcnow() - timedelta(minutes=link.window_minutes + 1)
    session.commit()
    for response in (client.get("/copy/agreement.pdf"), client.post("/copy", data={"t": token})):
        assert response.status_code == 410 and "This link has expired" in response.text


def test_unknown_links_and_no_opened_link_are_404(client):
    assert client.get("/copy?t=not-a-real-token").status_code == 404
    assert client.get("/copy?t=" + "x" * 200).status_code == 404
    assert client.get("/copy").status_code == 404
    assert client.post("/copy", data={"t": "nope"}).status_code == 404
    assert client.get("/copy/agreement").status_code == 404
    assert client.get("/copy/agreement.pdf").status_code == 404


def test_only_a_signed_agreement_gets_a_link(session, make_user, make_agreement, client):
    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    with pytest.raises(AgreementError):
        links.create_family_link(session, agreement.current, worker.id, KEY)
    login(client, worker)
    response = client.post(f"/staff/agreements/{agreement.reference}/link")
    assert response.status_code == 303


def _link_url(page_text: str) -> str:
    return page_text.split('class="family-link"><a href="')[1].split('"')[0].replace("&amp;", "&")


def test_the_worker_shows_a_live_link_again_and_a_new_link_replaces_it(client, session, signed):
    worker, agreement = signed
    login(client, worker)
    page = client.post(f"/staff/agreements/{agreement.reference}/link")
    assert page.status_code == 200 and 'src="data:image/svg+xml' in page.text
    url = urlsplit(_link_url(page.text))
    assert url.path == "/copy"  # the token is in the query, never in a path
    token = parse_qs(url.query)["t"][0]
    first = session.query(FamilyLink).one()
    detail = client.get(f"/staff/agreements/{agreement.reference}")
    assert "Show this link again" in detail.text and "not opened yet" in detail.text
    again = client.get(f"/staff/agreements/{agreement.reference}/link/{first.id}")
    assert again.status_code == 200 and f"t={token}" in _link_url(again.text)

    new = client.post(f"/staff/agreements/{agreement.reference}/link")
    new_token = parse_qs(urlsplit(_link_url(new.text)).query)["t"][0]
    assert new_token != token
    assert client.get(f"/copy?t={token}").status_code == 410  # the old one stops working
    assert client.get(f"/copy?t={new_token}").status_code == 200
    shown = client.get(f"/staff/agreements/{agreement.reference}/link/{first.id}")
    assert shown.status_code == 302  # replaced: it cannot be shown again
    assert "replaced by a newer link" in client.get(f"/staff/agreements/{agreement.reference}").text


def test_another_team_cannot_see_a_link_again(client, session, signed, make_user):
    link, _token = make_link(session, signed)
    _worker, agreement = signed
    login(client, make_user("practitioner", team="South"))
    assert client.get(f"/staff/agreements/{agreement.reference}/link/{link.id}").status_code == 404
