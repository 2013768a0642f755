"""What the next person on a device can reach: earlier unsent answers only if the first
person chose "Save and come back later"; "Start again" deletes them; the quick exit
makes the device forget."""

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.device import RESPONSE_COOKIE, RESUME_SECONDS
from feedback.surveys.models import Answer, Response
from tests.surveys.conftest import begin, hidden, post_answer, stored


def _response_cookie_header(result) -> str:
    return next(h for h in result.headers.getlist("Set-Cookie") if h.startswith(RESPONSE_COOKIE))


def test_answers_are_remembered_only_until_the_browser_closes(client, survey):
    sid = begin(client, survey)
    header = _response_cookie_header(post_answer(client, survey, 1, sid, answer="happy"))
    assert "Max-Age" not in header and "Expires" not in header


def test_save_and_come_back_later_keeps_them_for_thirty_days(app, client, survey):
    sid = begin(client, survey)
    saved = post_answer(client, survey, 1, sid, go="save", answer="sad")
    assert saved.status_code == 303 and saved.location.endswith(f"/s/{survey}/saved")
    assert f"Max-Age={RESUME_SECONDS}" in _response_cookie_header(saved)
    assert stored(app, sid)[1][1].value == "sad"
    page = client.get(saved.location).text
    assert "Your answers are saved" in page and f"/s/{survey}" in page
    # Carrying on later keeps the device's promise for the answers that follow.
    later = post_answer(client, survey, 2, sid, answer="4")
    assert f"Max-Age={RESUME_SECONDS}" in _response_cookie_header(later)


def test_saving_before_answering_leaves_the_question_to_come_back_to(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    assert post_answer(client, survey, 2, sid, go="save").status_code == 303
    assert set(stored(app, sid)[1]) == {1}
    start = client.get(f"/s/{survey}").text
    assert "Welcome back" in start and f'href="/s/{survey}/2"' in start


def test_welcome_back_only_when_there_are_answers_to_come_back_to(client, survey):
    sid = begin(client, survey)
    assert "Welcome back" not in client.get(f"/s/{survey}").text
    post_answer(client, survey, 1, sid, go="skip")
    assert "Welcome back" not in client.get(f"/s/{survey}").text
    post_answer(client, survey, 2, sid, answer="3")
    assert "Welcome back" in client.get(f"/s/{survey}").text


def test_start_again_deletes_the_earlier_unsent_answers(app, client, survey):
    first = begin(client, survey)
    post_answer(client, survey, 1, first, answer="sad")
    post_answer(client, survey, 6, first, answer="I do not like it at home")
    page = client.get(f"/s/{survey}")
    assert "Start again" in page.text
    again = client.post(f"/s/{survey}", data={"token": hidden(page.text, "token")})
    second = hidden(client.get(again.location).text, "submission_id")
    assert second != first
    with app.app_context():
        assert db.session.scalar(select(Response).where(Response.submission_id == first)) is None
        assert db.session.scalars(select(Answer)).all() == []
    assert client.get(f"/s/{survey}/1").text.count("checked") == 0
    # The earlier id, posted from an old page, no longer reaches anything.
    assert post_answer(client, survey, 2, first, answer="4").status_code == 303
    assert stored(app, second)[1] == {}


def test_start_again_keeps_an_answer_that_raised_a_safeguarding_alert(app, client, survey):
    first = begin(client, survey)
    post_answer(client, survey, 1, first, answer="sad")
    post_answer(client, survey, 6, first, answer="my stepdad hits me when hes drunk")
    page = client.get(f"/s/{survey}")
    client.post(f"/s/{survey}", data={"token": hidden(page.text, "token")})
    with app.app_context():
        kept = db.session.scalars(select(Answer)).all()
        assert [a.value for a in kept] == ["my stepdad hits me when hes drunk"]
        assert kept[0].flagged and kept[0].response.submission_id != first
        assert kept[0].response.status == "in_progress"


def test_the_start_screen_says_what_happens_to_unsent_answers(client, survey):
    page = client.get(f"/s/{survey}").text
    assert "we do not use your answers. We delete them after 30 days." in page


def test_quick_exit_without_javascript_forgets_and_goes_somewhere_plain(client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    assert 'class="quick-exit" href="/leave"' in client.get(f"/s/{survey}/2").text
    out = client.get("/leave")
    assert out.status_code == 303 and out.location == "/today"
    assert _response_cookie_header(out).startswith(f"{RESPONSE_COOKIE}=;")
    assert client.get(f"/s/{survey}/2").status_code == 302  # back to the start: nothing shown
    plain = client.get("/today").text
    assert "<title>Today</title>" in plain and "survey" not in plain.lower()


def test_quick_exit_beacon_forgets_the_response(client, survey):
    begin(client, survey)
    out = client.post("/leave")
    assert out.status_code == 204
    assert _response_cookie_header(out).startswith(f"{RESPONSE_COOKIE}=;")


def test_quick_exit_address_can_be_configured(app, client, survey):
    app.config["QUICK_EXIT_URL"] = "https://www.example.org/"
    assert client.get("/leave").location == "https://www.example.org/"
    assert 'data-exit="https://www.example.org/"' in client.get(f"/s/{survey}").text


def test_a_notice_links_back_to_the_survey_screen_it_was_opened_from(client, survey):
    start = client.get(f"/s/{survey}").text
    assert f'href="/privacy/8-12?back=/s/{survey}"' in start
    page = client.get(f"/privacy/8-12?back=/s/{survey}/3").text
    assert f'class="back-link" href="/s/{survey}/3"' in page
    for elsewhere in ("https://evil.example.com/", "//evil.example.com/s/x", "/staff/login"):
        assert "back-link" not in client.get("/privacy/8-12", query_string={"back": elsewhere}).text
