"""A family link's token never reaches the access log of the server `make serve` runs."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from feedback.agreements import links
from tests.agreements.conftest import get_agreement, sign_everyone

ROOT = Path(__file__).resolve().parents[2]


def _serve_command() -> str:
    """The gunicorn line exactly as `make serve` would run it (BIND comes from the env)."""
    printed = subprocess.run(
        ["make", "-s", "-n", "serve"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.replace("\\\n", " ")
    return next(line for line in printed.splitlines() if "gunicorn" in line)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(base + "/agreements/check", timeout=10)  # noqa: S310
            return
        except OSError:  # not listening yet (URLError is an OSError)
            time.sleep(0.2)  # polling for start-up, not timing anything
    raise AssertionError("gunicorn did not start")


def test_the_token_is_not_in_the_access_log(app, session, make_user, make_agreement, tmp_path):
    worker = make_user("practitioner")
    agreement = get_agreement(make_agreement(worker.id))
    sign_everyone(session, agreement)
    _link, token = links.create_family_link(session, agreement.current, worker.id, b"k" * 40)
    session.commit()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_ENGINES"]["default"]["url"],
        "FEEDBACK_ENV": "development",
        "SECRET_KEY": "x" * 40,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    log = tmp_path / "access.log"
    with log.open("w") as out:
        # Its own process group: the shell's child (gunicorn) and its worker stop with it.
        proc = subprocess.Popen(  # noqa: S602 (the Makefile's own command line)
            _serve_command(),
            shell=True,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
        try:
            _wait_until_up(base, proc)
            browser = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
            )
            page = browser.open(f"{base}/copy?t={token}").read().decode()  # a link preview
            assert "Open my agreement" in page
            csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
            body = urllib.parse.urlencode({"t": token, "csrf_token": csrf}).encode()
            copy = browser.open(f"{base}/copy", data=body).read().decode()
            assert agreement.reference in copy
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
    text = log.read_text()
    assert '"GET /copy HTTP/1.1" 200' in text and '"POST /copy HTTP/1.1" 303' in text
    assert '"GET /copy/agreement HTTP/1.1" 200' in text
    assert token not in text
