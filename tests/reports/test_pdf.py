"""Both PDF editions, read back with pdftotext: demo data, hostile text, small numbers."""

from datetime import date

import pytest

from feedback import demo
from feedback.principles import PRINCIPLES
from feedback.reports import services
from feedback.reports.data import build_report
from feedback.reports.period import Period
from feedback.reports.render import render_pdf
from feedback.reports.words import Service
from tests.reports.factories import respond, survey_for
from tests.reports.pdftools import pdf_fonts, pdf_info, pdf_outline, pdf_text

SERVICE = Service("Torbay Children's Services", "Call 01234 567890")
SPRING = Period(date(2026, 3, 1), date(2026, 3, 31))
HOSTILE = 'I feel <b>sad <font color="[[[1+1]]]">big</font> <img src=http://127.0.0.1:9/x> & more'


@pytest.fixture
def demo_report(session):
    """Demo content (with its demo actions), plus one action recorded as a lead would."""
    demo.seed(session, responses=80)
    services.save_action(
        session,
        None,
        today=date.today(),
        actor_id=None,
        principle=4,
        theme="meetings",
        you_told_us="Meetings start too early for school.",
        we_did="Meetings now start after the school day.",
        owner="Reviewing team",
        status="done",
        audience="8-12",
        ready_to_publish=True,
        for_families=True,
        due_on=None,
        started_on=None,
    )
    today = date.today()
    return build_report(session, Period(date(today.year - 1, today.month, 1), today))


@pytest.mark.parametrize("edition", ["family", "board"])
def test_each_edition_shows_every_principle_what_we_heard_and_did(demo_report, tmp_path, edition):
    text = pdf_text(render_pdf(demo_report, edition, SERVICE), tmp_path)
    for p in PRINCIPLES:
        # Children read the child-facing names; the board keeps the staff titles.
        assert (p.child_title if edition == "family" else p.title) in text
    assert "You told us" in text
    assert "We did" in text or "What we did" in text
    assert "Meetings now start after the school day." in text
    assert "Meetings start too early for school." in text


def test_family_edition_is_easy_read_with_what_happens_next(demo_report, tmp_path):
    text = pdf_text(render_pdf(demo_report, "family", SERVICE), tmp_path)
    for words in ("What happens next", "How to tell us more", "Call 01234 567890", "We did"):
        assert words in text
    # Unpublished actions stay out of the family edition.
    assert "Check how quickly we fix mistakes in records" not in text


def test_board_edition_has_scores_audiences_themes_actions_and_method(demo_report, tmp_path):
    text = pdf_text(render_pdf(demo_report, "board", SERVICE), tmp_path)
    for words in (
        "Scores by principle",
        "Responses by audience",
        "Children aged 8 to 12",
        "Themes in comments",
        "In progress",
        "How this report was made",
        "Fewer than 5",
        "Check how quickly we fix mistakes in records",
    ):
        assert words in text


@pytest.mark.parametrize("edition", ["family", "board"])
def test_title_language_bookmarks_page_numbers_and_embedded_fonts(demo_report, tmp_path, edition):
    pdf = render_pdf(demo_report, edition, SERVICE)
    info = pdf_info(pdf, tmp_path)
    assert "Title:           You told us, we did" in info
    assert b"/Lang (en-GB)" in pdf
    outline = pdf_outline(pdf, tmp_path)
    for p in PRINCIPLES:
        assert (p.child_title if edition == "family" else p.title) in outline
    assert "Page 2" in pdf_text(pdf, tmp_path)
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(row[-5] == "yes" for row in fonts)  # every font embedded


def test_same_report_gives_the_same_bytes(demo_report):
    assert render_pdf(demo_report, "board", SERVICE) == render_pdf(demo_report, "board", SERVICE)


@pytest.mark.parametrize("edition", ["family", "board"])
def test_hostile_comment_prints_as_plain_text(session, tmp_path, edition):
    survey = survey_for(session)
    respond(session, survey, {"helped_most": HOSTILE}, ok_to_quote=True)
    respond(session, survey, {"do_differently": "unclosed <b>bold and <i>"}, ok_to_quote=True)
    text = pdf_text(render_pdf(build_report(session, SPRING), edition, SERVICE), tmp_path)
    assert '<font color="[[[1+1]]]">big</font>' in text
    assert "<img src=http://127.0.0.1:9/x>" in text
    assert "I feel <b>sad" in text and "unclosed <b>bold and <i>" in text


WELSH_LETTERS = "My worker took me to the café and we had dŵr in the tŷ, it was so good 😀 🦄 👍🏽"


def test_accents_welsh_and_emoji_print_safely(session, tmp_path):
    survey = survey_for(session)
    respond(
        session,
        survey,
        {"helped_most": WELSH_LETTERS},
        ok_to_quote=True,
    )
    text = pdf_text(render_pdf(build_report(session, SPRING), "family", SERVICE), tmp_path)
    assert "to the café and we had dŵr in the tŷ" in text
    assert "😀" in text and "👍" in text and "🦄" in text  # in the embedded emoji font
    assert "🏽" not in text  # a skin tone alone would be a stray mark: left out


def test_small_numbers_show_as_fewer_than_5(session, tmp_path):
    survey = survey_for(session)
    for _ in range(3):
        respond(session, survey, {"worker_kind": "5"})
    report = build_report(session, SPRING)
    board = pdf_text(render_pdf(report, "board", SERVICE), tmp_path)
    assert "Responses this period: fewer than 5" in board
    assert "Score fewer than 5" in board
    family = pdf_text(render_pdf(report, "family", SERVICE), tmp_path)
    assert "Fewer than 5 people answered our questions" in family


@pytest.mark.parametrize("edition", ["family", "board"])
def test_a_period_with_no_responses_still_makes_a_readable_report(session, tmp_path, edition):
    text = pdf_text(render_pdf(build_report(session, SPRING), edition, SERVICE), tmp_path)
    title = "Your information" if edition == "family" else "Your right to information"
    assert title in text and "ewer than 5" in text
