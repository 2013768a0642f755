"""The load generator and its survey journeys do what a browser would (no timing here)."""

from __future__ import annotations

import gzip
import threading

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from benchmarks import http_load, journeys, product
from benchmarks.http_client import Client
from benchmarks.profile_routes import InProcessUser
from feedback.extensions import db
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Answer
from feedback.surveys.models import Response as SurveyResponse


@pytest.mark.csrf
def test_load_scenarios_take_a_real_survey_with_csrf(app, session):
    load_shipped(session)
    session.commit()
    product._surveys.clear()  # survey links are remembered per run
    user = InProcessUser(app)
    for _ in range(4):
        product.answer(user, lambda: True)
    product.question_screen(user, lambda: True)
    journey = user.state["journey"]
    assert len(journey.screens) >= 5
    assert set(journey.forms) == set(journey.screens)
    assert all(form.hidden.get("csrf_token") for form in journey.forms.values())
    assert session.scalar(select(func.count()).select_from(Answer)) == 4


@pytest.mark.csrf
def test_each_virtual_user_is_many_children_each_under_the_limits(app, monkeypatch):
    """After PER_CHILD requests the next child takes the connection: new cookies, a new
    address, a response of their own, the forms carried over with its token and id.
    (No app context around the requests: each request gets its own, as when served.)"""
    with app.app_context():
        load_shipped(db.session)
        db.session.commit()
    product._surveys.clear()
    monkeypatch.setattr(product, "PER_CHILD", 3)
    user = InProcessUser(app)
    product.answer(user, lambda: True)
    first = dict(user.headers), user.state["journey"].tokens
    for _ in range(5):  # answers 2 and 3 by the first child, 4 to 6 by the second
        product.answer(user, lambda: True)
    second = dict(user.headers), user.state["journey"].tokens
    assert first[0]["X-Forwarded-For"] != second[0]["X-Forwarded-For"]
    assert first[1]["submission_id"] != second[1]["submission_id"]
    assert first[1]["csrf_token"] != second[1]["csrf_token"]
    with app.app_context():
        counts = db.session.scalars(
            select(func.count(Answer.id)).join(SurveyResponse).group_by(SurveyResponse.id)
        )
        assert sorted(counts) == [3, 3]


def test_form_parser_fills_every_kind_of_field():
    html = """<form method="get" action="/search"><input name="q"></form>
    <form method="post" action="/s/abc/2">
      <input type="hidden" name="csrf_token" value="tok">
      <input type="radio" name="answer" value="happy"><input type="radio" name="answer" value="sad">
      <textarea name="comment"></textarea>
      <button type="button" name="read">Read it to me</button>
      <button type="submit" name="go" value="next">Next</button>
      <button type="submit" name="go" value="skip">Skip</button>
    </form>"""
    form = journeys.post_form(html, "/s/abc/2")
    assert form.action == "/s/abc/2"
    filled = form.filled(__import__("random").Random(1))
    assert filled["csrf_token"] == "tok" and filled["go"] == "next"
    assert filled["answer"] in ("happy", "sad") and filled["comment"] in journeys.COMMENTS


@Request.application
def tiny_app(request: Request) -> Response:
    if request.path == "/gzip":
        response = Response(gzip.compress(b"hello " * 100), content_type="text/plain")
        response.headers["Content-Encoding"] = "gzip"
        return response
    if request.path == "/chunked":
        return Response(iter([b"one ", b"two"]), content_type="text/plain")
    if request.path == "/forget":
        response = Response("gone")
        response.delete_cookie("jar")
        return response
    response = Response(request.cookies.get("jar", "empty"))
    response.set_cookie("jar", "full", httponly=True)
    return response


@pytest.fixture
def tiny_server():
    server = make_server("127.0.0.1", 0, tiny_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join(timeout=5)


def test_client_keeps_and_drops_cookies_and_reads_gzip_and_chunks(tiny_server):
    client = Client(tiny_server)
    try:
        assert client.get("/").text == "empty"
        assert client.get("/").text == "full"
        client.get("/forget")
        assert "jar" not in client.cookies
        assert client.get("/gzip").text == "hello " * 100
        assert client.get("/chunked").text == "one two"
    finally:
        client.close()


def test_load_run_is_bounded_and_counts_each_label(tiny_server):
    results = http_load.run(
        tiny_server,
        lambda c, running: c.get("/", label="home"),
        connections=2,
        seconds=0.3,
        warmup=0.1,
    )
    home = results["home"]
    assert home.requests > 0 and home.errors == 0 and home.failures == 0
    assert home.p50_ms <= home.p99_ms
    merged = http_load.merge([home, home])
    assert merged.requests == 2 * home.requests and merged.per_second == home.per_second
