"""Publishing an action for families: only when the language checker finds no jargon,
acronyms or blaming words; every family action reaches the booklet."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from feedback.reports import services
from feedback.reports.data import build_report
from feedback.reports.models import Action
from feedback.reports.period import Period
from feedback.reports.render import render_pdf
from feedback.reports.words import Service
from tests.reports.pdftools import pdf_text

FLAGGED_WORDS = "LAC reviews are compliant with IRO timescales. Mum fail to engage with MASH."
SERVICE = Service("Test Council", "Call 01234 567890")


def _save(session, publish: str, we_did: str, principle: int = 4, **extra):
    fields = {
        "principle": principle,
        "theme": "",
        "you_told_us": "Meetings start too early.",
        "we_did": we_did,
        "owner": "",
        "status": "done",
        "started_on": None,
        "due_on": None,
        "audience": "8-12",
        "ready_to_publish": publish in ("board", "families"),
        "for_families": publish == "families",
        **extra,
    }
    return services.save_action(session, None, today=date.today(), actor_id=None, **fields)


def test_jargon_acronyms_and_blaming_words_stop_family_publishing(session):
    with pytest.raises(services.NotForFamilies) as refused:
        _save(session, "families", FLAGGED_WORDS)
    phrases = {f.phrase for f in refused.value.advice.bars}
    assert {"LAC reviews", "IRO", "MASH", "compliant with", "fail to engage"} <= phrases
    assert "board report only" in str(refused.value)
    assert session.scalar(select(Action)) is None


def test_the_lead_can_publish_flagged_words_for_the_board_only(session):
    action = _save(session, "board", FLAGGED_WORDS)
    assert action.ready_to_publish and not action.for_families


def test_plain_words_are_published_for_families_and_the_board(session):
    action = _save(session, "families", "Meetings now start after school.")
    assert action.ready_to_publish and action.for_families


def test_every_family_action_is_in_the_booklet_and_board_only_ones_are_not(session, tmp_path):
    for n in range(7):
        _save(session, "families", f"We did plain thing number {n}.")
    _save(session, "board", FLAGGED_WORDS)
    today = date.today()
    report = build_report(session, Period(today - timedelta(days=30), today))
    family = pdf_text(render_pdf(report, "family", SERVICE), tmp_path)
    for n in range(7):
        assert f"We did plain thing number {n}." in family
    assert "MASH" not in family and "IRO" not in family
    board = pdf_text(render_pdf(report, "board", SERVICE), tmp_path)
    assert "MASH" in board  # the board edition keeps staff words


def test_action_form_shows_findings_and_refuses_family_publishing(client, login_as, session):
    login_as("lead")
    data = {
        "principle": "4",
        "you_told_us": "Meetings are hard.",
        "we_did": FLAGGED_WORDS,
        "status": "planned",
        "audience": "4-7",
        "publish": "families",
    }
    response = client.post("/staff/reports/actions/new", data=data)
    assert response.status_code == 422
    assert "cannot be published for children and families yet" in response.text
    assert "Advice on the words" in response.text and "MASH" in response.text
    assert session.scalar(select(Action)) is None
    response = client.post("/staff/reports/actions/new", data={**data, "publish": "board"})
    assert response.status_code == 302
    action = session.scalar(select(Action))
    assert action.ready_to_publish and not action.for_families and action.audience == "4-7"


def test_demo_actions_reach_families_only_when_their_words_pass(session):
    from feedback.reports.demo import seed_actions

    seed_actions(session, date(2026, 3, 1))
    actions = session.scalars(select(Action)).all()
    assert any(a.for_families for a in actions)
    assert all(a.ready_to_publish for a in actions if a.for_families)
