"""Static files get hashed names and a year-long cache; text goes out gzipped."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from feedback import assets
from feedback.compress import gzip_bytes

ROOT = Path(__file__).resolve().parents[1]
CSS = (ROOT / "static" / "css" / "app.css").read_bytes()
GZIP = {"Accept-Encoding": "gzip, deflate"}


def stylesheet_url(client) -> str:
    page = client.get("/staff/login").text
    match = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page)
    assert match, "the page should link its stylesheet by a hashed name"
    return match[1]


def test_pages_link_the_stylesheet_by_its_content_hash(client):
    url = stylesheet_url(client)
    digest = url.split(".")[-2]
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == CSS
    assert response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["ETag"] == f'"{digest}"'


def test_a_changed_file_gets_a_new_name(app, tmp_path):
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    sheet = static / "css" / "extra.css"
    sheet.write_text("body { color: black; }")
    app.static_folder = str(static)
    with app.test_request_context():
        first = assets.hashed_name("css/extra.css")
        sheet.write_text("body { color: navy; }")
        second = assets.hashed_name("css/extra.css")
    assert first != second
    assert re.fullmatch(r"css/extra\.[0-9a-f]{12}\.css", second)


def test_an_old_hash_or_a_plain_name_must_be_revalidated(client):
    for url in ("/static/css/app.000000000000.css", "/static/css/app.css"):
        response = client.get(url)
        assert response.status_code == 200 and response.data == CSS
        assert response.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "url", ["/static/css/nothing.css", "/static/../feedback/config.py", "/static/css/"]
)
def test_unknown_static_files_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_a_cached_copy_is_confirmed_with_304(client):
    url = stylesheet_url(client)
    etag = client.get(url).headers["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_stylesheet_is_gzipped_for_browsers_that_accept_it(client):
    url = stylesheet_url(client)
    response = client.get(url, headers=GZIP)
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert len(response.data) < len(CSS)
    assert gzip.decompress(response.data) == CSS
    assert response.headers["ETag"].endswith('-gz"')


def test_pages_are_gzipped_and_keep_their_security_headers(client):
    plain = client.get("/staff/login")
    packed = client.get("/staff/login", headers=GZIP)
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data)
    assert gzip.decompress(packed.data) == plain.data
    for response in (plain, packed):
        assert response.headers["Cache-Control"] == "no-store"
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_gzip_is_not_used_when_refused(client):
    response = client.get("/staff/login", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in response.headers


def test_redirects_and_tiny_responses_are_not_compressed(client):
    response = client.get("/staff/", headers=GZIP)
    assert response.status_code == 302
    assert "Content-Encoding" not in response.headers


def test_gzip_padding_varies_the_length_but_not_the_content():
    body = b"<p>Hello</p>" * 100
    outputs = {gzip_bytes(body) for _ in range(30)}
    assert len({len(o) for o in outputs}) > 1
    assert all(gzip.decompress(o) == body for o in outputs)
    assert gzip.decompress(gzip_bytes(body, padding=0)) == body


def test_headers_a_view_sets_itself_are_kept(app):
    @app.get("/_own-headers")
    def own_headers():
        return "ok", {"Cache-Control": "private, max-age=60", "X-Frame-Options": "SAMEORIGIN"}

    response = app.test_client().get("/_own-headers")
    assert response.headers.getlist("Cache-Control") == ["private, max-age=60"]
    assert response.headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in response.headers


def test_production_pages_carry_hsts(app):
    app.config["PRODUCTION"] = True
    response = app.test_client().get("/staff/login")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")


@pytest.mark.csrf
def test_quick_hidden_fields_match_flask_wtf(app):
    from flask_wtf import FlaskForm
    from wtforms import HiddenField, StringField

    from feedback.forms import SafeForm

    class Plain(FlaskForm):
        sid = HiddenField()
        extra = HiddenField(render_kw={"data-x": "1"})
        name = StringField()

    class Quick(SafeForm, Plain):
        pass

    with app.test_request_context("/"):
        plain, quick = Plain(), Quick()
        for form in (plain, quick):
            form.sid.data = 'a "quoted" <value> & more'
        assert str(quick.hidden_tag()) == str(plain.hidden_tag())
        for name in ("sid", "extra", "csrf_token", "name"):
            assert str(quick[name]) == str(plain[name])
        assert str(quick.hidden_tag("sid")) == str(plain.hidden_tag("sid"))
        assert "&#34;quoted&#34; &lt;value&gt; &amp; more" in quick.hidden_tag()
        assert 'name="csrf_token"' in quick.hidden_tag()


@pytest.mark.parametrize("script_root", ["", "/feedback"])
def test_template_static_urls_match_flask(app, script_root):
    names = ["css/app.css", "css/nothing here.css", "img/x+y (1).svg"]
    with app.test_request_context("/", environ_base={"SCRIPT_NAME": script_root}):
        template_url_for = app.jinja_env.globals["url_for"]
        for name in names:
            assert template_url_for("static", filename=name) == app.url_for("static", filename=name)
        assert template_url_for("staff.login") == app.url_for("staff.login")


def test_small_pages_get_the_fastest_level_and_big_pages_a_smaller_result():
    import random

    rng = random.Random(7)
    words = [f"word{n}" for n in range(400)]
    small = " ".join(rng.choice(words) for _ in range(1000)).encode()[:7000]
    big = " ".join(rng.choice(words) for _ in range(20000)).encode()
    assert gzip_bytes(small, padding=0) == gzip.compress(small, compresslevel=1, mtime=0)
    assert gzip_bytes(big, padding=0) == gzip.compress(big, compresslevel=6, mtime=0)
    assert len(gzip.compress(big, compresslevel=6)) < len(gzip.compress(big, compresslevel=1))


def test_a_redirect_is_sent_as_it_is_with_its_security_headers(client):
    response = client.get("/staff/", headers=GZIP)  # not signed in: off to the sign-in page
    assert response.status_code in (301, 302, 303, 308)
    assert "Content-Encoding" not in response.headers
    assert "Accept-Encoding" not in response.headers.get("Vary", "")
    assert response.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
