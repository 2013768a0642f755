"""Short links: no look-alike characters, read in any case, printed with the configured
public address (never the Host header a request brings)."""

import pytest

from feedback.config import ConfigError, load_config
from feedback.surveys.models import SLUG_ALPHABET, new_slug
from tests.surveys.conftest import make_survey


def _survey_with_code(session, code: str) -> str:
    survey = make_survey(session)
    survey.slug = code
    session.commit()
    return survey.slug


def test_new_codes_have_no_look_alike_characters():
    codes = {new_slug() for _ in range(300)}
    assert len(codes) == 300
    assert set("".join(codes)) <= set(SLUG_ALPHABET)
    assert not set(SLUG_ALPHABET) & set("0O1lI")


def test_a_code_typed_in_any_case_finds_the_survey(client, session):
    slug = _survey_with_code(session, "K7QW3MPX")
    assert client.get("/s/K7QW3MPX").status_code == 200
    lower = client.get("/s/k7qw3mpx")
    assert lower.status_code == 302 and lower.location == "/s/K7QW3MPX"
    assert client.get("/s/k7Qw3mPx/1").location == "/s/K7QW3MPX/1"
    assert client.post("/s/k7qw3mpx", data={}).status_code == 404  # a form posts the real one
    assert slug == "K7QW3MPX"


def test_older_mixed_case_codes_keep_working(client, session):
    _survey_with_code(session, "aB3-x_Yz")
    _survey_with_code(session, "AB3-X_YZ")  # would clash if every code were upper-cased
    assert client.get("/s/aB3-x_Yz").status_code == 200
    assert "aB3-x_Yz" in client.get("/s/aB3-x_Yz").text
    assert client.get("/s/AB3-X_YZ").status_code == 200
    assert client.get("/s/ab3-x_yz").location == "/s/AB3-X_YZ"


def test_posters_use_the_public_address_not_the_host_header(app, client, login_as, survey):
    app.config["PUBLIC_URL"] = "https://feedback.example.org"
    login_as("lead")
    page = client.get(f"/staff/share/{survey}").text
    assert f"https://feedback.example.org/s/{survey}" in page and "localhost" not in page
    assert b"https://feedback.example.org" in client.get(f"/staff/share/{survey}/qr.svg").data
    with app.test_request_context("/staff/share", base_url="http://evil.example.com"):
        from feedback.extensions import db
        from feedback.surveys.services import open_survey
        from feedback.surveys.share import public_link

        link = public_link(open_survey(db.session, survey))
    assert link == f"https://feedback.example.org/s/{survey}"


def test_public_address_must_be_a_web_address(monkeypatch, tmp_path):
    monkeypatch.setenv("PUBLIC_URL", "feedback.example.org")
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        load_config(tmp_path)
    monkeypatch.setenv("PUBLIC_URL", "https://feedback.example.org/")
    assert load_config(tmp_path)["PUBLIC_URL"] == "https://feedback.example.org"
