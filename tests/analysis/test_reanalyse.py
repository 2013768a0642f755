"""`flask reanalyse` brings stored comments up to the new rules, one alert per words."""

from sqlalchemy import update

from feedback.alerts.models import SafeguardingAlert
from feedback.analysis.reanalyse import reanalyse
from feedback.surveys.models import Answer
from tests.alerts.factories import alerts, comment_of, count, open_survey, respond


def _as_if_stored_by_old_rules(session, answer: Answer, words: str) -> None:
    """Words the old rules let through: unflagged, forced-negative, no alert."""
    session.execute(
        update(Answer)
        .where(Answer.id == answer.id)
        .values(value=words, flagged=False, sentiment="neutral")
    )
    session.commit()
    session.expire_all()


def test_words_the_old_rules_missed_get_one_alert_however_often_it_runs(session):
    survey = open_survey(session)
    joke = comment_of(session, respond(session, survey, "fine"))
    polish = comment_of(session, respond(session, survey, "fine"))
    session.commit()
    _as_if_stored_by_old_rules(session, joke, "i want to kill myself lol")
    _as_if_stored_by_old_rules(session, polish, "Mój ojczym mnie bije i nie chcę wracać do domu")

    first = reanalyse(session)
    session.commit()
    assert (first.flagged, first.new_alerts) == (2, 2)
    assert session.get(Answer, joke.id).flagged
    assert session.get(Answer, joke.id).sentiment == "negative"  # its own, not forced
    reasons = {a.comment: a.reasons for a in alerts(session)}
    assert reasons["Mój ojczym mnie bije i nie chcę wracać do domu"][0].startswith(
        "not in English (Polish)"
    )

    again = reanalyse(session)
    session.commit()
    assert (again.flagged, again.new_alerts) == (2, 0)
    assert count(session, SafeguardingAlert) == 2


def test_a_comment_alerted_under_old_reasons_gets_no_second_alert(session):
    survey = open_survey(session)
    answer = comment_of(session, respond(session, survey, "my dad hits me"))
    session.commit()
    session.execute(update(SafeguardingAlert).values(reasons=["an old rule: 'hits me'"]))
    session.commit()
    result = reanalyse(session)
    session.commit()
    assert result.new_alerts == 0 and count(session, SafeguardingAlert) == 1
    assert session.get(Answer, answer.id).flagged
