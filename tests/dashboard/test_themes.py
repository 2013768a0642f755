"""Moving a comment to another theme; `flask reanalyse` keeps the lead's choice."""

from __future__ import annotations

from sqlalchemy import select, update

from feedback.alerts.models import SafeguardingAlert
from feedback.analysis import THEMES
from feedback.analysis.overrides import ThemeOverride
from feedback.surveys.models import Answer
from tests.alerts.factories import DISCLOSURE, alerts, comment_of, count, open_survey, respond

WORDS = "Nobody tells me anything about my meetings"


def _number(name: str) -> int:
    return next(n for n, t in enumerate(THEMES, start=1) if t.name == name)


def test_a_lead_moves_a_comment_and_reanalyse_keeps_it(client, login_as, session, runner):
    answer = comment_of(session, respond(session, open_survey(session), WORDS))
    session.commit()
    assert "Being kept informed" in answer.themes
    answer_id = answer.id
    login_as("lead")
    march = "period=custom&start=2026-03-01&end=2026-03-31"  # the theme page keeps the period
    page = client.get(f"/staff/dashboard/themes/{_number('Being kept informed')}?{march}").text
    assert WORDS in page
    moved = client.post(
        f"/staff/dashboard/comments/{answer_id}/theme",
        data={"from_theme": "Being kept informed", "to_theme": "Plans", "back": "3"},
    )
    assert moved.status_code == 303
    session.expire_all()
    themes = session.get(Answer, answer_id).themes
    assert "Plans" in themes and "Being kept informed" not in themes
    result = runner.invoke(args=["reanalyse"])
    assert result.exit_code == 0 and "1 kept the themes a lead chose" in result.output
    session.expire_all()
    assert session.get(Answer, answer_id).themes == themes


def test_moving_to_an_unknown_theme_is_refused_clearly(client, login_as, session):
    answer = comment_of(session, respond(session, open_survey(session), WORDS))
    session.commit()
    login_as("lead")
    response = client.post(
        f"/staff/dashboard/comments/{answer.id}/theme",
        data={"from_theme": "Meetings", "to_theme": "Aliens", "back": "4"},
    )
    assert response.status_code == 422 and "Choose one of the themes" in response.text
    assert count(session, ThemeOverride) == 0


def test_flagged_comments_are_not_listed_or_moved_here(client, login_as, session):
    answer = comment_of(session, respond(session, open_survey(session), DISCLOSURE))
    session.commit()
    login_as("lead")
    assert "boyfrend" not in client.get(f"/staff/dashboard/themes/{_number('Feeling safe')}").text
    response = client.post(
        f"/staff/dashboard/comments/{answer.id}/theme",
        data={"from_theme": "Feeling safe", "to_theme": "Plans", "back": "1"},
    )
    assert response.status_code == 404


def test_a_comment_not_yet_sent_cannot_be_moved(client, login_as, session):
    """Its words may still change, and no theme page lists it."""
    import pytest

    from feedback.analysis.overrides import NotSentYet, move_comment

    lead = login_as("lead")
    answer = comment_of(session, respond(session, open_survey(session), WORDS, submit=False))
    session.commit()
    response = client.post(
        f"/staff/dashboard/comments/{answer.id}/theme",
        data={"from_theme": "Being kept informed", "to_theme": "Plans", "back": "3"},
    )
    assert response.status_code == 404 and count(session, ThemeOverride) == 0
    with pytest.raises(NotSentYet):
        move_comment(session, answer, "Being kept informed", "Plans", lead.id)


def test_new_words_on_a_sent_comment_forget_the_leads_choice(session, make_user):
    """As when the demo content gives a sent comment new words."""
    from feedback.analysis.overrides import move_comment
    from feedback.analysis.store import analyse_answer

    lead = make_user("lead")
    answer = comment_of(session, respond(session, open_survey(session), WORDS))
    move_comment(session, answer, "Being kept informed", "Plans", lead.id)
    assert count(session, ThemeOverride) == 1
    answer.value = "my plan is ok"
    analyse_answer(session, answer, words_changed=True)
    assert count(session, ThemeOverride) == 0 and "Plans" in answer.themes


def test_reanalyse_updates_stored_results_in_batches(session, runner):
    survey = open_survey(session)
    answers = [comment_of(session, respond(session, survey, WORDS)) for _ in range(5)]
    session.execute(
        update(Answer)
        .where(Answer.id.in_([a.id for a in answers]))
        .values(sentiment="positive", themes=[])
    )
    session.commit()
    result = runner.invoke(args=["reanalyse", "--batch", "2"])
    assert result.exit_code == 0, result.output
    assert "5 comment(s) analysed again: 5 changed, 0 flagged, 0 new" in result.output
    session.expire_all()
    for answer in session.scalars(select(Answer).where(Answer.value == WORDS)):
        assert answer.sentiment == "negative" and "Being kept informed" in answer.themes


def test_reanalyse_raises_alerts_for_newly_flagged_comments_once(session, runner):
    survey = open_survey(session)
    respond(session, survey, DISCLOSURE)  # already has its alert
    missed = comment_of(session, respond(session, survey, "fine"))
    session.commit()
    # As if the rules had missed these words when they were stored:
    session.execute(
        update(Answer).where(Answer.id == missed.id).values(value="he burns me with a lighter")
    )
    session.commit()
    result = runner.invoke(args=["reanalyse"])
    assert "2 flagged, 1 new safeguarding alert(s)" in result.output, result.output
    again = runner.invoke(args=["reanalyse"])
    assert "2 flagged, 0 new safeguarding alert(s)" in again.output
    assert [a.comment for a in alerts(session)] == [DISCLOSURE, "he burns me with a lighter"]
    assert count(session, SafeguardingAlert) == 2
