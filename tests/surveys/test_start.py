"""The start page by audience, and each survey's start screen in its audience's words."""

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Survey
from tests.surveys.conftest import begin, post_answer, send


def test_start_page_lists_open_surveys_in_words_a_child_picks_from(client, shipped):
    page = client.get("/").text
    for words, audience in (
        ("I&#39;m 4 to 7", "4-7"),
        ("I&#39;m 8 to 12", "8-12"),
        ("I&#39;m 13 to 18", "13-18"),
        ("I&#39;m a parent or carer", "parent"),
    ):
        assert words in page
        assert f'href="/s/{shipped[audience]}"' in page
    assert "Staff sign in" in page


def test_closed_and_draft_surveys_are_not_listed_or_started(app, client, shipped):
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.audience == "4-7"))
        survey.close()
        db.session.commit()
    assert shipped["4-7"] not in client.get("/").text
    page = client.get(f"/s/{shipped['4-7']}")
    assert page.status_code == 410 and "not open" in page.text


def test_start_screen_says_who_asks_why_who_reads_and_never_promises_secrecy(client, shipped):
    for audience, slug in shipped.items():
        page = client.get(f"/s/{slug}").text.replace("&#39;", "'")
        assert "Children's Services" in page or "people who help your worker" in page
        assert "read" in page or "look at" in page  # who will read the answers
        assert "name" in page  # anonymous unless they choose
        assert "stop" in page.lower()
        assert "safe" in page  # we will need to tell someone
        for promise in ("secret", "confidential", "nobody will know", "no one will know"):
            assert promise not in page.lower(), (audience, promise)


def test_start_screens_are_in_each_audiences_words(client, shipped):
    little = client.get(f"/s/{shipped['4-7']}").text
    parent = client.get(f"/s/{shipped['parent']}").text
    assert "Let&#39;s start" in little and "no wrong answers" in little
    assert ">Start</button>" in parent and "your family" in parent


def test_a_child_can_carry_on_where_they_left_off_on_the_same_device(client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    post_answer(client, survey, 2, sid, answer="5")
    page = client.get(f"/s/{survey}").text
    assert "Carry on where I left off" in page and f'href="/s/{survey}/3"' in page
    assert "Start again" in page


def test_the_device_remembers_only_a_signed_submission_id(client, survey):
    begin(client, survey)
    cookie = client.get_cookie("survey_response")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    client.set_cookie("survey_response", cookie.value[:-4] + "AAAA")  # tampered
    assert client.get(f"/s/{survey}/1").location.endswith(f"/s/{survey}")


def test_every_survey_screen_links_to_the_privacy_notice_for_its_audience(app, survey):
    client = app.test_client()
    sid = begin(client, survey)
    for path in (f"/s/{survey}", f"/s/{survey}/1", f"/s/{survey}/send"):
        assert 'href="/privacy/8-12?back=' in client.get(path).text, path
    send(client, survey, sid)
    assert 'href="/privacy/8-12?back=' in client.get(f"/s/{survey}/thanks").text
