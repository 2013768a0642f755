"""Little ones can draw instead of writing: the drawing is kept like any other answer."""

import base64

from feedback.surveys.drawing import MAX_CHARS, PNG_SIGNATURE, is_drawing
from tests.surveys.conftest import begin, make_survey, post_answer, stored

PICTURE = "data:image/png;base64," + base64.b64encode(PNG_SIGNATURE + bytes(60)).decode()


def test_only_png_data_urls_of_a_sensible_size_count_as_drawings():
    assert is_drawing(PICTURE)
    assert not is_drawing("data:image/svg+xml;base64,PHN2Zz4=")
    assert not is_drawing("data:image/png;base64," + base64.b64encode(b"GIF89a" * 5).decode())
    assert not is_drawing("data:image/png;base64,not base64!")
    assert not is_drawing(PICTURE + "A" * MAX_CHARS)
    assert not is_drawing("")


def test_a_drawing_on_its_own_is_an_answer_and_comes_back_on_back(app, client, session):
    slug = make_survey(session, audience="4-7").slug
    page = client.get(f"/s/{slug}")
    sid = begin(client, slug)
    assert 'id="drawing"' in client.get(f"/s/{slug}/6").text
    assert post_answer(client, slug, 6, sid, drawing=PICTURE).status_code == 303
    answer = stored(app, sid)[1][6]
    assert answer.drawing == PICTURE and answer.value is None and not answer.skipped
    assert f'name="drawing" value="{PICTURE}"' in client.get(f"/s/{slug}/6").text
    assert page.status_code == 200


def test_words_and_a_drawing_are_kept_together(app, client, session):
    slug = make_survey(session, audience="4-7").slug
    sid = begin(client, slug)
    post_answer(client, slug, 6, sid, answer="My dog", drawing=PICTURE, ok_to_quote="y")
    answer = stored(app, sid)[1][6]
    assert (answer.value, answer.drawing, answer.ok_to_quote) == ("My dog", PICTURE, True)


def test_a_broken_drawing_is_refused_with_a_clear_message(app, client, session):
    slug = make_survey(session, audience="4-7").slug
    sid = begin(client, slug)
    page = post_answer(client, slug, 6, sid, answer="hi", drawing="data:text/html,<b>")
    assert page.status_code == 422 and "could not save that drawing" in page.text
    assert stored(app, sid)[1] == {}


def test_skip_drops_a_drawing_and_older_children_get_no_drawing_area(app, client, survey):
    sid = begin(client, survey)
    assert 'id="drawing"' not in client.get(f"/s/{survey}/6").text
    post_answer(client, survey, 6, sid, go="skip", drawing=PICTURE)
    answer = stored(app, sid)[1][6]
    assert answer.skipped and answer.drawing is None
