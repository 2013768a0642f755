"""An expired or missing CSRF token, or a lost session, re-shows the screen with what
they gave still there, instead of an error page. Only on the public survey screens."""

import pytest

from tests.surveys.conftest import begin, hidden, question_id, stored

pytestmark = pytest.mark.csrf


def test_an_expired_token_reshows_the_answer_then_saves_it(app, client, survey):
    sid = begin(client, survey)
    page = client.post(
        f"/s/{survey}/1",
        data={
            "question_id": question_id(client, survey, 1),
            "submission_id": sid,
            "go": "next",
            "answer": "sad",
            "csrf_token": "expired",
        },
    )
    assert page.status_code == 400
    assert "please press Next again" in page.text
    assert 'value="sad" checked' in page.text
    assert stored(app, sid)[1] == {}
    again = client.post(
        f"/s/{survey}/1",
        data={
            "question_id": question_id(client, survey, 1),
            "submission_id": sid,
            "go": "next",
            "answer": "sad",
            "csrf_token": hidden(page.text, "csrf_token"),
        },
    )
    assert again.status_code == 303
    assert stored(app, sid)[1][1].value == "sad"


def test_a_lost_session_keeps_their_words_and_earlier_answers(app, client, survey):
    sid = begin(client, survey)
    token = hidden(client.get(f"/s/{survey}/6").text, "csrf_token")
    client.post(
        f"/s/{survey}/1",
        data={
            "question_id": question_id(client, survey, 1),
            "submission_id": sid,
            "go": "next",
            "answer": "happy",
            "csrf_token": token,
        },
    )
    client.delete_cookie("session")  # the browser lost the session (and this device cookie)
    client.delete_cookie("survey_response")
    words = "I want to see my brother more"
    page = client.post(
        f"/s/{survey}/6",
        data={
            "question_id": question_id(client, survey, 6),
            "submission_id": sid,
            "go": "next",
            "answer": words,
            "csrf_token": token,
        },
    )
    assert page.status_code == 400 and f"{words}</textarea>" in page.text
    again = client.post(
        f"/s/{survey}/6",
        data={
            "question_id": question_id(client, survey, 6),
            "submission_id": hidden(page.text, "submission_id"),
            "go": "next",
            "answer": words,
            "csrf_token": hidden(page.text, "csrf_token"),
        },
    )
    assert again.status_code == 303
    _, answers = stored(app, sid)
    assert answers[1].value == "happy" and answers[6].value == words
    # The device remembers the response again, so they can carry on.
    assert 'value="happy" checked' in client.get(f"/s/{survey}/1").text


def test_start_and_send_reshow_the_page_when_the_token_is_missing(app, client, survey):
    page = client.post(f"/s/{survey}", data={"token": "forged"})
    assert page.status_code == 400 and "press Start again" in page.text
    sid = begin(client, survey)
    page = client.post(f"/s/{survey}/send", data={"submission_id": sid})
    assert page.status_code == 400 and "press Send again" in page.text
    assert stored(app, sid)[0].status == "in_progress"


def test_staff_forms_still_refuse_a_missing_token(client):
    response = client.post("/staff/login", data={"email": "a@example.org", "password": "x"})
    assert response.status_code == 400
