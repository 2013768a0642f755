"""The tamper-evident record: hashing exactly what was signed, and checking it."""

from sqlalchemy import text

from feedback.agreements import record
from feedback.agreements.models import Signature
from tests.agreements.conftest import get_agreement, sign_everyone


def _signed(session, make_agreement, make_user):
    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    session.commit()
    return agreement


def test_the_hash_is_the_same_after_a_reload(session, make_agreement, make_user):
    agreement = _signed(session, make_agreement, make_user)
    stored = agreement.current.sha256
    session.expire_all()
    assert record.digest(get_agreement(agreement.reference).current) == stored


def test_the_canonical_form_covers_text_version_signatures_and_times(
    session, make_agreement, make_user
):
    agreement = _signed(session, make_agreement, make_user)
    canonical = record.canonical(agreement.current).decode()
    assert f'"agreement":"{agreement.reference}"' in canonical
    assert '"version":1' in canonical
    assert '"typed_name":"Mia"' in canonical
    assert '"drawing":"data:image/png;base64,' in canonical
    assert '"locked_at":"20' in canonical and "Z" in canonical
    assert "Who we are" in canonical


def test_an_intact_record_passes_the_check(session, make_agreement, make_user):
    agreement = _signed(session, make_agreement, make_user)
    check = record.check_record(session, agreement.reference.lower().replace("-", " "))
    assert check.outcome == "intact" and check.version == 1


def test_a_tampered_signature_fails_the_check(session, make_agreement, make_user):
    agreement = _signed(session, make_agreement, make_user)
    # Someone with database access changes who signed, behind the app's back.
    session.execute(
        text("UPDATE agreement_signatures SET typed_name = 'Someone else' WHERE person = 0")
    )
    session.commit()
    session.expire_all()
    check = record.check_record(session, agreement.reference)
    assert check.outcome == "changed"
    assert not check.ok


def test_tampered_words_fail_the_check(session, make_agreement, make_user):
    agreement = _signed(session, make_agreement, make_user)
    version = agreement.current
    content = [dict(s) for s in version.content]
    content[1] = content[1] | {"paragraphs": ["Words nobody agreed to."]}
    version.content = content
    session.commit()
    assert record.check_record(session, agreement.reference).outcome == "changed"


def test_a_changed_signing_time_fails_the_check(session, make_agreement, make_user):
    from datetime import timedelta

    agreement = _signed(session, make_agreement, make_user)
    signature: Signature = agreement.current.signatures[0]
    signature.signed_at = signature.signed_at - timedelta(days=1)
    session.commit()
    assert record.check_record(session, agreement.reference).outcome == "changed"


def test_the_printed_check_code_finds_its_version(session, make_agreement, make_user):
    agreement = _signed(session, make_agreement, make_user)
    code = record.short_code(agreement.current.sha256)
    assert len(code) == 19  # four groups of four
    assert record.check_record(session, agreement.reference, code).ok
    assert record.check_record(session, agreement.reference, "0000 0000 0000 0000").outcome == (
        "no_match"
    )
    # Too short to mean anything: never a match by chance.
    assert record.check_record(session, agreement.reference, code[:4]).outcome == "no_match"


def test_unknown_and_unsigned_agreements(session, make_agreement, make_user):
    worker = make_user("practitioner")
    reference = make_agreement(worker.id)
    assert record.check_record(session, "WTA-AAAA-AAAA").outcome == "not_found"
    assert record.check_record(session, "nonsense").outcome == "not_found"
    assert record.check_record(session, reference).outcome == "not_signed"


def test_reference_codes_are_normalised():
    assert record.normalise_reference("wta 7k3m 9qpx") == "WTA-7K3M-9QPX"
    assert record.normalise_reference("7K3M9QPX") == "WTA-7K3M-9QPX"
    assert record.normalise_reference("WTA-7K3M") == ""
