"""The question bank groups the same question for different ages by its bank key."""

from sqlalchemy import select

from feedback.builder.bank import question_bank
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Survey
from tests.builder.conftest import make_survey


def test_shipped_surveys_make_a_bank_grouped_by_key_with_each_age_s_words(session):
    load_shipped(session)
    bank = {entry.bank_key: entry for entry in question_bank(session)}
    listens = bank["worker_listens"]
    assert listens.principle == 3
    assert [w.audience for w in listens.wordings] == ["4-7", "8-12", "13-18", "parent"]
    assert len({w.text for w in listens.wordings}) == 4


def test_filters_by_principle_and_audience(session):
    load_shipped(session)
    only = question_bank(session, principle=3, audience="4-7")
    assert len(only) == 3 and all(e.principle == 3 for e in only)
    assert all(w.audience == "4-7" for e in only for w in e.wordings)
    assert {e.bank_key for e in question_bank(session, principle=3)} >= {"worker_listens"}


def test_copies_show_once_and_archived_or_other_language_surveys_are_left_out(session):
    make_survey(session)
    make_survey(session, title="A copy")
    make_survey(session, title="Welsh", language="cy")
    archived = make_survey(session, title="Old")
    archived.status = "archived"
    for q in archived.questions:
        q.text = "Old words"
    session.commit()
    entries = question_bank(session)
    assert [len(e.wordings) for e in entries] == [1, 1, 1]
    assert all(w.text != "Old words" for e in entries for w in e.wordings)
    assert len(session.scalars(select(Survey)).all()) == 4
