"""Form pages take form posts only: any other body is a clear 415, never a 500."""

from __future__ import annotations

import json

import pytest
from werkzeug.routing import IntegerConverter

from tests.conftest import PASSWORD

HOSTILE = [
    {"token": 5},
    {"email": ["a@example.org"], "password": {"x": 1}},
    {"submission_id": None, "answer": 3.5, "name": True},
    {"text": "safe\u202ehidden\x00"},
]


def _post_urls(app) -> list[str]:
    """Every route that takes a POST, with made-up values for its parts."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()):
            continue
        values = {
            arg: 1 if isinstance(rule._converters[arg], IntegerConverter) else "x"
            for arg in rule.arguments
        }
        urls.append(rule.build(values, append_unknown=False)[1])
    return urls


def test_json_and_other_bodies_get_a_clear_415_on_every_post_route(app, client, login_as):
    login_as("admin")
    urls = _post_urls(app)
    assert len(urls) > 30 and "/staff/login" in urls and "/s/x" in urls
    for url in urls:
        for body in HOSTILE:
            response = client.post(url, data=json.dumps(body), content_type="application/json")
            assert response.status_code == 415, (url, body, response.status_code)
            assert "only takes what its form sends" in response.text
        text = client.post(url, data="email=a", content_type="text/plain")
        untyped = client.post(url, data=b"answer=1", headers={"Content-Type": ""})
        assert (text.status_code, untyped.status_code) == (415, 415), url


@pytest.mark.csrf
def test_with_csrf_on_a_json_body_is_still_refused_not_a_500(client):
    response = client.post("/staff/login", json={"email": 5, "password": 5})
    assert response.status_code in (400, 415)


@pytest.mark.ratelimit
def test_a_json_body_cannot_get_round_the_sign_in_back_off(client, make_user):
    user = make_user("lead")
    for _ in range(5):
        client.post("/staff/login", data={"email": user.email, "password": "wrong" * 3})
    assert (
        client.post("/staff/login", json={"email": user.email, "password": PASSWORD}).status_code
        == 415
    )
    form = client.post("/staff/login", data={"email": user.email, "password": PASSWORD})
    assert form.status_code == 429
    assert client.get("/staff/").status_code == 302  # not signed in either way


def test_a_post_with_no_body_is_still_a_form_post(client, login_as):
    login_as("lead")
    response = client.post("/staff/logout")
    assert response.status_code == 302  # signed out as before


def test_a_chunked_body_without_a_type_is_refused(client):
    response = client.post(
        "/staff/login",
        data=b"email=a",
        headers={"Transfer-Encoding": "chunked", "Content-Type": ""},
    )
    assert response.status_code == 415


def test_nul_bytes_and_bidi_overrides_in_the_path_are_cleaned(app, client):
    seen = []
    app.add_url_rule("/echo-for-test/<word>", "echo", lambda word: seen.append(word) or "ok")
    client.get("/echo-for-test/a%00b%E2%80%AEc")
    assert seen == ["abc"]
