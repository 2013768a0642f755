"""build_report: the numbers every edition shows, tested by their values."""

from datetime import UTC, date, datetime

from feedback.reports.data import Figure, build_report
from feedback.reports.models import Action
from feedback.reports.period import Period
from tests.reports.factories import respond, survey_for

SPRING = Period(date(2026, 3, 1), date(2026, 3, 31))
WINTER = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def principle(report, number):
    return report.principles[number - 1]


def all_quotes(report) -> list[str]:
    """Quotes under every principle (a comment sits under the principles of its themes,
    which the analysis finds when it is stored)."""
    return [quote for p in report.principles for quote in p.quotes]


def test_principle_score_is_the_average_of_its_scale_answers(session):
    survey = survey_for(session)
    for _ in range(3):
        respond(session, survey, {"worker_kind": "5", "keeps_promises": "yes"})  # 100, 100
    for _ in range(3):
        respond(session, survey, {"worker_kind": "2", "keeps_promises": "no"})  # 25, 0
    report = build_report(session, SPRING)
    first = principle(report, 1)
    assert first.score == Figure(56)  # (300 + 75) / 12 answers = 56.25
    assert first.responses == Figure(6)
    assert (first.positive, first.neutral, first.negative) == (Figure(50), Figure(0), Figure(50))
    assert report.responses == Figure(6)
    assert [(a.audience, a.responses.value) for a in report.by_audience] == [("8-12", 6)]


def test_fewer_than_5_responses_show_no_number_at_all(session):
    survey = survey_for(session)
    for _ in range(4):
        respond(session, survey, {"worker_kind": "5", "worker_listens": "4"})
    report = build_report(session, SPRING)
    first = principle(report, 1)
    assert first.score.suppressed and first.responses.suppressed and first.positive.suppressed
    assert report.responses.suppressed
    assert all(a.responses.suppressed and a.score.suppressed for a in first.by_audience)


def test_change_since_the_previous_period(session):
    survey = survey_for(session)
    for _ in range(5):
        respond(session, survey, {"worker_kind": "3"}, when=WINTER)  # 50 in February
        respond(session, survey, {"worker_kind": "4"})  # 75 in March
    report = build_report(session, Period(date(2026, 3, 1), date(2026, 3, 28)))
    first = principle(report, 1)
    assert report.previous_period == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert (first.score, first.previous_score, first.change) == (Figure(75), Figure(50), 25)
    assert report.previous_responses == Figure(5)


def test_change_is_not_given_when_the_previous_period_was_small(session):
    survey = survey_for(session)
    respond(session, survey, {"worker_kind": "1"}, when=WINTER)
    for _ in range(5):
        respond(session, survey, {"worker_kind": "4"})
    first = principle(build_report(session, Period(date(2026, 3, 1), date(2026, 3, 28))), 1)
    assert first.previous_score.suppressed and first.change is None


def test_only_comments_marked_ok_to_quote_appear_and_never_flagged_ones(session):
    survey = survey_for(session)
    respond(session, survey, {"helped_most": "She listens to me"}, ok_to_quote=True)
    respond(session, survey, {"helped_most": "Not for quoting"}, ok_to_quote=False)
    respond(session, survey, {"helped_most": "Something worrying"}, ok_to_quote=True, flagged=True)
    assert all_quotes(build_report(session, SPRING)) == ["She listens to me"]


def test_quotes_are_redacted_before_they_reach_the_report(session):
    survey = survey_for(session)
    respond(
        session,
        survey,
        {"helped_most": "Kayden helps, he rang 07700 900123"},
        name="Kayden Smith",
        ok_to_quote=True,
    )
    assert all_quotes(build_report(session, SPRING)) == ["[name] helps, he rang [phone number]"]


def test_themes_are_counted_and_small_themes_suppressed(session):
    survey = survey_for(session)
    for n in range(6):
        respond(
            session,
            survey,
            {"helped_most": f"comment {n}"},
            sentiment="positive",
            themes=["being listened to"] + (["keeping promises"] if n < 2 else []),
        )
    themes = principle(build_report(session, SPRING), 1).themes
    assert [(t.name, t.comments) for t in themes] == [
        ("being listened to", Figure(6)),
        ("keeping promises", Figure(None)),
    ]


def test_filters_by_audience_and_survey(session):
    children, parents = survey_for(session, "8-12"), survey_for(session, "parent")
    for _ in range(5):
        respond(session, children, {"worker_kind": "5"})
        respond(session, parents, {"worker_kind": "1"})
    assert principle(build_report(session, SPRING), 1).score == Figure(50)
    assert principle(build_report(session, SPRING, audiences=["parent"]), 1).score == Figure(0)
    only = build_report(session, SPRING, surveys=[children.id])
    assert principle(only, 1).score == Figure(100)
    assert [title for title, _a, _n in only.surveys] == [children.title]


def test_responses_outside_the_period_are_not_counted(session):
    survey = survey_for(session)
    for _ in range(5):
        respond(session, survey, {"worker_kind": "5"}, when=datetime(2026, 4, 1, tzinfo=UTC))
    assert build_report(session, SPRING).responses.suppressed


def test_actions_finished_before_the_period_are_left_out(session):
    session.add_all(
        [
            Action(
                principle=2, you_told_us="a", we_did="old", status="done", done_on=date(2026, 2, 1)
            ),
            Action(
                principle=2,
                you_told_us="b",
                we_did="recent",
                status="done",
                done_on=date(2026, 3, 5),
                ready_to_publish=True,
            ),
            Action(principle=2, you_told_us="c", we_did="to come", status="planned"),
        ]
    )
    session.flush()
    second = principle(build_report(session, SPRING), 2)
    assert [a.we_did for a in second.actions] == ["recent", "to come"]
    assert [a.we_did for a in second.published_actions] == ["recent"]


def test_quotes_and_themes_sit_under_the_principle_of_their_theme(session):
    survey = survey_for(session)  # "helped_most" is a principle 1 question
    respond(
        session,
        survey,
        {"helped_most": "Seeing my brother more"},
        ok_to_quote=True,
        themes=["Family time"],
    )
    respond(session, survey, {"helped_most": "She is kind"}, ok_to_quote=True, themes=[])
    for _ in range(4):
        respond(session, survey, {"helped_most": "family time"}, themes=["Family time"])
    report = build_report(session, SPRING)
    assert principle(report, 3).quotes == ("Seeing my brother more",)  # Family time: 3
    assert principle(report, 1).quotes == ("She is kind",)
    assert [(t.name, t.comments) for t in principle(report, 3).themes] == [
        ("Family time", Figure(5))
    ]
    assert principle(report, 1).themes == ()
