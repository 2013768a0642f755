"""The family's PDF copy, read back with pdftotext."""

import shutil
import subprocess

import pytest

from feedback.agreements import services
from feedback.agreements.family_copy import build_copy
from feedback.agreements.pdf import render_pdf
from tests.agreements.conftest import get_agreement, sign_everyone

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "copy.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture
def signed(session, make_user, make_agreement):
    worker = make_user("practitioner", name="Sam Worker", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    session.commit()
    return agreement


def test_the_pdf_has_names_sections_reference_code_hash_and_page_numbers(session, signed, tmp_path):
    text = _text(render_pdf(build_copy(signed.current)), tmp_path)
    for words in (
        "Mia",
        "Jo",
        "Sam Worker",
        "Who we are",
        "How often we will visit",
        "If you are unhappy",
        "Your information",
        signed.reference,
        "signed by drawing",
        "signed by typing their name",
        "Page 1 of",
    ):
        assert words in text, words
    assert signed.current.sha256 in text.replace("\n", "").replace(" ", "")


def test_the_same_copy_gives_the_same_bytes(session, signed):
    copy = build_copy(signed.current)
    assert render_pdf(copy) == render_pdf(copy)


def test_markup_in_what_people_typed_is_printed_not_obeyed(
    session, make_user, make_agreement, tmp_path
):
    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    fields = dict(agreement.current.fields)
    fields["texts"] = fields["texts"] | {"why": 'I feel <b>sad & <img src="http://x/y.png"/>'}
    services.save_fields(session, agreement, fields, worker)
    services.sign(session, agreement.current, 0, method="typed", typed_name="<i>Mia</i>")
    text = _text(render_pdf(build_copy(agreement.current)), tmp_path)
    assert 'I feel <b>sad & <img src="http://x/y.png"/>' in text
    assert "<i>Mia</i>" in text
    assert "has not been signed by everyone yet" in " ".join(text.split())


def test_names_in_any_european_alphabet_are_printed(session, make_user, make_agreement, tmp_path):
    worker = make_user("practitioner", name="Zoë Ólafsdóttir", team="North")
    people = [{"name": "Łucja", "role": "child"}, {"name": "Şükrü", "role": "carer"}]
    agreement = get_agreement(make_agreement(worker.id, people=people))
    sign_everyone(session, agreement)
    text = _text(render_pdf(build_copy(agreement.current)), tmp_path)
    for name in ("Łucja", "Şükrü", "Zoë Ólafsdóttir"):
        assert name in text, name
