"""Each worker keeps a survey's questions between requests; any change to the survey or
its questions moves the survey's revision on, so the next screen shows the change."""

from __future__ import annotations

from sqlalchemy import select, update

from feedback.extensions import db
from feedback.surveys.models import Question, Response, Survey
from feedback.surveys.services import start_response
from feedback.surveys.snapshot import survey_view, survey_with_answer
from tests.surveys.conftest import begin, make_survey, post_answer


def _revision(slug: str) -> int:
    return db.session.scalar(select(Survey.revision).where(Survey.slug == slug))


def test_the_view_has_the_current_questions_in_order(app):
    with app.app_context():
        survey = make_survey(db.session)
        first = survey.questions[0]
        first.is_current = False  # as when a question is taken out
        db.session.commit()
        view = survey_view(db.session, survey.slug)
        assert [q.text for q in view.questions] == [q.text for q in survey.questions]
        assert len(view.questions) == 5
        assert view.questions[0].options[0]["value"] == survey.questions[0].options[0]["value"]
        assert view.is_open() and view.title == "One of each kind"
        assert survey_view(db.session, "no-such-survey") is None


def test_changing_a_question_moves_the_revision_on_and_the_copy_follows(app):
    with app.app_context():
        survey = make_survey(db.session)
        slug, before = survey.slug, survey.revision
        assert survey_view(db.session, slug).questions[0].text == "How do you feel?"
        question = db.session.scalar(select(Question).where(Question.survey_id == survey.id))
        question.text = "How are you today?"
        db.session.commit()
        assert _revision(slug) == before + 1
        assert survey_view(db.session, slug).questions[0].text == "How are you today?"


def test_adding_a_question_through_the_survey_moves_the_revision_on(app):
    with app.app_context():
        survey = make_survey(db.session)
        slug, before = survey.slug, survey.revision
        assert len(survey_view(db.session, slug).questions) == 6
        survey.all_questions.append(
            Question(kind="text", principle=2, text="Anything else?", position=99)
        )
        db.session.commit()
        assert _revision(slug) == before + 1
        assert survey_view(db.session, slug).questions[-1].text == "Anything else?"


def test_survey_fields_are_read_fresh_every_time(app):
    with app.app_context():
        survey = make_survey(db.session)
        slug = survey.slug
        survey_view(db.session, slug)
        survey.close()
        db.session.commit()
        view = survey_view(db.session, slug)
        assert view.status == "closed" and not view.is_open()
        # Even a change made in SQL, behind the ORM's back, shows on the next screen.
        db.session.execute(update(Survey).where(Survey.slug == slug).values(title="New title"))
        db.session.commit()
        assert survey_view(db.session, slug).title == "New title"


def test_answers_and_responses_do_not_move_the_revision(app, client):
    with app.app_context():
        survey = make_survey(db.session)
        slug, before = survey.slug, survey.revision
    begin(client, slug)
    with app.app_context():
        start_response(db.session, db.session.scalar(select(Survey).where(Survey.slug == slug)))
        db.session.commit()
        assert db.session.scalar(select(Response.id).limit(1)) is not None
        assert _revision(slug) == before


def test_an_unchanged_question_does_not_move_the_revision(app):
    with app.app_context():
        survey = make_survey(db.session)
        slug, before = survey.slug, survey.revision
        question = survey.questions[0]
        question.text = question.text  # set to what it already was
        db.session.commit()
        assert _revision(slug) == before


def test_the_question_screen_shows_a_builder_change_at_once(app, client):
    with app.app_context():
        survey = make_survey(db.session)
        slug, question_id = survey.slug, survey.questions[0].id
    begin(client, slug)
    assert "How do you feel?" in client.get(f"/s/{slug}/1").text
    with app.app_context():
        db.session.get(Question, question_id).text = "How do you feel right now?"
        db.session.commit()
    assert "How do you feel right now?" in client.get(f"/s/{slug}/1").text


def test_a_screen_guessed_from_old_questions_still_gets_the_right_answer(app, client):
    """Question 1 and 2 swap places after this worker kept the questions: the one query
    that guessed question 1 from them is checked, and the answer looked up again."""
    with app.app_context():
        survey = make_survey(db.session)
        slug = survey.slug
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="happy")
    post_answer(client, slug, 2, sid, answer="4")
    with app.test_request_context():
        view, found = survey_with_answer(db.session, slug, 1, sid)
        assert found.value == "happy" and view.questions[0].text == "How do you feel?"
        first, second = db.session.scalars(
            select(Question).where(Question.survey_id == view.id).order_by(Question.position)
        ).all()[:2]
        first.position, second.position = second.position, first.position
        db.session.commit()
        view, found = survey_with_answer(db.session, slug, 1, sid)
        assert view.questions[0].text == "How well do we listen?" and found.value == "4"
        assert survey_with_answer(db.session, "no-such-survey", 1, sid) == (None, None)
        assert survey_with_answer(db.session, slug, 99, sid)[1] is None
        assert survey_with_answer(db.session, slug, 1, "not-a-response")[1] is None
        # Moved back: the stored answer to the new question 1, with what storing needs.
        first.position, second.position = second.position, first.position
        db.session.commit()
        view, found = survey_with_answer(db.session, slug, 1, sid)
        assert view.questions[0].text == "How do you feel?" and found.value == "happy"
        assert found.submission_id == sid and found.response_id and found.answer_id
        assert found.retain_until is not None
        no_answer = survey_with_answer(db.session, slug, 3, sid)[1]
        assert no_answer.response_id == found.response_id and no_answer.answer_id is None


def test_a_response_to_another_survey_is_not_found_either_way(app, client):
    """Whether or not this worker has kept the second survey's questions yet."""
    with app.app_context():
        first = make_survey(db.session).slug
        second = make_survey(db.session).slug
    sid = begin(client, first)
    with app.test_request_context():
        for _ in range(2):  # not kept yet, then kept
            assert survey_with_answer(db.session, second, 1, sid)[1] is None
        assert survey_with_answer(db.session, first, 1, sid)[1].submission_id == sid


def test_closing_shows_at_once_on_question_screens_even_when_done_in_sql(app, client):
    """The one query of a question screen reads the survey's status and dates itself."""
    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    assert client.get(f"/s/{slug}/1").status_code == 200  # the worker now keeps the view
    assert post_answer(client, slug, 1, sid, answer="happy").status_code == 303
    with app.app_context():
        before = _revision(slug)
        db.session.execute(update(Survey).where(Survey.slug == slug).values(status="closed"))
        db.session.commit()
        assert _revision(slug) == before  # behind the ORM's back: no new revision
    assert client.get(f"/s/{slug}/1").status_code == 410
    assert post_answer(client, slug, 1, sid, answer="sad").status_code == 410
    with app.app_context():
        db.session.execute(update(Survey).where(Survey.slug == slug).values(status="open"))
        db.session.commit()
    assert client.get(f"/s/{slug}/1").status_code == 200
    assert post_answer(client, slug, 1, sid, answer="ok").status_code == 303
