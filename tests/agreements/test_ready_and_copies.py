"""Signing waits for the needed sections; every copy checks the record before it says so."""

import subprocess

import pytest
from sqlalchemy import text

from feedback.agreements import links, services
from feedback.agreements.family_copy import build_copy
from feedback.agreements.models import NotReady
from feedback.agreements.pdf import render_pdf
from tests.agreements.conftest import get_agreement, leave_family_screens, sign_everyone
from tests.conftest import login

CHANGED = "This does not match what was signed"
UNCHANGED = "shows the agreement has not been changed"


def test_signing_cannot_start_until_the_needed_sections_are_filled(
    client, session, make_user, make_agreement
):
    worker = make_user("practitioner")
    reference = make_agreement(worker.id, ready=False)
    agreement = get_agreement(reference)
    with pytest.raises(NotReady) as refused:
        services.sign(session, agreement.current, 0, method="typed", typed_name="Mia")
    session.rollback()
    assert refused.value.missing == [
        "Why we are working with you",
        "How often we will visit",
        "When we will look at this agreement again",
    ]
    login(client, worker)
    screen = client.get(f"/staff/agreements/{reference}/signing")
    assert "We cannot sign yet" in screen.text and "How often we will visit" in screen.text
    assert "Sign as Mia" not in screen.text
    typed = client.post(
        f"/staff/agreements/{reference}/signing/1", data={"method": "typed", "typed_name": "Mia"}
    )
    assert typed.status_code == 409 and "Why we are working with you" in typed.text
    assert get_agreement(reference).current.signatures == []
    leave_family_screens(client, reference)
    assert "Before the family can sign" in client.get(f"/staff/agreements/{reference}").text


def test_a_child_agreement_names_the_missing_parts_in_child_words(
    client, session, make_user, make_agreement
):
    worker = make_user("practitioner")
    reference = make_agreement(worker.id, audience="child", ready=False)
    login(client, worker)
    screen = client.get(f"/staff/agreements/{reference}/signing/1")
    assert screen.status_code == 409
    assert "I still need to fill in" in screen.text
    assert "How often I will come and see you" in screen.text


def test_a_template_can_mark_another_section_as_needed(session, make_user, make_agreement):
    worker = make_user("practitioner")
    agreement = get_agreement(make_agreement(worker.id))
    fields = dict(agreement.current.fields)
    sections = [dict(s) for s in fields["sections"]]
    for section in sections:
        if section["key"] == "your_words":
            section["needed"] = True
    fields["sections"] = sections
    services.save_fields(session, agreement, fields, agreement.worker)
    with pytest.raises(NotReady) as refused:
        services.sign(session, agreement.current, 0, method="typed", typed_name="Mia")
    assert refused.value.missing == ["What you would like from us"]


def _tamper(session) -> None:
    session.execute(text("UPDATE agreement_signatures SET name = 'Someone else' WHERE person = 1"))
    session.commit()
    session.expire_all()


def test_a_tampered_record_is_flagged_on_every_copy(
    client, session, make_user, make_agreement, tmp_path
):
    worker = make_user("practitioner")
    reference = make_agreement(worker.id)
    agreement = get_agreement(reference)
    sign_everyone(session, agreement)
    _link, token = links.create_family_link(session, agreement.current, worker.id, b"k" * 40)
    session.commit()
    assert UNCHANGED in build_copy(agreement.current).words["check_hint"]
    login(client, worker)
    assert UNCHANGED in client.get(f"/staff/agreements/{reference}/v/1").text
    _tamper(session)

    copies = {
        "version page": client.get(f"/staff/agreements/{reference}/v/1").text,
        "check page": client.get(f"/agreements/check?reference={reference}").text,
    }
    client.post("/copy", data={"t": token})
    copies["family link"] = client.get("/copy/agreement").text
    for name, page in copies.items():
        assert CHANGED in page, name
        assert UNCHANGED not in page, name
    version = get_agreement(reference).current
    assert build_copy(version).record == "changed"
    staff_pdf = client.get(f"/staff/agreements/{reference}/v/1/agreement.pdf").data
    family_pdf = client.get("/copy/agreement.pdf").data
    assert staff_pdf == family_pdf == render_pdf(build_copy(version))
    printed = " ".join(_pdf_text(staff_pdf, tmp_path).split())
    assert CHANGED in printed and UNCHANGED not in printed


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
