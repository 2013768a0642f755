"""Surveys in Welsh and Urdu: the survey's words, the interface words (Flask-Babel),
the page's language and direction, and switching between translations."""

import re

from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.models import Answer, Question, Response, Survey
from tests.surveys.conftest import begin, hidden, post_answer, send


def html_tag(page: str) -> str:
    return re.search(r"<html[^>]*>", page).group(0)


def test_an_urdu_survey_renders_right_to_left_in_urdu(client, versions):
    page = client.get(f"/s/{versions['ur']}").text
    assert html_tag(page) == '<html lang="ur" dir="rtl">'
    assert "ہمارے ساتھ کام" in page  # the survey's own words
    assert "شروع کریں</button>" in page  # "Start", from the Urdu catalogue
    assert "اصل مواد پر جائیں" in page  # "Skip to main content"
    assert 'aria-label="زبان"' in page  # the language switch, labelled "Language"


def test_the_welsh_survey_speaks_welsh_on_every_screen(client, versions):
    slug = versions["cy"]
    start = client.get(f"/s/{slug}").text
    assert html_tag(start) == '<html lang="cy" dir="ltr">'
    assert ">Dechrau</button>" in start and "Mae 10 cwestiwn." in start
    sid = begin(client, slug)
    second = client.get(f"/s/{slug}/2").text
    assert "Cwestiwn 2 o 10" in second and "Nesaf" in second
    assert "Byddai&#39;n well gen i beidio â dweud" in second  # skip, for parents
    assert ">Ydy</span>" in second and ">Nac ydy</span>" in second  # yes/no in Welsh
    assert "Yn ôl" in second  # back
    wrong = post_answer(client, slug, 2, sid, answer="not-a-choice")
    assert wrong.status_code == 422 and "Dewiswch eto" in wrong.text
    assert post_answer(client, slug, 2, sid, answer="yes").status_code == 303
    assert send(client, slug, sid).status_code == 303
    thanks = client.get(f"/s/{slug}/thanks").text
    assert "Diolch" in thanks and "Help a chefnogaeth" in thanks


def test_welsh_answers_are_stored_with_the_welsh_words_and_group_by_bank_key(app, client, versions):
    sid = begin(client, versions["cy"])
    post_answer(client, versions["cy"], 2, sid, answer="no")
    send(client, versions["cy"], sid)
    with app.app_context():
        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        answer = response.answers[0]
        assert (response.language, answer.value, answer.score) == ("cy", "no", 0)
        assert answer.question.text.startswith("Ydy eich gweithiwr")
        keys = db.session.scalars(
            select(Question.bank_key).join(Answer.question).where(Answer.id == answer.id)
        ).all()
        english = db.session.scalar(
            select(Question)
            .join(Survey)
            .where(Survey.key == "parents-carers", Question.bank_key == keys[0])
        )
        assert english.text == "Does your worker do what they say they will do?"


def test_each_version_links_to_the_others_in_their_own_language(client, versions):
    page = client.get(f"/s/{versions['en']}").text
    assert html_tag(page) == '<html lang="en" dir="ltr">'
    assert (
        f'href="/s/{versions["cy"]}"\n      lang="cy" hreflang="cy" dir="ltr">Cymraeg</a>' in page
    )
    assert f'href="/s/{versions["ur"]}"\n      lang="ur" hreflang="ur" dir="rtl">اردو</a>' in page
    assert '<span aria-current="true" lang="en" dir="ltr">English</span>' in page
    home = client.get("/").text
    assert home.count("Working with us") == 1 and "ہمارے ساتھ کام" not in home
    assert f'href="/s/{versions["ur"]}" lang="ur"' in home


def test_a_closed_translation_is_not_offered(app, client, versions):
    with app.app_context():
        welsh = db.session.scalar(select(Survey).where(Survey.slug == versions["cy"]))
        welsh.status = "closed"
        db.session.commit()
    page = client.get(f"/s/{versions['en']}").text
    assert "Cymraeg" not in page and "اردو" in page


def test_other_pages_stay_in_english_after_a_welsh_one(client, versions):
    client.get(f"/s/{versions['cy']}")
    login = client.get("/staff/login").text
    assert html_tag(login) == '<html lang="en" dir="ltr">'
    assert "Skip to main content" in login
    assert "Skip to main content" in client.get(f"/s/{versions['en']}").text


def test_an_urdu_question_screen_keeps_its_answers_and_direction(client, versions):
    slug = versions["ur"]
    sid = begin(client, slug)
    page = client.get(f"/s/{slug}/8").text
    assert html_tag(page) == '<html lang="ur" dir="rtl">'
    assert "سوال 8 از 10" in page and "اسی دن" in page
    assert post_answer(client, slug, 8, sid, answer="same_day").status_code == 303
    assert 'value="same_day" checked' in client.get(f"/s/{slug}/8").text
    assert hidden(page, "submission_id") == sid
