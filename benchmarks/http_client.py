"""A tiny HTTP/1.1 client for load tests on 127.0.0.1: a raw socket, a cookie jar, a stopwatch.

No header parsing through `email` and no redirects followed: it costs the server's
machine as little CPU as possible, so the server's figures are the server's.
"""

from __future__ import annotations

import gzip
import socket
import time
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode

LOCALHOST = "127.0.0.1"


class Recording(Protocol):
    def record(self, label: str, started: float, finished: float, ok: bool) -> None: ...


class UnexpectedReply(Exception):
    """The server answered with a status the scenario did not expect."""


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    cookies: list[str]
    raw: bytes

    @property
    def body(self) -> bytes:
        if self.headers.get("content-encoding") == "gzip":
            return gzip.decompress(self.raw)
        return self.raw

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Client:
    """One virtual user: a connection to 127.0.0.1, a cookie jar, and a stopwatch."""

    def __init__(self, port: int, recorder: Recording | None = None):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.recorder = recorder
        self.sock: socket.socket | None = None
        self.state: dict = {}  # whatever the scenario carries between requests
        self.headers: dict[str, str] = {}  # sent with every request (e.g. X-Forwarded-For)

    def _connect(self) -> socket.socket:
        sock = socket.create_connection((LOCALHOST, self.port), timeout=30)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def forget_cookies(self) -> None:
        self.cookies.clear()

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def get(self, path: str, label: str | None = None, expect=(200,)) -> Reply:
        return self.request("GET", path, label=label, expect=expect)

    def post(self, path: str, fields: dict, label: str | None = None, expect=(303, 302)) -> Reply:
        body = urlencode(fields, doseq=True).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, headers, label=label, expect=expect)

    def request(self, method, path, body=b"", headers=None, label=None, expect=(200,)) -> Reply:
        """Send one request; time it under `label` if given; raise if the status is wrong."""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {LOCALHOST}:{self.port}"]
        lines.append("Accept-Encoding: gzip")  # as every browser does
        lines.append("Sec-Fetch-Site: same-origin")  # ... from a page of this site
        for name, value in {**self.headers, **(headers or {})}.items():
            lines.append(f"{name}: {value}")
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        started = time.perf_counter()
        if self.sock is None:
            self.sock = self._connect()
        try:
            self.sock.sendall(data)
            reply, keep_alive = self._read()
        except OSError:
            self.close()
            raise
        finished = time.perf_counter()
        if not keep_alive:
            self.close()
        if self.recorder is not None and label:
            self.recorder.record(label, started, finished, reply.status in expect)
        for cookie in reply.cookies:
            self._remember(cookie)
        if reply.status not in expect:
            raise UnexpectedReply(f"{method} {path}: {reply.status}")
        return reply

    def _remember(self, set_cookie: str) -> None:
        pair, _, attributes = set_cookie.partition(";")
        name, _, value = pair.strip().partition("=")
        attrs = attributes.lower()
        if "max-age=0" in attrs or "expires=thu, 01 jan 1970" in attrs:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def _read(self) -> tuple[Reply, bool]:
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed before the headers")
            buffer += chunk
        head, _, rest = buffer.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers: dict[str, str] = {}
        cookies = []
        for line in header_lines:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookies.append(value)
            headers[name] = value
        length = headers.get("content-length")
        if length is not None:
            rest = self._read_exactly(rest, int(length))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            rest = self._read_chunked(rest)
        else:
            rest = self._read_to_close(rest)
        keep_alive = headers.get("connection", "").lower() != "close" and length is not None
        return Reply(int(status_line.split()[1]), headers, cookies, rest), keep_alive

    def _read_exactly(self, have: bytes, size: int) -> bytes:
        return self._fill(have, size)[:size]

    def _fill(self, have: bytes, size: int) -> bytes:
        """`have` plus what the socket gives until there are at least `size` bytes."""
        while len(have) < size:
            chunk = self.sock.recv(max(65536, size - len(have)))
            if not chunk:
                raise ConnectionError("connection closed mid-body")
            have += chunk
        return have

    def _read_to_close(self, have: bytes) -> bytes:
        while chunk := self.sock.recv(65536):
            have += chunk
        return have

    def _read_chunked(self, have: bytes) -> bytes:
        body = b""
        while True:
            while b"\r\n" not in have:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("connection closed mid-chunk")
                have += chunk
            size_line, _, have = have.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            have = self._fill(have, size + 2)
            if size == 0:
                return body
            body += have[:size]
            have = have[size + 2 :]
