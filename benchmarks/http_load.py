"""A small, bounded HTTP load generator for 127.0.0.1 only.

Each virtual user is a thread with its own connection and its own cookie jar, so a
scenario can carry a session cookie and a CSRF token from one request to the next, as a
browser would. Requests are timed with a monotonic clock; only those that finish inside
the measuring window count. The client is a few lines over a raw socket (no header
parsing through `email`), so it costs the server little CPU on a small machine.
"""

from __future__ import annotations

import gzip
import socket
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

LOCALHOST = "127.0.0.1"


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

    def __init__(self, port: int, recorder: Recorder | None = None):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.recorder = recorder
        self.sock: socket.socket | None = None

    def _connect(self) -> socket.socket:
        sock = socket.create_connection((LOCALHOST, self.port), timeout=30)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

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
        for name, value in (headers or {}).items():
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
        while len(have) < size:
            chunk = self.sock.recv(max(65536, size - len(have)))
            if not chunk:
                raise ConnectionError("connection closed mid-body")
            have += chunk
        return have[:size]

    def _read_to_close(self, have: bytes) -> bytes:
        while chunk := self.sock.recv(65536):
            have += chunk
        return have

    def _read_chunked(self, have: bytes) -> bytes:
        body = b""
        while True:
            while b"\r\n" not in have:
                have += self.sock.recv(65536)
            size_line, _, have = have.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            have = self._read_exactly(have, size + 2)
            if size == 0:
                return body
            body += have[:size]
            have = have[size + 2 :]


@dataclass
class Recorder:
    """Latencies of requests that finished inside the measuring window."""

    window_start: float
    window_end: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, label: str, started: float, finished: float, ok: bool) -> None:
        if not (self.window_start <= finished <= self.window_end):
            return
        with self.lock:
            if ok:
                self.latencies.setdefault(label, []).append(finished - started)
            else:
                self.errors[label] = self.errors.get(label, 0) + 1


@dataclass(frozen=True)
class Result:
    label: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def _percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("nan")
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[q - 1]


def run(
    port: int,
    scenario: Callable[[Client, Callable[[], bool]], None],
    *,
    connections: int = 16,
    seconds: float = 5.0,
    warmup: float = 1.0,
) -> dict[str, Result]:
    """Run `scenario(client, running)` in `connections` threads; return results per label.

    A scenario loops while `running()` and times the requests it cares about by giving
    them a label. Load stops after warm-up + `seconds`, whatever happens.
    """
    start = time.perf_counter()
    recorder = Recorder(start + warmup, start + warmup + seconds)
    stop = threading.Event()
    failures: list[BaseException] = []

    def running() -> bool:
        return not stop.is_set() and time.perf_counter() < recorder.window_end

    def user() -> None:
        client = Client(port, recorder)
        try:
            while running():
                try:
                    scenario(client, running)
                except (OSError, UnexpectedReply) as error:
                    failures.append(error)
                    client.close()
                    if len(failures) > 1000:
                        stop.set()
        finally:
            client.close()

    threads = [threading.Thread(target=user, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup + seconds + 60)
    stop.set()
    labels = set(recorder.latencies) | set(recorder.errors)
    results = {}
    for label in sorted(labels):
        ordered = sorted(recorder.latencies.get(label, []))
        results[label] = Result(
            label,
            len(ordered),
            recorder.errors.get(label, 0),
            seconds,
            _percentile(ordered, 50) * 1000,
            _percentile(ordered, 99) * 1000,
        )
    if failures and not results:
        raise RuntimeError(f"every request failed; first failure: {failures[0]!r}")
    return results
