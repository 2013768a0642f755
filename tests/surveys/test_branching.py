"""Branching: a question asked only when an earlier answer is one of some values. The
server picks each next screen, Back follows the path taken, and answers to questions
not asked are neither "skipped" nor kept."""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys import branching
from feedback.surveys.models import Answer, Question, Survey
from tests.surveys.conftest import begin, make_survey, post_answer, send, stored

BRANCHED = {
    "title": "Your worker",
    "questions": [
        {
            "bank_key": "listened",
            "kind": "yesno",
            "principle": 3,
            "text": "Do you feel listened to?",
        },
        {
            "bank_key": "why_not",
            "kind": "text",
            "principle": 3,
            "text": "Tell us why not",
            "show_when": {"question": "listened", "values": ["no", "not-sure"]},
        },
        {
            "bank_key": "talk",
            "kind": "multi",
            "principle": 6,
            "text": "How do you like to talk?",
            "options": [
                {"value": "visit", "label": "When they visit"},
                {"value": "phone", "label": "On the phone"},
            ],
        },
        {
            "bank_key": "phone_when",
            "kind": "text",
            "principle": 6,
            "text": "When is a good time to phone?",
            "show_when": {"question": "talk", "values": ["phone"]},
        },
        {"bank_key": "feel", "kind": "faces3", "principle": 1, "text": "How do you feel?"},
    ],
}


def branched(app) -> str:
    with app.app_context():
        return make_survey(db.session, **BRANCHED).slug


def _q(bank_key, show_when=None, kind="yesno") -> Question:
    return Question(id=hash(bank_key) % 10000, bank_key=bank_key, kind=kind, show_when=show_when)


def test_the_rule_asks_waits_or_does_not_ask_in_order():
    first = _q("a")
    second = _q("b", {"question": "a", "values": ["no"]})
    third = _q("c", {"question": "b", "values": ["yes"]})  # depends on a conditional one
    order = [first, second, third]
    assert branching.states(order, {}) == {
        first.id: "asked",
        second.id: "waiting",
        third.id: "waiting",
    }
    said_no = {"a": Answer(value="no", skipped=False)}
    assert branching.states(order, said_no)[second.id] == "asked"
    said_yes = {"a": Answer(value="yes", skipped=False), "b": Answer(value="yes", skipped=False)}
    states = branching.states(order, said_yes)
    assert states[second.id] == "not asked"
    assert states[third.id] == "not asked"  # its question was not asked: nor is it
    skipped = {"a": Answer(value=None, skipped=True)}
    assert branching.states(order, skipped)[second.id] == "not asked"


def test_a_choose_any_answer_leads_on_when_any_ticked_value_matches():
    talk = _q("talk", kind="multi")
    when = _q("when", {"question": "talk", "values": ["phone"]})
    ticked = {"talk": Answer(choices=["visit", "phone"], skipped=False)}
    assert branching.states([talk, when], ticked)[when.id] == "asked"
    other = {"talk": Answer(choices=["visit"], skipped=False)}
    assert branching.states([talk, when], other)[when.id] == "not asked"


def test_a_condition_on_a_later_or_missing_question_asks_everyone():
    later = _q("later")
    first = _q("first", {"question": "later", "values": ["no"]})
    lost = _q("lost", {"question": "gone", "values": ["no"]})
    assert set(branching.states([first, later, lost], {}).values()) == {"asked"}


def test_answering_no_leads_to_why_and_yes_goes_past_it(app, client):
    slug = branched(app)
    sid = begin(client, slug)
    page = client.get(f"/s/{slug}/1")
    assert "Question 1 of 5" in page.text  # "why not" still counts: it may yet be asked
    reply = post_answer(client, slug, 1, sid, answer="yes")
    assert reply.location.endswith(f"/s/{slug}/3")
    page = client.get(f"/s/{slug}/3")
    assert "Question 2 of 4" in page.text
    assert f'href="/s/{slug}/1"' in page.text  # Back: the question they answered
    # Back to question 1, change to No: now they are asked why.
    reply = post_answer(client, slug, 1, sid, answer="no")
    assert reply.location.endswith(f"/s/{slug}/2")
    page = client.get(f"/s/{slug}/2")
    assert "Question 2 of 5" in page.text and f'href="/s/{slug}/1"' in page.text
    assert post_answer(client, slug, 2, sid, answer="Nobody asks me").location.endswith("/3")
    assert post_answer(client, slug, 3, sid, answer=["visit"]).location.endswith("/5")
    finish = client.get(f"/s/{slug}/send")
    assert post_answer(client, slug, 5, sid, answer="happy").location.endswith("/send")
    assert f'href="/s/{slug}/5"' in client.get(f"/s/{slug}/send").text
    assert finish.status_code == 200
    send(client, slug, sid)
    _, answers = stored(app, sid)
    assert sorted(answers) == [1, 2, 3, 5]  # nothing stored for "when to phone"
    assert answers[2].value == "Nobody asks me"


def test_a_screen_their_answers_do_not_lead_to_moves_them_on(app, client):
    slug = branched(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="yes")
    reply = client.get(f"/s/{slug}/2")
    assert reply.status_code == 302 and reply.location.endswith(f"/s/{slug}/3")


def test_a_changed_answer_drops_the_words_no_longer_asked_for_when_sent(app, client):
    slug = branched(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="no")
    post_answer(client, slug, 2, sid, answer="They talk over me")
    post_answer(client, slug, 1, sid, answer="yes")  # Back, and changed their mind
    _, answers = stored(app, sid)
    assert answers[2].value == "They talk over me"  # kept while they are answering
    post_answer(client, slug, 1, sid, answer="no")  # ... so changing back shows them
    assert "They talk over me</textarea>" in client.get(f"/s/{slug}/2").text
    post_answer(client, slug, 1, sid, answer="yes")
    for n, data in ((3, {"answer": ["phone"]}), (4, {"answer": "After school"}), (5, {})):
        post_answer(client, slug, n, sid, **data)
    send(client, slug, sid)
    _, answers = stored(app, sid)
    assert sorted(answers) == [1, 3, 4, 5]
    assert not answers[5].value and answers[5].skipped  # a real skip stays a skip


def test_resuming_carries_on_at_the_next_question_on_their_path(app, client):
    slug = branched(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="yes")
    with app.app_context():
        from feedback.surveys import services

        response = services.find_response(db.session, sid)
        assert services.next_position(response, response.survey.questions) == 3


def test_a_condition_survives_a_new_version_and_a_copy(app):
    from feedback.builder import questions, services
    from feedback.surveys import services as taking

    with app.app_context():
        survey = make_survey(db.session, **BRANCHED)
        taking.start_response(db.session, survey)  # answered: changes make new versions
        why = survey.questions[1]
        new = questions.change_question(
            db.session, why, kind="text", principle=3, text="Tell us what went wrong"
        )
        assert new.id != why.id and new.show_when == why.show_when
        copy = services.duplicate_survey(db.session, survey, title="Copy")
        welsh = services.translate_survey(db.session, survey, language="cy")
        for other in (copy, welsh):
            assert other.questions[1].show_when == {
                "question": "listened",
                "values": ["no", "not-sure"],
            }
        db.session.commit()
        assert db.session.scalar(select(Survey).where(Survey.title == "Copy")) is not None


def test_words_that_raised_an_alert_are_kept_when_no_longer_asked_for(app, client):
    from feedback.alerts.models import SafeguardingAlert

    slug = branched(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="no")
    post_answer(client, slug, 2, sid, answer="He hits me when I get home")
    post_answer(client, slug, 1, sid, answer="yes")
    send(client, slug, sid)
    _, answers = stored(app, sid)
    assert answers[2].value == "He hits me when I get home"  # with the visit, for the lead
    with app.app_context():
        alert = db.session.scalar(select(SafeguardingAlert))
        assert alert.answer_id == answers[2].id


def test_the_start_page_says_up_to_how_many_when_a_survey_branches(app, client):
    assert "There are up to 5 questions." in client.get(f"/s/{branched(app)}").text
    with app.app_context():
        everyone = [q for q in BRANCHED["questions"] if "show_when" not in q]
        plain = make_survey(db.session, title="Plain", questions=everyone).slug
    page = client.get(f"/s/{plain}").text
    assert "There are 3 questions." in page and "up to" not in page
