"""Once people have answered, a changed question is a new version: every stored answer
keeps the exact words it answered, and results still group by bank key."""

import pytest
from sqlalchemy import func, select

from feedback.builder import questions
from feedback.builder.errors import QuestionNotCurrent
from feedback.surveys.models import Answer, Question
from tests.builder.conftest import answer, make_survey

CHANGE = {"kind": "single", "principle": 6, "hint": ""}


def test_before_anyone_answers_a_change_rewords_the_question_in_place(session):
    survey = make_survey(session)
    question = survey.questions[0]
    changed = questions.change_question(
        session, question, kind="faces5", principle=1, text="How do you get on with your worker?"
    )
    session.commit()
    assert changed.id == question.id and changed.version == 1
    assert session.scalar(select(func.count()).select_from(Question)) == 3


def test_old_answers_stay_tied_to_the_words_they_answered(session):
    survey = make_survey(session)
    old = survey.questions[1]
    given = answer(session, survey, 2, value="phone")
    new = questions.change_question(
        session,
        old,
        **CHANGE,
        text="How would you like to talk to your worker?",
        options=[
            {"value": "visit", "label": "When they come to see me", "emoji": "🏠"},
            {"value": "", "label": "By text message", "emoji": "💬"},
        ],
    )
    session.commit()
    session.expire_all()

    stored = session.get(Answer, given.id)
    assert stored.question.text == "How do you like to talk to your worker?"
    assert [o["label"] for o in stored.question.options] == ["When they visit", "On the phone"]
    assert stored.value == "phone" and not stored.question.is_current

    assert new.id != old.id
    assert (new.version, new.replaces_id, new.is_current) == (2, old.id, True)
    assert (new.bank_key, new.position) == ("contact_way", 2)
    assert [o["value"] for o in new.options] == ["visit", "by_text_message"]
    assert survey.questions[1].id == new.id  # respondents now see the new words
    assert len(survey.questions) == 3 and len(survey.all_questions) == 4


def test_answers_to_every_version_group_by_bank_key(session):
    survey = make_survey(session)
    answer(session, survey, 1, value="5")
    questions.change_question(
        session, survey.questions[0], kind="faces5", principle=1, text="How is your social worker?"
    )
    session.commit()
    answer(session, survey, 1, value="2")
    by_key = select(Question.bank_key, func.count(Answer.id)).join(Answer.question)
    rows = session.execute(by_key.group_by(Question.bank_key)).all()
    assert rows == [("worker_kind", 2)]
    texts = session.scalars(select(Question.text).join(Answer.question).order_by(Answer.id)).all()
    assert texts == ["How is your worker?", "How is your social worker?"]


def test_changing_only_the_principle_keeps_the_same_question(session):
    survey = make_survey(session)
    answer(session, survey, 1, value="4")
    question = survey.questions[0]
    same = questions.change_question(
        session, question, kind="faces5", principle=3, text="How is your worker?"
    )
    assert same.id == question.id and same.principle == 3 and same.version == 1


def test_a_stale_form_cannot_change_an_old_version(session):
    survey = make_survey(session)
    answer(session, survey, 3, value="More visits")
    old = survey.questions[2]
    questions.change_question(session, old, kind="text", principle=5, text="What could be better?")
    session.commit()
    with pytest.raises(QuestionNotCurrent):
        questions.change_question(session, old, kind="text", principle=5, text="Another go")


def test_taking_out_an_answered_question_keeps_it_and_its_answers(session):
    survey = make_survey(session)
    given = answer(session, survey, 2, value="visit")
    questions.remove_question(session, survey.questions[1])
    session.commit()
    session.expire_all()
    assert [q.position for q in survey.questions] == [1, 2]
    assert session.get(Answer, given.id).question.text.startswith("How do you like")
