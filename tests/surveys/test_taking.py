"""Taking a survey with plain form posts: the path that works with JavaScript off."""

import re

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Response, Survey
from tests.surveys.conftest import (
    GOOD_ANSWERS,
    begin,
    post_answer,
    question_id,
    send,
    stored,
)


def test_whole_survey_with_plain_form_posts_is_stored(app, client, survey):
    sid = begin(client, survey)
    for n, data in GOOD_ANSWERS.items():
        page = client.get(f"/s/{survey}/{n}")
        assert f"Question {n} of 6" in page.text
        response = post_answer(client, survey, n, sid, **data)
        assert response.status_code == 303
        assert response.location.endswith(f"/s/{survey}/{n + 1}" if n < 6 else f"/s/{survey}/send")
    assert send(client, survey, sid).location.endswith(f"/s/{survey}/thanks")
    response, answers = stored(app, sid)
    assert response.status == "submitted"
    assert answers[1].value == "happy" and answers[1].score == 100
    assert answers[2].score == 75
    assert answers[3].value == "not-sure"
    assert answers[4].value == "phone"
    assert answers[5].choices == ["who", "fewer"]
    assert answers[6].value == "Come on time please" and answers[6].ok_to_quote


def test_each_answer_is_saved_as_soon_as_it_is_given(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="sad")
    response, answers = stored(app, sid)
    assert response.status == "in_progress"
    assert answers[1].value == "sad"


def test_back_shows_the_answer_already_given(client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="ok")
    post_answer(client, survey, 5, sid, answer=["where"])
    post_answer(client, survey, 6, sid, answer="Be kind")
    assert 'value="ok" checked' in client.get(f"/s/{survey}/1").text
    multi = client.get(f"/s/{survey}/5").text
    assert 'value="where" checked' in multi and 'value="who" checked' not in multi
    assert "Be kind</textarea>" in client.get(f"/s/{survey}/6").text


def test_nothing_is_ticked_before_they_choose(client, survey):
    begin(client, survey)
    for n in range(1, 7):
        page = client.get(f"/s/{survey}/{n}").text
        assert "checked" not in page


def test_changing_an_answer_replaces_it(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="sad")
    post_answer(client, survey, 1, sid, answer="happy")
    _, answers = stored(app, sid)
    assert answers[1].value == "happy" and len(answers) == 1


def test_skip_works_on_every_kind_of_question(app, client, survey):
    sid = begin(client, survey)
    for n in range(1, 7):
        page = client.get(f"/s/{survey}/{n}").text
        assert 'name="go" value="skip"' in page
        # Skip wins even if something was chosen: they said they would rather not say.
        assert post_answer(client, survey, n, sid, go="skip", answer="x").status_code == 303
    send(client, survey, sid)
    response, answers = stored(app, sid)
    assert response.status == "submitted"
    assert all(a.skipped and a.value is None and a.score is None for a in answers.values())


def test_next_without_an_answer_moves_on_as_a_skip(app, client, survey):
    sid = begin(client, survey)
    first = post_answer(client, survey, 1, sid)
    assert first.status_code == 303 and first.location.endswith(f"/s/{survey}/2")
    assert post_answer(client, survey, 5, sid).status_code == 303  # several choices, none ticked
    answers = stored(app, sid)[1]
    assert len(answers) == 2 and all(a.skipped and a.value is None for a in answers.values())


def test_an_answer_that_is_not_a_choice_is_refused(app, client, survey):
    sid = begin(client, survey)
    assert post_answer(client, survey, 1, sid, answer="furious").status_code == 422
    assert post_answer(client, survey, 5, sid, answer=["who", "nope"]).status_code == 422
    assert stored(app, sid)[1] == {}


def test_empty_text_counts_as_skipped_and_too_long_is_refused(app, client, survey):
    sid = begin(client, survey)
    assert post_answer(client, survey, 6, sid, answer="   ").status_code == 303
    assert stored(app, sid)[1][6].skipped
    page = post_answer(client, survey, 6, sid, answer="a" * 4001)
    assert page.status_code == 422 and "too long" in page.text
    assert "a" * 4001 in page.text  # what they wrote is still there


def test_going_to_a_question_without_starting_goes_to_the_start(client, survey):
    response = client.get(f"/s/{survey}/2")
    assert response.status_code == 302 and response.location.endswith(f"/s/{survey}")


def test_question_numbers_outside_the_survey_are_not_found(client, survey):
    begin(client, survey)
    assert client.get(f"/s/{survey}/0").status_code == 404
    assert client.get(f"/s/{survey}/7").status_code == 404
    assert client.get("/s/nope/1").status_code == 404


def test_thank_you_screen_always_shows_where_to_get_help(app, client, survey):
    sid = begin(client, survey)
    send(client, survey, sid)
    page = client.get(f"/s/{survey}/thanks").text
    assert 'href="tel:08001111"' in page and "Childline 0800 1111" in page
    assert 'href="tel:999"' in page
    assert app.config["SERVICE_CONTACT"] in page.replace("&#39;", "'")
    assert "We will read every answer." in page


def test_a_name_is_kept_only_when_the_survey_asks_for_names(app, client, session, survey):
    from tests.surveys.conftest import make_survey

    named = make_survey(session, named_responses=True).slug
    sid = begin(client, named)
    assert 'id="name"' in client.get(f"/s/{named}/send").text
    send(client, named, sid, name="Ava")
    assert stored(app, sid)[0].respondent_name == "Ava"
    sid = begin(client, survey)
    assert 'id="name"' not in client.get(f"/s/{survey}/send").text
    send(client, survey, sid, name="Ava")
    assert stored(app, sid)[0].respondent_name is None


def test_the_only_go_value_sent_is_the_button_pressed(client, survey):
    """A hidden "go" field would be sent before the button's own value and hide a Skip."""
    begin(client, survey)
    page = client.get(f"/s/{survey}/1").text
    assert page.count('name="go"') == 3  # Next, Skip, Save and come back later
    assert 'type="hidden" name="go"' not in page and 'name="go" type="hidden"' not in page


def test_written_words_are_analysed_as_they_are_given_and_again_when_changed(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 6, sid, answer="My worker listens to me and I feel happier.")
    first = stored(app, sid)[1][6]
    assert first.sentiment == "positive" and first.polarity > 0 and not first.flagged
    assert isinstance(first.themes, list)

    post_answer(client, survey, 6, sid, answer="Nobody listens to me and I feel sad and angry.")
    changed = stored(app, sid)[1][6]
    assert changed.id == first.id and changed.sentiment == "negative" and changed.polarity < 0

    post_answer(client, survey, 6, sid, go="skip")
    skipped = stored(app, sid)[1][6]
    assert skipped.skipped and skipped.value is None
    assert (skipped.sentiment, skipped.polarity, skipped.themes) == (None, None, None)


def test_the_same_answer_again_keeps_the_time_it_was_first_given(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 5, sid, answer=["who", "fewer"])
    first = stored(app, sid)[1][5]
    post_answer(client, survey, 5, sid, answer=["who", "fewer"])  # Back, then Next
    again = stored(app, sid)[1][5]
    assert (again.choices, again.answered_at) == (["who", "fewer"], first.answered_at)
    post_answer(client, survey, 5, sid, answer=["who"])
    changed = stored(app, sid)[1][5]
    assert changed.choices == ["who"] and changed.answered_at > first.answered_at


def test_next_screen_addresses_follow_where_the_app_is_mounted(client, survey):
    sid = begin(client, survey)
    plain = post_answer(client, survey, 1, sid, answer="happy")
    mounted = client.post(
        f"/s/{survey}/1",
        data={
            "submission_id": sid,
            "go": "next",
            "answer": "happy",
            "question_id": question_id(client, survey, 1),
        },
        environ_overrides={"SCRIPT_NAME": "/feedback"},
    )
    assert plain.location == f"/s/{survey}/2"
    assert mounted.location == f"/feedback/s/{survey}/2"
    last = post_answer(client, survey, 6, sid, go="skip")
    assert last.location == f"/s/{survey}/send"


def _change_survey(app, slug: str, change) -> None:
    """A lead edits the open survey (through the builder's services) mid-response."""
    from feedback.builder import questions as builder

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        change(builder, survey)
        db.session.commit()


def _filed(app, sid: str) -> dict[str, object]:
    """Each stored answer by the words of the question it is filed under."""
    with app.app_context():
        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        return {a.question.text: a.value or a.choices for a in response.answers}


def test_a_survey_reordered_mid_way_files_each_answer_under_its_own_question(app, client, survey):
    sid = begin(client, survey)
    screen = client.get(f"/s/{survey}/6")  # "What should we do differently?" on screen
    shown = re.search(r'name="question_id" type="hidden" value="(\d+)"', screen.text)[1]
    # Meanwhile the lead moves the last question to the top.
    _change_survey(app, survey, lambda b, s: b.move_question(db.session, s.questions[-1], -10))
    reply = post_answer(client, survey, 6, sid, answer="Listen more", question_id=shown)
    assert reply.status_code == 303
    assert reply.location == f"/s/{survey}/2"  # on to the question after it, as it is now
    # Screen 6 is now "How do you like to talk?" (was 4) ... answered from a fresh screen.
    assert post_answer(client, survey, 6, sid, answer=["who"]).status_code == 303
    assert _filed(app, sid) == {
        "What should we do differently?": "Listen more",
        "What would make meetings better?": ["who"],
    }


def test_a_question_added_or_deleted_mid_way_never_takes_another_answer(app, client, survey):
    sid = begin(client, survey)
    shown = question_id(client, survey, 2)  # "How well do we listen?"
    _change_survey(
        app,
        survey,
        lambda b, s: (
            b.add_question(db.session, s, kind="yesno", principle=1, text="Do you feel safe?"),
            b.move_question(db.session, s.questions[-1], -10),
        ),
    )
    reply = post_answer(client, survey, 2, sid, answer="5", question_id=shown)
    assert reply.location == f"/s/{survey}/4"  # "How well do we listen?" is 3rd now
    assert _filed(app, sid) == {"How well do we listen?": "5"}
    # Retired while on screen (someone has started the survey, so it is kept): the
    # answer is filed under the words they saw, and they go on to what is left to answer.
    retired = question_id(client, survey, 4)  # "Do you understand your plan?"
    _change_survey(app, survey, lambda b, s: b.remove_question(db.session, s.questions[3]))
    reply = post_answer(client, survey, 4, sid, answer="yes", question_id=retired)
    assert reply.location == f"/s/{survey}/1"  # "Do you feel safe?" is still to answer
    assert _filed(app, sid) == {
        "How well do we listen?": "5",
        "Do you understand your plan?": "yes",
    }
    # Deleted outright while on screen: the answer is filed nowhere, and they see what
    # that screen asks now.
    deleted = question_id(client, survey, 1)
    _change_survey(app, survey, lambda b, s: db.session.delete(s.questions[0]))
    reply = post_answer(client, survey, 1, sid, answer="yes", question_id=deleted)
    assert reply.status_code == 303 and reply.location == f"/s/{survey}/1"
    assert len(_filed(app, sid)) == 2


def test_an_answer_without_its_question_is_not_filed(app, client, survey):
    sid = begin(client, survey)
    for forged in ("", "abc", "99999", "-1"):
        reply = post_answer(client, survey, 1, sid, answer="happy", question_id=forged)
        assert reply.status_code == 303 and reply.location == f"/s/{survey}/1"
    assert _filed(app, sid) == {}
