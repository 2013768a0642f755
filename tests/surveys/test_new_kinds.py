"""The kinds added with answer scales as data, taken through the real forms (no
JavaScript): scored and not-scored answers, "Other - tell us", a number and statements
sharing one scale; then counted on the results page and in the CSV."""

import csv
import html
import io

import pytest

from feedback.extensions import db
from feedback.surveys import scales
from feedback.surveys.loader import build_survey
from feedback.surveys.models import Survey
from tests.surveys.conftest import begin, post_answer, send, stored

OWN = [
    {"value": "lots", "label": "Lots", "emoji": "", "score": 100},
    {"value": "bit", "label": "A bit", "emoji": "", "score": 40},
    {"value": "pnts", "label": "Prefer not to say", "emoji": "", "score": None},
]
NEW_KINDS = {
    "key": "",
    "title": "New kinds",
    "audience": "8-12",
    "status": "open",
    "questions": [
        {"kind": "sometimes", "principle": 1, "text": "Do you trust your social worker?"},
        {"kind": "zero10", "principle": 2, "text": "How good is your bedroom?"},
        {"kind": "scale", "principle": 3, "text": "How much do you see friends?", "options": OWN},
        {"kind": "one_other", "principle": 4, "text": "Who do you live with?",
         "options": [{"value": "mum", "label": "Mum"}, {"value": "carer", "label": "A carer"},
                     scales.other_option()]},
        {"kind": "any_other", "principle": 4, "text": "What do you like doing?",
         "options": [{"value": "sport", "label": "Sport"}, {"value": "games", "label": "Games"},
                     scales.other_option()]},
        {"kind": "number", "principle": 5, "text": "How old are you?",
         "settings": {"min": 8, "max": 11}},
        {"kind": "statements", "principle": 6, "text": "How true are these?",
         "options": scales.ready_made("sometimes"),
         "settings": {"statements": ["I feel safe", "I see my family"], "scale": "sometimes"}},
    ],
}  # fmt: skip
GOOD = {
    1: {"answer": "dont-know"},
    2: {"answer": "7"},
    3: {"answer": "pnts"},
    4: {"answer": "other", "other_words": "My nan, she is lovely and kind"},
    5: {"answer": ["games"], "other_words": "Drawing"},
    6: {"answer": " 9 "},
    7: {"answer-0": "yes", "answer-1": "sometimes"},
}


@pytest.fixture
def new_kinds(app):
    with app.app_context():
        survey = build_survey(NEW_KINDS)
        db.session.add(survey)
        db.session.commit()
        return survey.slug


def test_ready_made_scales_have_scores_or_are_not_scored():
    sometimes = {o["value"]: o["score"] for o in scales.ready_made("sometimes")}
    assert sometimes == {"yes": 100, "sometimes": 50, "no": 0, "dont-know": None}
    assert [o["score"] for o in scales.ready_made("zero10")] == list(range(0, 101, 10))
    assert scales.average_score(OWN, ["lots", "pnts", "bit"]) == 70  # not scored left out


def test_each_new_kind_is_stored_with_its_meaning(app, client, new_kinds):
    sid = begin(client, new_kinds)
    for n, data in GOOD.items():
        assert post_answer(client, new_kinds, n, sid, **data).status_code == 303, n
    send(client, new_kinds, sid)
    _response, a = stored(app, sid)
    assert (a[1].value, a[1].score) == ("dont-know", None)  # counted, not scored
    assert (a[2].value, a[2].score) == ("7", 70)
    assert (a[3].value, a[3].score) == ("pnts", None)
    assert a[4].choices == ["other"] and a[4].value.startswith("My nan")
    assert a[4].sentiment is not None  # analysed like any comment
    assert a[5].choices == ["games", "other"] and a[5].value == "Drawing"  # words choose Other
    assert (a[6].value, a[6].score) == ("9", None)
    assert a[7].choices == ["yes", "sometimes"] and a[7].score == 75


def test_bad_numbers_and_choices_get_a_clear_message_not_a_500(client, new_kinds):
    sid = begin(client, new_kinds)
    for typed, words in (("nine", "Please type a number using digits"),
                         ("30", "outside the range asked for")):  # fmt: skip
        page = post_answer(client, new_kinds, 6, sid, answer=typed)
        assert page.status_code == 422 and words in page.text
        assert f'value="{typed}"' in page.text  # what they typed is still there
    page = post_answer(client, new_kinds, 4, sid, answer=["mum", "carer"])
    assert page.status_code == 422 and "just one answer" in html.unescape(page.text)
    page = post_answer(client, new_kinds, 7, sid, **{"answer-0": "maybe"})
    assert page.status_code == 422


def test_statements_are_a_fieldset_each_and_work_without_javascript(client, new_kinds):
    sid = begin(client, new_kinds)
    page = client.get(f"/s/{new_kinds}/7").text
    assert page.count('<fieldset class="statement">') == 2
    assert 'name="answer-1" value="dont-know"' in page
    post_answer(client, new_kinds, 7, sid, **{"answer-1": "no"})  # one left unanswered
    again = client.get(f"/s/{new_kinds}/7").text
    assert 'id="answer-1-3" name="answer-1" value="no" checked' in again


def test_results_and_csv_count_the_new_kinds_with_labels(client, login_as, session, new_kinds):
    for _ in range(5):
        sid = begin(client, new_kinds)
        for n, data in GOOD.items():
            post_answer(client, new_kinds, n, sid, **data)
        send(client, new_kinds, sid)
    survey_id = session.query(Survey).filter_by(slug=new_kinds).one().id
    login_as("lead")
    page = html.unescape(client.get(f"/staff/results/?period=30&survey={survey_id}").text)
    assert '<th scope="row">Don\'t know</th><td>5</td><td>100%</td>' in page
    assert '<th scope="row">I see my family: Sometimes</th><td>5</td><td>100%</td>' in page
    assert '<th scope="row">Other - tell us</th><td>5</td>' in page
    assert "The average number typed: 9." in page
    got = client.get(f"/staff/results/answers.csv?period=30&survey={survey_id}")
    rows = list(csv.DictReader(io.StringIO(got.get_data(as_text=True).lstrip("\ufeff"))))
    answers = {r["question"]: r["answer"] for r in rows}
    assert answers["Do you trust your social worker?"] == "Don't know"
    assert answers["What do you like doing?"] == "Games; Other - tell us: Drawing"
    assert answers["How true are these?"] == "I feel safe: Yes; I see my family: Sometimes"
    assert answers["How old are you?"] == "9"


def test_statements_on_a_picture_scale_show_each_options_picture(app, client):
    """The picture addresses are built once a screen and used for every statement."""
    faces = dict(NEW_KINDS, questions=[
        {"kind": "statements", "principle": 6, "text": "How do you feel about these?",
         "options": scales.ready_made("faces3"),
         "settings": {"statements": ["School", "Home", "Friends"], "scale": "faces3"}},
    ])  # fmt: skip
    with app.app_context():
        survey = build_survey(faces)
        db.session.add(survey)
        db.session.commit()
        slug = survey.slug
    begin(client, slug)
    page = client.get(f"/s/{slug}/1").text
    for option in scales.ready_made("faces3"):
        address = f'src="/static/img/{option["picture"]}?v='
        assert page.count(address) == 3, option["value"]
