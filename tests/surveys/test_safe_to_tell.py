"""What a child is promised, the child gets: the lowest answer to a safety question puts
help first and raises an alert, an alert leads back to the tablet visit, and a child may
ask for someone to talk to them (only the safeguarding lead sees what they give)."""

from sqlalchemy import select

from feedback.alerts.models import SafeguardingAlert
from feedback.extensions import db
from feedback.surveys.loader import build_survey
from tests.surveys.conftest import ONE_OF_EACH, begin, post_answer, send

SAFE = {
    **ONE_OF_EACH,
    "questions": [
        {"kind": "faces3", "principle": 3, "text": "Do you feel safe at home?", "safety": True},
        {"kind": "faces3", "principle": 1, "text": "How do you feel?"},
        {"kind": "text", "principle": 5, "text": "What should we do differently?"},
    ],
}


def _safe_survey(app) -> str:
    with app.app_context():
        survey = build_survey(SAFE)
        db.session.add(survey)
        db.session.commit()
        return survey.slug


def _alerts(app) -> list[SafeguardingAlert]:
    with app.app_context():
        found = db.session.scalars(select(SafeguardingAlert)).all()
        db.session.expunge_all()
        return found


def test_sad_on_a_safety_question_puts_help_first_and_raises_an_alert(app, client):
    slug = _safe_survey(app)
    sid = begin(client, slug)
    assert post_answer(client, slug, 1, sid, answer="sad").status_code == 303
    [alert] = _alerts(app)
    assert alert.kind == "safety_answer" and alert.comment == "Do you feel safe at home? — Sad"
    page = client.get(f"/s/{slug}/2").text
    assert page.index('class="help help-first') < page.index("How do you feel?")
    # Back, then Sad again: still one alert.
    post_answer(client, slug, 1, sid, answer="sad")
    assert len(_alerts(app)) == 1


def test_other_answers_and_other_questions_raise_no_alert(app, client):
    slug = _safe_survey(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="ok")
    post_answer(client, slug, 2, sid, answer="sad")  # not a safety question
    assert _alerts(app) == []
    assert "help-first" not in client.get(f"/s/{slug}/3").text


def test_a_child_may_ask_for_someone_to_talk_to_them(app, client):
    slug = _safe_survey(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="sad")
    send(client, slug, sid)
    thanks = client.get(f"/s/{slug}/thanks").text
    assert "Do you want someone to talk to you about this?" in thanks
    assert thanks.index("help-first") < thanks.index('id="thanks"')
    reply = client.post(f"/s/{slug}/talk", data={"contact": "Sam, in Year 5"})
    assert reply.status_code == 200 and "passed this on" in reply.text
    [alert] = _alerts(app)
    assert alert.contact == "Sam, in Year 5"
    # Asked once: the next visit to the page does not ask again.
    assert "talk to you about this" not in client.get(f"/s/{slug}/thanks").text


def test_nobody_is_asked_when_nothing_worried_us(app, client):
    slug = _safe_survey(app)
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="happy")
    send(client, slug, sid)
    assert "talk to you about this" not in client.get(f"/s/{slug}/thanks").text
    reply = client.post(f"/s/{slug}/talk", data={"contact": "Someone"})
    assert reply.status_code == 303 and _alerts(app) == []


def test_an_alert_from_a_tablet_names_the_visit_s_worker_and_team(app, client, login_as, make_user):
    slug = _safe_survey(app)
    worker = login_as("practitioner")
    client.post("/staff/tablet", data={"slug": slug})
    sid = begin(client, slug)
    post_answer(client, slug, 1, sid, answer="sad")
    [alert] = _alerts(app)
    from tests.conftest import login

    lead = app.test_client()
    login(lead, make_user("safeguarding"))
    page = lead.get(f"/staff/alerts/{alert.id}").text
    assert "On a shared tablet handed over by" in page
    with app.app_context():
        from feedback.staff.models import User

        name, team = db.session.get(User, worker.id).name, db.session.get(User, worker.id).team
    assert name in page and f"({team})" in page
