"""The one rule for quotes: only sent, agreed, unflagged, not-withheld comments, redacted,
and no screen or report can show any other words."""

from datetime import UTC, date, datetime, timedelta

import pytest

from feedback.dashboard.data import build_dashboard
from feedback.reports import services
from feedback.reports.data import build_report
from feedback.reports.period import Period
from feedback.reports.quotes import quotable
from feedback.reports.render import render_pdf
from feedback.reports.words import Service
from tests.reports.factories import respond, survey_for, unsent
from tests.reports.pdftools import pdf_text

THEME = ["Keeping promises"]  # principle 1
SENT = "She always rings me back"
KEPT_OUT = {
    "unsent": "Words I never sent",
    "not agreed": "Words I did not agree to share",
    "flagged": "Words the safeguarding screen flagged",
    "withheld": "Words kept back from quotes",
}


@pytest.fixture
def comments(session):
    """Five sent comments the writers agreed to share, and one of each kind kept out."""
    now = datetime.now(UTC) - timedelta(hours=1)
    survey = survey_for(session)
    fields = {"ok_to_quote": True, "themes": THEME, "sentiment": 0.5}
    for n in range(5):
        respond(session, survey, {"helped_most": f"{SENT} {n}"}, when=now, **fields)
    unsent(session, survey, {"helped_most": KEPT_OUT["unsent"]}, **fields)
    respond(
        session,
        survey,
        {"helped_most": KEPT_OUT["not agreed"]},
        when=now,
        **{**fields, "ok_to_quote": False},
    )
    respond(
        session,
        survey,
        {"helped_most": KEPT_OUT["flagged"]},
        when=now,
        **{**fields, "flagged": True},
    )
    [withheld] = respond(session, survey, {"helped_most": KEPT_OUT["withheld"]}, when=now, **fields)
    services.withhold_quote(session, withheld, True, None)
    session.commit()
    return withheld


def _period() -> Period:
    return Period(date.today() - timedelta(days=30), date.today())


def _assert_only_sent(text: str) -> None:
    assert SENT in text
    for why, words in KEPT_OUT.items():
        assert words not in text, why


def test_the_rule_gives_only_sent_agreed_unflagged_comments(session, comments):
    texts = [q.text for q in quotable(session)]
    assert sorted(texts) == [f"{SENT} {n}" for n in range(5)]


def test_the_lead_sees_withheld_comments_to_quote_them_again(session, comments):
    found = {q.text: q.withheld for q in quotable(session, include_withheld=True)}
    assert found[KEPT_OUT["withheld"]] is True
    assert KEPT_OUT["flagged"] not in found and KEPT_OUT["unsent"] not in found
    services.withhold_quote(session, comments, False, None)
    assert KEPT_OUT["withheld"] in [q.text for q in quotable(session)]


def test_the_lead_cannot_quote_a_comment_its_writer_did_not_agree_to(session, comments):
    survey = survey_for(session)
    [answer] = respond(session, survey, {"helped_most": "Mine"}, ok_to_quote=False)
    with pytest.raises(services.CannotQuote):
        services.withhold_quote(session, answer, False, None)


def test_reports_suggestions_and_dashboard_show_no_kept_out_words(session, comments, tmp_path):
    report = build_report(session, _period())
    _assert_only_sent(" ".join(q for p in report.principles for q in p.quotes))
    _assert_only_sent(services.suggest_you_told_us(session, 1, limit=10))
    dashboard = build_dashboard(session, _period())
    _assert_only_sent(" ".join(q for t in dashboard.themes for q in t.quotes))
    service = Service("Test Council", "Call 01234 567890")
    for edition in ("family", "board"):
        _assert_only_sent(pdf_text(render_pdf(report, edition, service), tmp_path))


def test_public_page_and_quotes_page_show_no_kept_out_words(client, login_as, comments):
    public = client.get("/you-told-us/8-12").get_data(as_text=True)
    _assert_only_sent(public)
    login_as("lead")
    lead = client.get("/staff/reports/quotes").get_data(as_text=True)
    assert SENT in lead and KEPT_OUT["withheld"] in lead  # to quote it again
    for why in ("unsent", "not agreed", "flagged"):
        assert KEPT_OUT[why] not in lead, why


def test_quotes_take_out_staff_and_respondent_names(session, make_user):
    make_user("lead", name="Priya Shah")
    survey = survey_for(session)
    respond(
        session,
        survey,
        {"helped_most": "Priya helps. I am Zeb Quill, call me"},
        name="Zeb Quill",
        ok_to_quote=True,
    )
    [quote] = quotable(session)
    assert quote.text == "[name] helps. I am [name] [name], call me"


def test_a_quote_appears_once_in_an_edition(session):
    survey = survey_for(session)
    themes = ["Keeping promises", "Family time", "Being kept informed"]  # principles 1, 3, 6
    respond(
        session,
        survey,
        {"helped_most": "I see my brother now"},
        ok_to_quote=True,
        themes=themes,
        when=datetime.now(UTC) - timedelta(hours=1),
    )
    report = build_report(session, _period())
    assert [q for p in report.principles for q in p.quotes] == ["I see my brother now"]


def test_a_period_looks_among_the_newest_responses_first_and_widens_until_it_has_enough(
    session,
):
    # Newest first: 12 responses whose writers did not agree to share, then 3 that did.
    # Two quotes look first among the newest 8 responses (none), then the newest 32.
    now = datetime.now(UTC) - timedelta(hours=1)
    survey = survey_for(session)
    fields = {"themes": THEME, "sentiment": 0.5}
    for n in range(3):
        when = now - timedelta(days=3, minutes=n)
        respond(session, survey, {"helped_most": f"{SENT} {n}"}, when=when, ok_to_quote=True,
                **fields)  # fmt: skip
    for n in range(12):
        when = now - timedelta(minutes=n)
        respond(session, survey, {"helped_most": f"mine {n}"}, when=when, ok_to_quote=False,
                **fields)  # fmt: skip
    session.commit()
    bounds = _period().bounds()
    assert [q.text for q in quotable(session, bounds=bounds, limit=2)] == [
        f"{SENT} 0",
        f"{SENT} 1",
    ]
    assert [q.text for q in quotable(session, bounds=bounds, limit=2, offset=2)] == [f"{SENT} 2"]
    assert [q.text for q in quotable(session, bounds=bounds)] == [f"{SENT} {n}" for n in range(3)]
