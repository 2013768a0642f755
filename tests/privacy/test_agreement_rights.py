"""Rights and retention for Working Together Agreements: by family reference or name."""

import json
from datetime import timedelta

from sqlalchemy import func, select

from feedback.agreements.models import Agreement, AgreementVersion, Signature
from feedback.db import utcnow
from feedback.extensions import db
from feedback.privacy.purge import purge_expired
from tests.agreements.conftest import get_agreement, sign_everyone


def _signed_agreement(app, make_agreement, worker_id) -> str:
    reference = make_agreement(worker_id)
    with app.app_context():
        sign_everyone(db.session, get_agreement(reference))
        db.session.commit()
    return reference


def test_agreements_get_a_retention_date_and_are_purged_after_it(app, make_user, make_agreement):
    worker = make_user("practitioner")
    reference = _signed_agreement(app, make_agreement, worker.id)
    with app.app_context():
        agreement = get_agreement(reference)
        kept_for = agreement.retain_until - agreement.created_at
        assert timedelta(days=2190) <= kept_for < timedelta(days=2190, minutes=1)
        agreement.retain_until = utcnow() - timedelta(days=1)
        db.session.commit()
        result = purge_expired(db.session)
        db.session.commit()
        assert result.deleted["agreements"] == 1
        for model in (Agreement, AgreementVersion, Signature):
            assert db.session.scalar(select(func.count()).select_from(model)) == 0


def test_export_by_family_reference_or_name_holds_the_signed_agreement(
    app, client, make_user, make_agreement
):
    worker = make_user("practitioner")
    reference = _signed_agreement(app, make_agreement, worker.id)
    lead = make_user("lead")
    client.post(
        "/staff/login", data={"email": lead.email, "password": "correct horse battery staple"}
    )
    for search in ({"reference": "fam-123"}, {"name": "jo"}):
        response = client.post("/staff/privacy/people/export.json", data=search)
        data = json.loads(response.data)
        assert [a["reference"] for a in data["agreements"]] == [reference], search
    signatures = data["agreements"][0]["versions"][0]["signatures"]
    assert {s["who"] for s in signatures} >= {"Mia", "Jo"}
    assert any((s["drawn_signature"] or "").startswith("data:image/png") for s in signatures)
    page = client.post("/staff/privacy/people", data={"reference": "FAM-123"})
    assert page.status_code == 200 and 'alt="Drawn signature"' in page.text
    assert "a signed version stays exactly as it was signed" in page.text
    pdf = client.post("/staff/privacy/people/export.pdf", data={"reference": "FAM-123"})
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_erasing_a_family_removes_their_agreements_and_signatures(
    app, client, make_user, make_agreement
):
    worker = make_user("practitioner")
    _signed_agreement(app, make_agreement, worker.id)
    other = make_agreement(worker.id, people=[{"name": "Sam", "role": "child"}])
    with app.app_context():
        get_agreement(other).family_reference = "FAM-999"
        db.session.commit()
    lead = make_user("lead")
    client.post(
        "/staff/login", data={"email": lead.email, "password": "correct horse battery staple"}
    )
    done = client.post("/staff/privacy/people/erase", data={"reference": "FAM-123", "confirm": "y"})
    assert done.status_code == 200 and "1 agreements" in done.text
    with app.app_context():
        left = db.session.scalars(select(Agreement.reference)).all()
        assert left == [other]
        names = {s.name for s in db.session.scalars(select(Signature))}
        assert "Jo" not in names


def test_an_agreement_in_use_is_kept_for_the_full_period_from_its_last_change(
    app, make_user, make_agreement
):
    worker = make_user("practitioner")
    reference = make_agreement(worker.id)
    with app.app_context():
        agreement = get_agreement(reference)
        agreement.retain_until = utcnow() + timedelta(days=10)  # as if made years ago
        db.session.commit()
        sign_everyone(db.session, get_agreement(reference))
        db.session.commit()
        kept = get_agreement(reference).retain_until
    assert kept - utcnow() > timedelta(days=2189)
