"""Every PDF prints Welsh, Urdu (shaped, right to left) and the app's emoji, in embedded
fonts: read back with pdftotext, the words come out as they went in."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date

from feedback.agreements import services
from feedback.agreements.family_copy import build_copy
from feedback.agreements.pdf import render_pdf as agreement_pdf
from feedback.pdf_fonts import ARABIC, EMOJI, markup, printable
from feedback.privacy.pdf import render_pdf as rights_pdf
from feedback.reports.data import build_report
from feedback.reports.period import Period
from feedback.reports.render import render_pdf as report_pdf
from feedback.reports.words import Service
from feedback.staff.models import User
from tests.agreements.conftest import get_agreement, sign_everyone
from tests.reports.factories import respond, survey_for

WELSH = "Mae'r tŷ yn gynnes a'r dŵr yn lân, mae ŵyr yn hapus"
URDU = "مجھے اپنا گھر پسند ہے۔"
URDU_NAME = "زینب خان"
EMOJI_TEXT = "😀 🙂 😐 🙁 😞 👍 ❤ ⭐"  # the survey faces and signs (feedback/surveys/scales.toml)
SAID = f"{WELSH} {URDU} {EMOJI_TEXT}"


def _read(pdf: bytes, tmp_path) -> str:
    """pdftotext's words, with bidi control marks removed and presentation forms (how
    shaped Urdu letters are drawn) folded back to the letters typed."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _fonts(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()


def _assert_printed(pdf: bytes, tmp_path) -> None:
    text = _read(pdf, tmp_path)
    assert WELSH in text
    assert unicodedata.normalize("NFKC", URDU) in text
    for emoji in EMOJI_TEXT.split():
        assert emoji in text, emoji
    fonts = _fonts(pdf, tmp_path)
    for font in ("DejaVuSans", ARABIC, EMOJI):
        line = next(line for line in fonts.splitlines() if f"+{font}" in line)
        assert " yes yes yes " in line, line  # embedded, subset, with its text layer


def test_markup_picks_a_font_for_each_run_and_escapes_everything():
    made = markup(f"<b>{WELSH}</b> {URDU} 👍")
    assert made.startswith("&lt;b&gt;Mae'r tŷ") and "<b>" not in made
    assert f'<font name="{ARABIC}">' in made and f'<font name="{EMOJI}">👍</font>' in made
    assert "ہ" not in made  # shaped: drawn as its joined form, not the bare letter
    assert printable(f"Ref 12 {URDU} 👍").split() == ["Ref", "12"]  # one font: what it has


def test_the_report_pdf_prints_welsh_urdu_and_emoji(session, tmp_path):
    survey = survey_for(session)
    # A comment in Welsh and Urdu goes to a person first; read, and closed as no concern
    # by the safeguarding lead, it may be quoted, and prints.
    respond(session, survey, {"helped_most": SAID}, ok_to_quote=True, flagged=False)
    from sqlalchemy import select

    from feedback.alerts.models import SafeguardingAlert
    from feedback.alerts.work import close_alert

    for alert in session.scalars(select(SafeguardingAlert)):
        close_alert(session, alert, None, "no_concern", "Read by a Welsh and Urdu speaker.")
    session.commit()
    spring = Period(date(2026, 3, 1), date(2026, 3, 31))
    report = build_report(session, spring)
    _assert_printed(report_pdf(report, "family", Service("Gwasanaeth", "")), tmp_path)


def test_the_agreement_pdf_prints_welsh_urdu_and_emoji(
    session, make_user, make_agreement, tmp_path
):
    worker = make_user("practitioner", name="Siôn Ŵyn", team="North")
    people = [{"name": URDU_NAME, "role": "child"}, {"name": "Dŷlan", "role": "carer"}]
    agreement = get_agreement(make_agreement(worker.id, people=people))
    fields = dict(agreement.current.fields)
    fields["texts"] = fields["texts"] | {"why": SAID}
    services.save_fields(session, agreement, fields, session.get(User, worker.id))
    sign_everyone(session, agreement)
    session.commit()
    pdf = agreement_pdf(build_copy(agreement.current))
    _assert_printed(pdf, tmp_path)
    text = _read(pdf, tmp_path)
    assert unicodedata.normalize("NFKC", URDU_NAME) in text and "Dŷlan" in text


def test_the_subject_access_pdf_prints_welsh_urdu_and_emoji(tmp_path):
    data = {
        "searched_for": {"name": URDU_NAME, "family_reference": "FAM-1"},
        "responses": [{"survey": "Dweud eich dweud", "answers": [{"answer": SAID}]}],
    }
    pdf = rights_pdf(data, "Gwasanaeth Plant", "5 December 2026 10:00")
    _assert_printed(pdf, tmp_path)
    assert unicodedata.normalize("NFKC", URDU_NAME) in _read(pdf, tmp_path)
