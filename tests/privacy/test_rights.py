"""Subject access, correction and erasure, end to end through the staff pages."""

import json
import subprocess

from sqlalchemy import select

from feedback.staff.audit import AuditEvent
from feedback.surveys.models import Answer, Response
from tests.privacy.factories import named_survey, respond


def _two_people(session):
    survey = named_survey(session)
    ava = [
        respond(session, survey, name="Ava  Example", words="I like my worker"),
        respond(session, survey, name="ava example", words="More visits please"),
    ]
    other = respond(session, survey, name="Ava Exampleson", words="not hers")
    anonymous = respond(session, survey)
    session.commit()
    return [r.id for r in ava], other.id, anonymous.id


def test_search_finds_exactly_that_person_and_is_audited_without_the_name(
    client, login_as, session
):
    ava_ids, other_id, _ = _two_people(session)
    login_as("lead")
    page = client.post("/staff/privacy/people", data={"name": "AVA EXAMPLE"})
    assert page.status_code == 200
    assert "I like my worker" in page.text and "More visits please" in page.text
    assert "not hers" not in page.text
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "viewed")).all()
    assert len(events) == 1 and "Ava" not in events[0].detail and "responses 2" in events[0].detail


def test_search_needs_a_name_or_reference(client, login_as):
    login_as("lead")
    response = client.post("/staff/privacy/people", data={"name": "  "})
    assert response.status_code == 422 and "Enter a name or a family reference" in response.text


def test_json_export_holds_everything_and_nothing_else(client, login_as, session):
    _two_people(session)
    login_as("lead")
    response = client.post("/staff/privacy/people/export.json", data={"name": "Ava Example"})
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.data)
    assert data["searched_for"]["name"] == "Ava Example"
    words = {a["answer"] for r in data["responses"] for a in r["answers"]}
    assert {"I like my worker", "More visits please"} <= words and "not hers" not in words
    assert all(r["kept_until"] for r in data["responses"])
    assert session.scalar(select(AuditEvent.action).where(AuditEvent.action == "exported"))


def test_pdf_export_reads_back_with_the_answers(client, login_as, session, tmp_path):
    survey = named_survey(session)
    respond(session, survey, name="Zed <b>Bold", words="I feel <b>sad & cross")
    session.commit()
    login_as("admin")
    response = client.post("/staff/privacy/people/export.pdf", data={"name": "zed <b>bold"})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = tmp_path / "out.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zed <b>Bold" in text and "I feel <b>sad & cross" in text
    assert session.scalar(select(AuditEvent.action).where(AuditEvent.action == "pdf"))


def test_correcting_a_name_and_an_answer(client, login_as, session):
    ava_ids, _, _ = _two_people(session)
    login_as("lead")
    response = client.post(
        "/staff/privacy/people/correct", data={"name": "Ava Example", "new_name": "Ava Exemple"}
    )
    assert response.status_code == 200 and "corrected on 2 record(s)" in response.text
    session.expire_all()
    assert {session.get(Response, i).respondent_name for i in ava_ids} == {"Ava Exemple"}

    answer = session.scalar(
        select(Answer).where(Answer.response_id == ava_ids[0], Answer.value == "I like my worker")
    )
    fixed = client.post(
        "/staff/privacy/people/answer",
        data={"name": "Ava Exemple", "answer_id": answer.id, "text": "I like my social worker"},
    )
    assert fixed.status_code == 200
    session.expire_all()
    assert session.get(Answer, answer.id).value == "I like my social worker"

    # The corrected words are analysed again: what is stored describes them.
    client.post(
        "/staff/privacy/people/answer",
        data={"name": "Ava Exemple", "answer_id": answer.id, "text": "I hate it, nobody listens"},
    )
    session.expire_all()
    corrected = session.get(Answer, answer.id)
    assert corrected.value == "I hate it, nobody listens" and corrected.sentiment == "negative"


def test_a_corrected_answer_s_day_is_counted_again(client, login_as, session):
    from feedback.analysis.daily import DayStamp, refresh

    ava_ids, _, _ = _two_people(session)
    day = session.get(Response, ava_ids[0]).submitted_at.date()
    refresh(session, day, day)
    session.commit()
    assert session.get(DayStamp, day).responses > 0
    answer = session.scalar(select(Answer).where(Answer.value == "I like my worker"))
    login_as("lead")
    client.post(
        "/staff/privacy/people/answer",
        data={"name": "Ava Example", "answer_id": answer.id, "text": "It is rubbish"},
    )
    session.expire_all()
    assert session.get(DayStamp, day).responses == -1  # counted again on the next read


def test_an_answer_from_someone_else_cannot_be_corrected_by_changing_the_id(
    client, login_as, session
):
    _, other_id, _ = _two_people(session)
    theirs = session.scalar(
        select(Answer).where(Answer.response_id == other_id, Answer.value == "not hers")
    )
    login_as("lead")
    response = client.post(
        "/staff/privacy/people/answer",
        data={"name": "Ava Example", "answer_id": theirs.id, "text": "forged"},
    )
    assert response.status_code == 404
    session.expire_all()
    assert session.get(Answer, theirs.id).value == "not hers"


def test_erasing_needs_confirmation_then_removes_only_that_person(client, login_as, session):
    ava_ids, other_id, anonymous_id = _two_people(session)
    login_as("lead")
    unconfirmed = client.post("/staff/privacy/people/erase", data={"name": "Ava Example"})
    assert unconfirmed.status_code == 422 and "Tick the box" in unconfirmed.text
    assert session.get(Response, ava_ids[0]) is not None

    done = client.post("/staff/privacy/people/erase", data={"name": "Ava Example", "confirm": "y"})
    assert done.status_code == 200 and "Erased: 2 responses" in done.text
    session.expire_all()
    assert all(session.get(Response, i) is None for i in ava_ids)
    assert session.scalar(select(Answer).where(Answer.response_id.in_(ava_ids))) is None
    assert session.get(Response, other_id) and session.get(Response, anonymous_id)
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "erased")).all()
    # one row per record erased, naming it by reference, never its content or the name
    assert sorted((e.target_type, e.target_id) for e in events) == sorted(
        ("responses", str(i)) for i in ava_ids
    )
    assert all(e.detail == "rights request" for e in events)


def test_practitioners_cannot_use_rights_pages(client, login_as):
    login_as("practitioner")
    assert client.post("/staff/privacy/people", data={"name": "x"}).status_code == 403
    assert (
        client.post("/staff/privacy/people/erase", data={"name": "x", "confirm": "y"}).status_code
        == 403
    )


def test_a_childs_drawing_is_part_of_what_we_hold(client, login_as, session):
    from feedback.surveys import services
    from tests.agreements.conftest import drawn_png

    survey = named_survey(session)
    response = services.start_response(session, survey)
    question = next(q for q in survey.questions if q.kind == "text")
    services.record_answer(session, response, question, drawing=drawn_png())
    services.submit_response(session, response, "Robin Draws")
    session.commit()
    login_as("lead")
    data = client.post("/staff/privacy/people/export.json", data={"name": "robin draws"}).json
    drawings = [a["drawing"] for a in data["responses"][0]["answers"] if a["drawing"]]
    assert len(drawings) == 1 and drawings[0].startswith("data:image/png;base64,")
    page = client.post("/staff/privacy/people", data={"name": "robin draws"})
    assert page.status_code == 200 and 'alt="Their drawing"' in page.text
    pdf = client.post("/staff/privacy/people/export.pdf", data={"name": "robin draws"})
    assert pdf.status_code == 200
