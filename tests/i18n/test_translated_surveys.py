"""The shipped surveys in Welsh and Urdu: each is the English survey in other words (same
questions, kinds, principles, safety and answers), and its privacy notice and service
contact follow its language."""

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.i18n import service_contact, use_language
from feedback.surveys.loader import SHIPPED, build_survey, load_shipped, read_definition
from feedback.surveys.models import Survey

ORIGINALS = ("ages-4-7", "ages-8-12", "ages-13-18", "parents-carers")
TRANSLATIONS = [SHIPPED / f"{key}.{lang}.toml" for key in ORIGINALS for lang in ("cy", "ur")]


def shape(definition: dict) -> list[tuple]:
    """What a translation must keep: everything about each question but its words."""
    survey = build_survey(definition)
    return [
        (q.bank_key, q.kind, q.principle, bool(q.safety), [o["value"] for o in q.options])
        for q in survey.all_questions
    ]


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: p.name)
def test_a_translation_keeps_the_english_survey_s_structure(path: Path):
    translated = read_definition(path)
    english = read_definition(SHIPPED / f"{translated['translation_of']}.toml")
    lang = path.suffixes[0].strip(".")
    assert translated["language"] == lang and translated["key"].endswith(f"-{lang}")
    assert translated["audience"] == english["audience"]
    assert shape(translated) == shape(english)
    for mine, theirs in zip(translated["questions"], english["questions"], strict=True):
        assert mine["text"] != theirs["text"], mine["text"]  # translated, not copied
        assert bool(mine.get("hint")) == bool(theirs.get("hint")), mine["text"]
        for option in mine.get("options", []):
            assert option["label"].strip(), (path.name, mine["bank_key"])
        # Emoji of choice lists stay with their answers.
        emoji = {o["value"]: o.get("emoji") for o in theirs.get("options", [])}
        for option in mine.get("options", []):
            assert option.get("emoji") == emoji.get(option["value"]), option
    for words in ("title", "intro", "thanks"):
        assert translated[words].strip() and translated[words] != english[words]


def test_every_shipped_survey_is_offered_in_welsh_and_urdu(app):
    with app.app_context():
        load_shipped(db.session)
        db.session.commit()
        surveys = db.session.scalars(select(Survey)).all()
        by_key = {s.key: s for s in surveys}
        for key in ORIGINALS:
            for lang in ("cy", "ur"):
                version = by_key[f"{key}-{lang}"]
                assert version.language == lang
                assert version.translation_of_id == by_key[key].id


def slug_of(app, key: str) -> str:
    with app.app_context():
        load_shipped(db.session)
        db.session.commit()
        return db.session.scalar(select(Survey.slug).where(Survey.key == key))


def footer_notice_link(page: str) -> str:
    found = re.search(
        r'<footer class="site-footer">.*?<a href="([^"]+)" hreflang="(\w+)"', page, re.S
    )
    # Without the way back to the survey screen (?back=), which every survey page adds.
    link = re.sub(r"[?&]back=[^&]*", "", found.group(1).replace("&amp;", "&"))
    return link, found.group(2)


def test_a_welsh_survey_s_privacy_link_gives_the_welsh_notice(app, client):
    link, hreflang = footer_notice_link(client.get(f"/s/{slug_of(app, 'ages-8-12-cy')}").text)
    assert (link, hreflang) == ("/privacy/8-12?lang=cy", "cy")
    notice = client.get(link).text
    assert '<html lang="cy" dir="ltr">' in notice
    assert "<h1>Beth sy'n digwydd i dy atebion</h1>" in notice and "2 flynedd" in notice
    assert "What happens to your answers" not in notice
    # The link to the next notice keeps the language.
    assert 'href="/privacy/13-18?lang=cy"' in notice


def test_an_urdu_notice_runs_right_to_left_and_an_english_one_is_unchanged(app, client):
    link, hreflang = footer_notice_link(client.get(f"/s/{slug_of(app, 'ages-4-7-ur')}").text)
    assert (link, hreflang) == ("/privacy/4-7?lang=ur", "ur")
    notice = client.get(link).text
    assert '<html lang="ur" dir="rtl">' in notice and "We do not ask your name" not in notice
    english = client.get("/privacy/4-7").text
    assert '<html lang="en" dir="ltr">' in english and "We do not ask your name." in english
    link, hreflang = footer_notice_link(client.get(f"/s/{slug_of(app, 'ages-4-7')}").text)
    assert (link, hreflang) == ("/privacy/4-7", "en")


def test_an_unknown_language_gives_the_english_notice(client):
    page = client.get("/privacy/parent?lang=xx")
    assert page.status_code == 200 and '<html lang="en" dir="ltr">' in page.text


def test_the_service_contact_follows_the_language_and_falls_back_to_english(app):
    app.config.update(
        SERVICE_CONTACT="Call 01234", SERVICE_CONTACT_CY="Ffoniwch 01234", SERVICE_CONTACT_UR=""
    )
    with app.test_request_context():
        use_language("cy")
        assert service_contact() == "Ffoniwch 01234"
        use_language("ur")
        assert service_contact() == "Call 01234"  # no Urdu one given
        use_language("en")
        assert service_contact() == "Call 01234"


def test_a_welsh_thank_you_screen_gives_the_welsh_contact(app, client):
    from tests.surveys.conftest import begin, send

    app.config["SERVICE_CONTACT_CY"] = "Ffoniwch ni ar 01234 000000"
    slug = slug_of(app, "ages-13-18-cy")
    send(client, slug, begin(client, slug))
    assert "Ffoniwch ni ar 01234 000000" in client.get(f"/s/{slug}/thanks").text
