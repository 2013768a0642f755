"""The privacy notices name every cookie the app sets, say how long each lasts, and say
what happens to a drawing, in English, Welsh and Urdu. The cookies are found in the code
itself, so a new cookie fails here until the notices explain it."""

import ast
import importlib
from pathlib import Path

import pytest

from feedback.privacy.cookies import cookie_names

PACKAGE = Path(__file__).resolve().parents[2] / "feedback"
LANGUAGES = ("en", "cy", "ur")


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def cookies_set_in_code(app) -> set[str]:
    """Every cookie name passed to `set_cookie` anywhere in the app, worked out in the
    module that sets it; Flask's session cookie; Flask-Login's remember-me cookie if any
    sign-in asks for it."""
    names = {app.config["SESSION_COOKIE_NAME"]}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            func = call.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == "set_cookie":
                namespace = vars(importlib.import_module(_module(path)))
                expression = ast.Expression(call.args[0] if call.args else call.keywords[0].value)
                names.add(eval(compile(expression, str(path), "eval"), namespace))  # noqa: S307
            if called == "login_user" and any(k.arg == "remember" for k in call.keywords):
                names.add(app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))
    return names


def test_the_cookie_list_is_every_cookie_the_code_sets(app):
    with app.app_context():
        listed = set(cookie_names().values())
    assert listed == cookies_set_in_code(app)
    assert {"session", "survey_response", "survey_device", "survey_tablet"} <= listed


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("audience", ["13-18", "parent"])
def test_the_full_notices_name_every_cookie(app, client, audience, lang):
    page = client.get(f"/privacy/{audience}?lang={lang}").text
    for name in cookies_set_in_code(app):
        assert f"<code>{name}</code>" in page, (audience, lang, name)


def test_each_cookie_says_how_long_it_lasts(client):
    page = client.get("/privacy/13-18").text
    assert "It is deleted when you close your browser." in page  # the session cookie
    assert 'press "Save and come back later" is it kept for 30 days' in page
    assert "It is deleted after 1 day." in page  # survey_device
    assert "It is deleted after 12 hours" in page  # survey_tablet
    assert "It is deleted after 3 months." in page  # staff_browser


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("audience", "full_list"), [("4-7", "/privacy/parent"), ("8-12", "/privacy/13-18")]
)
def test_the_young_notices_explain_cookies_and_lead_to_the_full_list(
    client, audience, full_list, lang
):
    back = "/s/abc123/2"
    page = client.get(f"/privacy/{audience}?lang={lang}&back={back}").text
    assert "survey_response" not in page  # children's words, not the code's
    assert f'href="{back}"' in page  # back to the survey
    assert f"{full_list}?" in page and f"back={back}" in page  # and still, from there


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("audience", ["4-7", "8-12", "13-18", "parent"])
def test_every_notice_says_what_happens_to_a_drawing(client, audience, lang):
    english = client.get(f"/privacy/{audience}").text
    assert "draw" in english and "2 years" in english  # kept with the answers, then deleted
    page = client.get(f"/privacy/{audience}?lang={lang}").text
    words = {"en": "2 years", "cy": "2 flynedd", "ur": "2 سال"}[lang]
    assert words in page


@pytest.mark.parametrize("audience", ["13-18", "parent"])
def test_the_staff_words_used_are_explained_in_every_language(client, audience):
    page = client.get(f"/privacy/{audience}").text
    for word in (
        "Anonymous",
        "Participation lead",
        "Safeguarding lead",
        "Information Commissioner",
    ):
        assert f"<dt>{word}" in page, word
    for lang in ("cy", "ur"):
        assert client.get(f"/privacy/{audience}?lang={lang}").text.count("<dt>") == page.count(
            "<dt>"
        )
