"""Preparing, editing, signing and locking agreements (the service layer)."""

import copy

import pytest

from feedback.agreements import record, services
from feedback.agreements.models import AgreementError, AlreadySigned, VersionLocked
from tests.agreements.conftest import drawn_png, get_agreement, sign_everyone


@pytest.fixture
def worker(make_user):
    return make_user("practitioner", name="Sam Worker", team="North")


def test_new_agreement_has_family_first_names_and_the_worker_as_signers(
    session, make_agreement, worker
):
    agreement = get_agreement(make_agreement(worker.id))
    assert agreement.reference.startswith("WTA-")
    assert agreement.team == "North"
    assert agreement.current.people == [
        {"role": "child", "name": "Mia"},
        {"role": "parent", "name": "Jo"},
        {"role": "worker", "name": "Sam Worker"},
    ]
    headings = [s["heading"] for s in agreement.current.content]
    assert headings[0] == "Who we are"
    assert "How often we will visit" in headings
    assert "If you are unhappy" in headings


def test_child_wording_uses_the_child_headings(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id, audience="child"))
    headings = [s["heading"] for s in agreement.current.content]
    assert "Who I am" in headings and "What I promise" in headings


def test_an_agreement_needs_someone_from_the_family(session, make_agreement, worker):
    with pytest.raises(AgreementError):
        make_agreement(worker.id, people=[{"name": " ", "role": "child"}])


def test_editing_a_draft_changes_it_in_place(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    fields = copy.deepcopy(agreement.current.fields)
    fields["texts"]["why"] = "To help with money worries."
    version = services.save_fields(session, agreement, fields, worker)
    assert version.number == 1
    assert len(agreement.versions) == 1
    why = next(s for s in version.content if s["key"] == "why")
    assert why["paragraphs"] == ["To help with money worries."]


def test_everyone_signing_locks_the_version_with_a_hash(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    version = agreement.current
    assert version.status == "signed"
    assert version.locked_at is not None
    assert version.sha256 == record.digest(version)
    assert len(version.sha256) == 64


def test_editing_a_signed_agreement_makes_a_new_version_that_needs_signatures(
    session, make_agreement, worker
):
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    session.commit()
    signed = agreement.current
    old_hash, old_content = signed.sha256, copy.deepcopy(signed.content)

    fields = copy.deepcopy(signed.fields)
    fields["texts"]["why"] = "Things have changed: Jo has a new job."
    new = services.save_fields(session, agreement, fields, worker)
    session.commit()

    assert new.number == 2 and new.status == "draft"
    assert new.unsigned() == [0, 1, 2]  # everyone signs again
    assert new.sha256 is None
    # The old version stays readable and unchanged, and still checks out.
    assert agreement.version(1).status == "signed"
    assert agreement.version(1).content == old_content
    assert record.check_record(session, agreement.reference).version == 1
    assert record.check_record(session, agreement.reference).ok
    assert agreement.version(1).sha256 == old_hash


def test_changing_a_part_signed_version_replaces_it(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    services.sign(session, agreement.current, 0, method="typed", typed_name="Mia")
    fields = copy.deepcopy(agreement.current.fields)
    fields["texts"]["why"] = "New words."
    new = services.save_fields(session, agreement, fields, worker)
    assert agreement.version(1).status == "replaced"
    assert new.number == 2 and new.signatures == []
    with pytest.raises(VersionLocked):
        services.sign(session, agreement.version(1), 1, method="typed", typed_name="Jo")


def test_a_person_cannot_sign_twice(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    services.sign(session, agreement.current, 0, method="typed", typed_name="Mia")
    with pytest.raises(AlreadySigned):
        services.sign(session, agreement.current, 0, method="typed", typed_name="Mia")


def test_a_signed_version_takes_no_more_signatures(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    with pytest.raises(VersionLocked):
        services.sign(session, agreement.current, 0, method="typed", typed_name="Mia")


def test_only_a_child_keeps_a_face(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    child = services.sign(
        session, agreement.current, 0, method="typed", typed_name="Mia", feeling="happy"
    )
    parent = services.sign(
        session, agreement.current, 1, method="drawn", drawing=drawn_png(), feeling="happy"
    )
    assert (child.feeling, parent.feeling) == ("happy", "")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": "typed", "typed_name": "  "},
        {"method": "stamped"},
        {"method": "typed", "typed_name": "Mia", "feeling": "ecstatic"},
    ],
)
def test_bad_signatures_are_refused(session, make_agreement, worker, kwargs):
    agreement = get_agreement(make_agreement(worker.id))
    with pytest.raises(AgreementError):
        services.sign(session, agreement.current, 0, **kwargs)
    assert agreement.current.signatures == []


def test_signing_someone_not_on_the_agreement_is_refused(session, make_agreement, worker):
    agreement = get_agreement(make_agreement(worker.id))
    with pytest.raises(AgreementError):
        services.sign(session, agreement.current, 7, method="typed", typed_name="Nobody")


def test_a_fully_signed_version_that_missed_its_lock_is_locked_on_the_next_look(
    client, session, make_agreement, worker
):
    from feedback.agreements.models import Signature
    from tests.conftest import login

    agreement = get_agreement(make_agreement(worker.id))
    version = agreement.current
    services.sign(session, version, 0, method="typed", typed_name="Mia")
    services.sign(session, version, 1, method="typed", typed_name="Jo")
    # As if two last signatures had raced: all signed, status still "signing".
    version.signatures.append(
        Signature(
            person=2, role="worker", name="Sam Worker", method="typed", typed_name="Sam Worker"
        )
    )
    session.commit()
    assert version.status == "signing"
    login(client, worker)
    response = client.get(f"/staff/agreements/{agreement.reference}/signing")
    assert response.status_code == 302 and response.location.endswith("/signed")
    session.expire_all()
    assert get_agreement(agreement.reference).current.status == "signed"
    assert record.check_record(session, agreement.reference).ok
