"""The app as `make serve` runs it (gunicorn.conf.py, two workers) on 127.0.0.1: limits
hold across workers, and slow clients do not keep other visitors waiting.

Every loop here is bounded, and every wait has a time limit.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.request import HTTPCookieProcessor, build_opener

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from feedback import models  # noqa: F401  (every table)
from feedback.db import Model
from feedback.staff.models import User
from tests.conftest import PASSWORD, PG_URL, ROOT, _truncate_all

# Bursts until both workers have taken a part: on a busy machine one worker can
# accept a whole burst or two (the kernel hands connections to whichever waits first).
EMAILS = [f"served{n}@example.org" for n in range(8)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_served(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120  # two workers loading the app on a busy machine
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-2000:]
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                conn.request("GET", "/")
                status = conn.getresponse().status
            finally:
                conn.close()
            assert status == 200, log.read_text()[-2000:]
            return
        except OSError:
            time.sleep(0.5)  # not up yet: look again (a readiness poll, not a timing)
    raise AssertionError("gunicorn did not start:\n" + log.read_text()[-2000:])


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """gunicorn with the project's settings and two workers; yields (port, access log)."""
    tmp = tmp_path_factory.mktemp("served")
    url = PG_URL or f"sqlite:///{tmp / 'served.sqlite'}"
    engine = create_engine(url)
    Model.metadata.create_all(engine)
    with Session(engine) as session:
        for email in EMAILS:
            user = User(email=email, name="Served", role="lead", team="North")
            user.set_password(PASSWORD)
            session.add(user)
        session.commit()
    engine.dispose()
    port, log = _free_port(), tmp / "gunicorn.log"
    env = {
        **os.environ,
        "FEEDBACK_INSTANCE": str(tmp / "instance"),
        "DATABASE_URL": url,
        "SECRET_KEY": "served-test-secret-key-0123456789-abcdefgh",
        "FEEDBACK_ENV": "development",  # plain http here, so cookies without Secure
    }
    command = [
        *(sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"),
        *("--workers", "2", "--bind", f"127.0.0.1:{port}", "--access-logfile", "-"),
        *("--access-logformat", "pid=%(p)s %(m)s %(U)s %(s)s", "feedback.wsgi:app"),
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)  # noqa: S603
    try:
        _wait_until_served(port, process, log)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=30)
        if PG_URL:
            _truncate_all(PG_URL)


def _sign_in(port: int, email: str, password: str = "wrong" * 3) -> int:
    """One sign-in through the real form, on new connections (so either worker may answer)."""
    opener = build_opener(HTTPCookieProcessor(CookieJar()))
    base = f"http://127.0.0.1:{port}/staff/login"
    page = opener.open(base, timeout=30).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token})
    try:
        return opener.open(base, data=body.encode(), timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def _pids(log: Path, path: str) -> set[str]:
    return set(re.findall(rf"pid=<?(\d+)>? POST {re.escape(path)} \d+", log.read_text()))


def test_the_sign_in_back_off_holds_across_two_workers(served):
    port, log = served
    for email in EMAILS:  # at most eight bursts, until both workers have taken a part
        with ThreadPoolExecutor(max_workers=12) as pool:
            statuses = list(pool.map(_sign_in, [port] * 12, [email] * 12))
        assert sorted(statuses) == [401] * 5 + [429] * 7, statuses
        if len(_pids(log, "/staff/login")) == 2:
            break
    assert len(_pids(log, "/staff/login")) == 2, "one worker answered every attempt"
    # Five failures in all for that account from here, not five per worker.
    assert _sign_in(port, email, PASSWORD) == 429


def _hold(port: int, request: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=15)
    sock.sendall(request)
    return sock


POST_HEAD = (
    b"POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n"
)


def test_two_slow_clients_do_not_keep_other_visitors_waiting(served):
    port, _ = served
    slow = [
        _hold(port, POST_HEAD + b"Content-Length: 1000\r\n\r\nemail=a"),  # a body that stalls
        _hold(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"),  # headers that never end
    ]
    try:
        for _ in range(4):  # each on a new connection, answered within a second
            visitor = http.client.HTTPConnection("127.0.0.1", port, timeout=1.0)
            visitor.request("GET", "/")
            assert visitor.getresponse().status == 200
            visitor.close()
    finally:
        for sock in slow:
            sock.close()


def test_a_chunked_body_that_stops_is_let_go_in_seconds_not_held(served):
    port, _ = served
    stalled = _hold(port, POST_HEAD + b"Transfer-Encoding: chunked\r\n\r\n10\r\nemail=")
    try:
        started = time.monotonic()
        reply = stalled.recv(100)  # the socket's own 15-second limit bounds this wait
        # Let go once a read has waited BODY_READ_SECONDS (5): the client is told its
        # request could not be read (400, or 408), and the thread is free again.
        assert reply[:12] in (b"HTTP/1.1 400", b"HTTP/1.1 408"), reply
        assert time.monotonic() - started < 15
    finally:
        stalled.close()


def test_a_malformed_chunked_body_is_refused_at_once(served):
    port, _ = served
    broken = _hold(
        port, POST_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nemail=a\r\n0\r\n\r\n"
    )
    try:
        reply = broken.recv(100)
        assert reply.startswith(b"HTTP/1.1 400"), reply
    finally:
        broken.close()
