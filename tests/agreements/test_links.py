"""Family links: unguessable, stored as a hash, one download window, then a clear 410."""

from datetime import timedelta

import pytest

from feedback.agreements import links
from feedback.agreements.models import AgreementError, FamilyLink
from feedback.db import utcnow
from feedback.staff.audit import AuditEvent
from tests.agreements.conftest import get_agreement, sign_everyone


@pytest.fixture
def signed(session, make_user, make_agreement):
    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    session.commit()
    return worker, agreement


def test_the_family_opens_their_copy_and_downloads_the_pdf(client, session, signed):
    worker, agreement = signed
    _link, token = links.create_family_link(session, agreement.current, worker.id)
    session.commit()
    page = client.get(f"/copy/{token}")
    assert page.status_code == 200
    assert "Your Working Together Agreement" in page.text
    assert agreement.reference in page.text and "Mia" in page.text
    assert "FAM-123" not in page.text  # the family reference is for staff only
    pdf = client.get(f"/copy/{token}/agreement.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert pdf.headers["Cache-Control"] == "no-store"
    actions = [e.action for e in session.query(AuditEvent).all()]
    assert "agreement_family_viewed" in actions and "agreement_family_downloaded" in actions


def test_the_token_is_never_stored(session, signed):
    worker, agreement = signed
    link, token = links.create_family_link(session, agreement.current, worker.id)
    assert len(token) >= 40
    assert token not in link.token_sha256
    assert session.query(FamilyLink).filter(FamilyLink.token_sha256 == token).count() == 0


def test_an_expired_link_gives_a_clear_410_page(client, session, signed):
    worker, agreement = signed
    past = utcnow() - timedelta(days=8)
    _link, token = links.create_family_link(session, agreement.current, worker.id, now=past)
    session.commit()
    for url in (f"/copy/{token}", f"/copy/{token}/agreement.pdf"):
        response = client.get(url)
        assert response.status_code == 410
        assert "This link has expired" in response.text
        assert "ask your worker for a new link" in response.text
        assert "Mia" not in response.text


def test_a_link_works_once_per_download_window(client, session, signed):
    worker, agreement = signed
    link, token = links.create_family_link(session, agreement.current, worker.id)
    session.commit()
    assert client.get(f"/copy/{token}").status_code == 200
    assert client.get(f"/copy/{token}/agreement.pdf").status_code == 200  # same window
    link.first_used_at = utcnow() - timedelta(minutes=link.window_minutes + 1)
    session.commit()
    response = client.get(f"/copy/{token}/agreement.pdf")
    assert response.status_code == 410 and "This link has expired" in response.text


def test_an_unknown_link_is_404(client):
    assert client.get("/copy/not-a-real-token").status_code == 404
    assert client.get("/copy/" + "x" * 200).status_code == 404


def test_only_a_signed_agreement_gets_a_link(session, make_user, make_agreement, client):
    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    with pytest.raises(AgreementError):
        links.create_family_link(session, agreement.current, worker.id)
    from tests.conftest import login

    login(client, worker)
    response = client.post(f"/staff/agreements/{agreement.reference}/link")
    assert response.status_code == 303


def test_the_worker_sees_the_link_once_with_a_qr_code(client, session, signed):
    worker, agreement = signed
    from tests.conftest import login

    login(client, worker)
    page = client.post(f"/staff/agreements/{agreement.reference}/link")
    assert page.status_code == 200
    assert "/copy/" in page.text and 'src="data:image/svg+xml' in page.text
    url = page.text.split('class="family-link"><a href="')[1].split('"')[0]
    assert client.get(url.replace("http://localhost", "")).status_code == 200
