"""Builder services: make, add, move, remove, open, close, copy, translate, archive."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from feedback.builder import questions, services
from feedback.builder.errors import (
    AlreadyInSurvey,
    BadSchedule,
    BuilderError,
    SurveyArchived,
    SurveyNotReady,
)
from feedback.builder.options import OptionsNotKept
from feedback.db import utcnow
from feedback.staff.audit import AuditEvent
from feedback.surveys.models import Survey
from tests.builder.conftest import answer, make_survey


def texts(survey):
    return [q.text for q in survey.questions]


def test_a_new_survey_is_a_draft_with_starter_words_for_its_audience(session):
    survey = services.create_survey(session, title=" Our new survey ", audience="4-7")
    session.commit()
    assert (survey.title, survey.status, survey.language) == ("Our new survey", "draft", "en")
    assert survey.intro.startswith("Hello!") and "no wrong answers" in survey.intro
    assert survey.thanks and survey.questions == []
    assert session.scalar(select(AuditEvent.action)) == "survey_created"


def test_new_questions_go_at_the_end_with_a_bank_key_and_clean_answers(session):
    survey = make_survey(session)
    question = questions.add_question(
        session,
        survey,
        kind="multi",
        principle=4,
        text=" What would make your meetings better? ",
        options=[
            {"label": "Fewer people", "emoji": "🤏"},
            {"label": "", "emoji": "🙂"},
            {"label": "Fewer people!", "emoji": ""},
        ],
    )
    assert question.position == 4 and question.bank_key == "what_would_make_your_meetings"
    assert question.options == [
        {"value": "fewer_people", "label": "Fewer people", "emoji": "🤏"},
        {"value": "fewer_people_2", "label": "Fewer people!", "emoji": ""},
    ]
    with pytest.raises(OptionsNotKept, match='"x" was not kept'):  # never silently dropped
        questions.add_question(
            session, survey, kind="faces3", principle=1, text="Feel?", options=[{"label": "x"}]
        )
    faces = questions.add_question(
        session, survey, kind="faces3", principle=1, text="How do you feel?", options=[]
    )
    assert [o["value"] for o in faces.options] == ["happy", "ok", "sad"]
    assert texts(survey)[-1] == "How do you feel?"


def test_a_bank_question_is_copied_and_cannot_be_asked_twice(session):
    source = make_survey(session, audience="13-18", title="Other")
    survey = services.create_survey(session, title="Mine", audience="8-12")
    copy = questions.add_from_bank(session, survey, source.questions[1])
    assert copy.id != source.questions[1].id and copy.bank_key == "contact_way"
    assert copy.options == source.questions[1].options and copy.version == 1
    with pytest.raises(AlreadyInSurvey):
        questions.add_from_bank(session, survey, source.questions[1])


def test_moving_questions_up_and_down_renumbers_them(session):
    survey = make_survey(session)
    first, second, third = survey.questions
    questions.move_question(session, third, -1)
    assert texts(survey) == [first.text, third.text, second.text]
    questions.move_question(session, first, 1)
    questions.move_question(session, first, 1)
    questions.move_question(session, first, 1)  # already last: stays
    assert texts(survey) == [third.text, second.text, first.text]
    assert [q.position for q in survey.questions] == [1, 2, 3]


def test_an_unanswered_question_taken_out_is_gone(session):
    survey = make_survey(session)
    questions.remove_question(session, survey.questions[0])
    session.commit()
    assert len(survey.all_questions) == 2 and [q.position for q in survey.questions] == [1, 2]


def test_a_survey_needs_a_question_and_sensible_dates_to_open(session):
    empty = services.create_survey(session, title="Empty", audience="parent")
    with pytest.raises(SurveyNotReady):
        services.open_survey(session, empty)
    survey = make_survey(session)
    now = utcnow()
    with pytest.raises(BadSchedule):
        services.open_survey(session, survey, opens_at=now, closes_at=now - timedelta(days=1))
    with pytest.raises(BadSchedule):
        services.open_survey(session, survey, closes_at=now - timedelta(hours=1))
    services.open_survey(session, survey, opens_at=now + timedelta(days=2))
    assert survey.status == "open" and not survey.is_open()
    services.open_survey(session, survey, closes_at=now + timedelta(days=2))
    assert survey.is_open()
    services.close_survey(session, survey)
    assert survey.status == "closed" and not survey.is_open()


def test_an_archived_survey_cannot_be_changed_or_opened(session):
    survey = make_survey(session)
    services.archive_survey(session, survey)
    for attempt in (
        lambda: services.open_survey(session, survey),
        lambda: services.update_words(session, survey, title="x", intro="", thanks=""),
        lambda: questions.add_question(session, survey, kind="text", principle=1, text="Hi?"),
        lambda: questions.move_question(session, survey.questions[1], -1),
        lambda: services.translate_survey(session, survey, language="cy"),
    ):
        with pytest.raises(SurveyArchived):
            attempt()


def test_a_duplicate_is_a_draft_with_the_current_words_and_no_answers(session):
    survey = make_survey(session, status="open")
    answer(session, survey, 1, value="5")
    questions.change_question(
        session, survey.questions[0], kind="faces5", principle=1, text="How is your new worker?"
    )
    services.archive_survey(session, survey)
    copy = services.duplicate_survey(session, survey, title="Again")
    session.commit()
    assert (copy.title, copy.status, copy.slug != survey.slug) == ("Again", "draft", True)
    assert texts(copy) == texts(survey) and texts(copy)[0] == "How is your new worker?"
    assert [q.version for q in copy.all_questions] == [1, 1, 1]
    assert copy.translation_of_id is None


def test_translations_are_linked_and_one_per_language(session):
    survey = make_survey(session)
    welsh = services.translate_survey(session, survey, language="cy")
    urdu = services.translate_survey(session, welsh, language="ur")
    assert welsh.translation_of_id == survey.id and urdu.translation_of_id == survey.id
    assert [s.language for s in services.translations(session, urdu)] == ["en", "cy", "ur"]
    assert [q.bank_key for q in urdu.questions] == [q.bank_key for q in survey.questions]
    with pytest.raises(BuilderError):
        services.translate_survey(session, survey, language="cy")
    with pytest.raises(BuilderError):
        services.translate_survey(session, survey, language="fr")
    assert session.scalar(select(Survey.language).where(Survey.id == urdu.id)) == "ur"
