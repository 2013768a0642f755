"""Static files have content-versioned addresses and a year-long cache (WhiteNoise);
pages go out gzipped to browsers that ask, from our own site only (BREACH)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from feedback.static import content_hash

ROOT = Path(__file__).resolve().parents[1]
CSS = (ROOT / "static" / "css" / "app.css").read_bytes()
SAME_SITE = {"Accept-Encoding": "gzip, deflate", "Sec-Fetch-Site": "same-origin"}
CROSS_SITE = {"Accept-Encoding": "gzip, deflate", "Sec-Fetch-Site": "cross-site"}


def stylesheet_url(client) -> str:
    page = client.get("/staff/login").text
    match = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{12})"', page)
    assert match, "the page should link its stylesheet by an address naming its content"
    return match[1]


def fetch(client, url, **kwargs):
    response = client.get(url, buffered=True, **kwargs)  # WhiteNoise streams the file
    response.close()
    return response


def test_pages_link_the_stylesheet_by_its_content_hash(client):
    url = stylesheet_url(client)
    response = fetch(client, url)
    assert response.status_code == 200
    assert response.data == CSS
    assert response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "max-age=31536000, public"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_changed_file_gets_a_new_address(tmp_path):
    sheet = tmp_path / "css" / "extra.css"
    sheet.parent.mkdir()
    sheet.write_text("body { color: black; }")
    first = content_hash(str(tmp_path), "css/extra.css")
    sheet.write_text("body { color: navy; }")
    second = content_hash(str(tmp_path), "css/extra.css")
    assert first != second and re.fullmatch(r"[0-9a-f]{12}", second)
    assert content_hash(str(tmp_path), "../secret.txt") is None
    assert content_hash(str(tmp_path), "css/nothing.css") is None


@pytest.mark.parametrize(
    "url", ["/static/css/nothing.css", "/static/../feedback/config.py", "/static/css/"]
)
def test_unknown_static_files_are_not_found(client, url):
    assert fetch(client, url).status_code == 404


def test_a_cached_copy_is_confirmed_with_304(client):
    url = stylesheet_url(client)
    etag = fetch(client, url).headers["ETag"]
    again = fetch(client, url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_pages_are_gzipped_for_our_own_site_and_keep_their_security_headers(client):
    plain = client.get("/staff/login")
    packed = client.get("/staff/login", headers=SAME_SITE)
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data)
    assert gzip.decompress(packed.data) == plain.data
    for response in (plain, packed):
        assert response.headers["Cache-Control"] == "no-store"
        assert "Sec-Fetch-Site" in response.headers["Vary"]
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_page_asked_for_from_another_site_is_not_compressed(client):
    """BREACH needs the compressed length of pages another site makes us send."""
    response = client.get("/staff/login", headers=CROSS_SITE)
    assert "Content-Encoding" not in response.headers
    unsure = client.get("/staff/login", headers={"Accept-Encoding": "gzip"})  # says nothing
    assert "Content-Encoding" not in unsure.headers


def test_gzip_is_not_used_when_refused(client):
    headers = {**SAME_SITE, "Accept-Encoding": "gzip;q=0, identity"}
    response = client.get("/staff/login", headers=headers)
    assert "Content-Encoding" not in response.headers


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


def test_a_redirect_is_sent_as_it_is_with_its_security_headers(client):
    response = client.get("/staff/", headers=SAME_SITE)  # not signed in: off to sign in
    assert response.status_code in (301, 302, 303, 308)
    assert "Content-Encoding" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
