"""A double tap, a retry after a timeout, or Back-and-send-again stores one response.

The parallel tests use real threads against one app, so they run on whatever database
the suite runs on (SQLite by default, PostgreSQL with TEST_DATABASE_URL)."""

import threading

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.surveys import services
from feedback.surveys.models import Answer
from tests.surveys.conftest import (
    begin,
    count_responses,
    hidden,
    post_answer,
    send,
    stored,
)


def _in_parallel(app, count: int, request) -> list[int]:
    """Run `request(client)` in `count` threads released at the same moment."""
    barrier = threading.Barrier(count)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def run():
        client = app.test_client()
        try:
            barrier.wait(timeout=10)
            statuses.append(request(client).status_code)
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return statuses


def test_double_tap_on_start_begins_one_response(app, client, survey):
    token = hidden(client.get(f"/s/{survey}").text, "token")
    first = client.post(f"/s/{survey}", data={"token": token})
    second = client.post(f"/s/{survey}", data={"token": token})
    assert first.location == second.location
    assert count_responses(app) == 1


def test_double_tap_on_send_stores_one_response(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    assert send(client, survey, sid).status_code == 303
    assert send(client, survey, sid).status_code == 303
    assert count_responses(app) == 1
    assert stored(app, sid)[0].status == "submitted"


def test_back_and_send_again_keeps_one_response_and_its_answers(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    send(client, survey, sid)
    sent_at = stored(app, sid)[0].submitted_at
    # Back to an old screen (its form still holds the submission id), then again.
    late = post_answer(client, survey, 1, sid, answer="sad")
    assert late.status_code == 303 and late.location.endswith("/thanks")
    assert send(client, survey, sid).location.endswith("/thanks")
    response, answers = stored(app, sid)
    assert count_responses(app) == 1
    assert answers[1].value == "happy" and response.submitted_at == sent_at


def test_parallel_start_with_one_token_begins_one_response(app, client, survey):
    token = hidden(client.get(f"/s/{survey}").text, "token")
    statuses = _in_parallel(app, 4, lambda c: c.post(f"/s/{survey}", data={"token": token}))
    assert statuses == [303] * 4
    assert count_responses(app) == 1


def test_parallel_retry_of_an_answer_stores_one_answer(app, client, survey):
    sid = begin(client, survey)
    statuses = _in_parallel(app, 4, lambda c: post_answer(c, survey, 1, sid, answer="happy"))
    assert statuses == [303] * 4
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer)) == 1


def test_parallel_retry_of_send_stores_one_response(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="ok")
    statuses = _in_parallel(app, 4, lambda c: send(c, survey, sid))
    assert statuses == [303] * 4
    response, answers = stored(app, sid)
    assert count_responses(app) == 1 and response.status == "submitted"
    assert len(answers) == 1


def test_an_answer_stored_by_a_parallel_request_a_moment_ago_is_replaced(
    app, client, survey, monkeypatch
):
    """The answer was looked up just before a double tap stored it: saving clashes with
    the stored one, and the retry finds it and replaces it (one answer, the newest)."""
    sid = begin(client, survey)
    assert post_answer(client, survey, 1, sid, answer="happy").status_code == 303
    look_up, calls = services.saved_answer, []

    def read_just_before(response, question_id):
        """The first time, as if read just before: without the answer stored since."""
        calls.append(question_id)
        return None if len(calls) == 1 else look_up(response, question_id)

    monkeypatch.setattr(services, "saved_answer", read_just_before)
    assert post_answer(client, survey, 1, sid, answer="sad").status_code == 303
    assert len(calls) == 2  # the clash, then the retry with what is stored now
    with app.app_context():
        assert db.session.scalars(select(Answer.value)).all() == ["sad"]
