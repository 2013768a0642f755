"""Setting when a question is asked in the builder, and keeping every condition sound:
moves, changes and removals that would break one are refused with a clear message."""

from __future__ import annotations

import html

from feedback.extensions import db
from feedback.surveys.models import Question, Survey
from tests.builder.conftest import make_survey

WHEN = "/staff/surveys/{}/questions/{}/when"


def _ids(app, survey_id) -> list[int]:
    with app.app_context():
        return [q.id for q in db.session.get(Survey, survey_id).questions]


def _rule(app, question_id):
    with app.app_context():
        return db.session.get(Question, question_id).show_when


def test_a_lead_ticks_answers_to_an_earlier_question(app, client, lead, survey_id):
    first, second, third = _ids(app, survey_id)
    page = client.get(WHEN.format(survey_id, third))
    assert page.status_code == 200
    # Faces and "choose one" questions before it are offered; itself and later ones not.
    assert 'value="worker_kind:1"' in page.text and 'value="contact_way:phone"' in page.text
    assert "do_differently:" not in page.text
    reply = client.post(WHEN.format(survey_id, third), data={"when": ["contact_way:phone"]})
    assert reply.status_code == 302
    assert _rule(app, third) == {"question": "contact_way", "values": ["phone"]}
    overview = client.get(f"/staff/surveys/{survey_id}").text
    assert "Asked only when" in overview and "On the phone" in overview
    page = client.get(WHEN.format(survey_id, third)).text
    assert 'value="contact_way:phone" checked' in page
    # Ticking nothing asks everyone again.
    assert client.post(WHEN.format(survey_id, third), data={}).status_code == 302
    assert _rule(app, third) is None


def test_answers_to_two_questions_or_a_later_one_are_refused(app, client, lead, survey_id):
    first, second, third = _ids(app, survey_id)
    both = {"when": ["contact_way:phone", "worker_kind:1"]}
    reply = client.post(WHEN.format(survey_id, third), data=both)
    assert reply.status_code == 422 and "one earlier question only" in reply.text
    later = client.post(WHEN.format(survey_id, second), data={"when": ["contact_way:phone"]})
    assert later.status_code == 422
    assert _rule(app, second) is None and _rule(app, third) is None
    page = client.get(WHEN.format(survey_id, first))
    assert page.status_code == 200 and "asked of everyone" in page.text


def test_moving_a_question_above_the_answer_it_needs_is_refused(app, client, lead, survey_id):
    first, second, third = _ids(app, survey_id)
    client.post(WHEN.format(survey_id, third), data={"when": ["contact_way:phone"]})
    move = f"/staff/surveys/{survey_id}/questions/{third}/move"
    reply = client.post(move, data={"direction": "up"})
    assert reply.status_code == 409
    assert 'Question 3 ("What should change?") is asked only after an answer to question 2' in (
        html.unescape(reply.text)
    )
    down = client.post(
        f"/staff/surveys/{survey_id}/questions/{second}/move", data={"direction": "down"}
    )
    assert down.status_code == 409
    assert _ids(app, survey_id) == [first, second, third]
    # An unrelated move is fine.
    reply = client.post(
        f"/staff/surveys/{survey_id}/questions/{second}/move", data={"direction": "up"}
    )
    assert reply.status_code == 302 and _ids(app, survey_id) == [second, first, third]


def test_taking_out_or_changing_the_question_others_need_is_refused(app, client, lead, survey_id):
    first, second, third = _ids(app, survey_id)
    client.post(WHEN.format(survey_id, third), data={"when": ["contact_way:phone"]})
    reply = client.post(f"/staff/surveys/{survey_id}/questions/{second}/remove")
    assert reply.status_code == 409 and "Change when it is asked first" in reply.text
    assert second in _ids(app, survey_id)
    edit = {
        "kind": "text",
        "principle": "6",
        "text": "How do you like to talk to your worker?",
    }
    reply = client.post(f"/staff/surveys/{survey_id}/questions/{second}", data=edit)
    assert reply.status_code == 409 and "Keep those answers" in reply.text
    # Taking out the question with the condition is fine; then the other can go too.
    assert client.post(f"/staff/surveys/{survey_id}/questions/{third}/remove").status_code == 302
    assert client.post(f"/staff/surveys/{survey_id}/questions/{second}/remove").status_code == 302


def test_a_question_from_the_bank_is_asked_of_everyone(app):
    from feedback.builder import conditions, questions

    with app.app_context():
        source = make_survey(db.session)
        order = source.questions
        conditions.set_condition(db.session, order[2], order, "contact_way", ["visit"])
        target = make_survey(db.session, questions=[])
        added = questions.add_from_bank(db.session, target, order[2])
        assert added.show_when is None and order[2].show_when is not None
