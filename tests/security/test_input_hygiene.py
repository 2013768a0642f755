"""Input hygiene: Unicode normalised, control characters stripped, sizes limited."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from feedback.forms import FREE_TEXT_MAX, FreeText, SafeForm, clean_text


def test_clean_text_normalises_and_strips_controls():
    assert clean_text("cafe\u0301") == "café"  # NFC
    assert clean_text("a\x00b\x07c\x1bd\x7f") == "abcd"
    assert clean_text("line\r\nnext\rlast") == "line\nnext\nlast"
    assert clean_text("tab\tkept") == "tab\tkept"
    assert clean_text("hid\u200bden \u202eevil\u202c") == "hidden evil"
    family = "👨\u200d👩\u200d👧"  # zero-width joiners hold emoji families together
    assert clean_text(family) == family
    assert clean_text("مرحبا") == "مرحبا"
    assert clean_text(None) is None and clean_text(5) == 5


@given(st.text())
def test_clean_text_never_leaves_a_control_character_and_is_stable(value):
    cleaned = clean_text(value)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in cleaned)
    assert clean_text(cleaned) == cleaned


def test_safe_forms_clean_every_text_field(app):
    class Form(SafeForm):
        words = FreeText("Words")

    with app.test_request_context(method="POST", data={"words": "hi\x00 there\u0301"}):
        form = Form()
        assert form.validate()
        assert form.words.data == "hi theré"


def test_free_text_is_limited_with_a_clear_message(app):
    class Form(SafeForm):
        words = FreeText("Words")

    with app.test_request_context(method="POST", data={"words": "short"}):
        form = Form(meta={"csrf": False})
        form.words.data = "x" * (FREE_TEXT_MAX + 1)
        assert not form.words.validate(form)
        assert "5,000 characters" in form.words.errors[0]
        assert 'maxlength="5000"' in str(form.words())


def test_every_request_value_is_cleaned_on_the_way_in(app):
    seen = {}

    @app.post("/echo-test")
    def echo():
        from flask import request

        seen.update(
            form=request.form.get("a"),
            args=request.args.get("q"),
            password=request.form.get("password"),
        )
        return "ok"

    client = app.test_client()
    client.post("/echo-test?q=x%00y", data={"a": "e\u0301\x00", "password": "p\x00w"})
    assert seen == {"form": "é", "args": "xy", "password": "p\x00w"}


def test_a_field_longer_than_anyone_could_type_is_a_friendly_413(client):
    response = client.post("/staff/login", data={"email": "a" * 100_000, "password": "x"})
    assert response.status_code == 413
    assert "too much to send at once" in response.text


def test_a_ten_megabyte_body_is_a_friendly_413(client):
    response = client.post("/staff/login", data={"email": "a" * 10_000_000})
    assert response.status_code == 413
    assert "Nothing you had already saved has been lost" in response.text
