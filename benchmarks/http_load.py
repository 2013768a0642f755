"""A small, bounded HTTP load generator for 127.0.0.1 only.

Each virtual user is a thread with its own connection and its own cookie jar
(`benchmarks.http_client.Client`), so a scenario can carry a session cookie and a CSRF
token from one request to the next, as a browser would. Requests are timed with a
monotonic clock; only those that finish inside the measuring window count. Users can be
kept between runs, so several short rounds (interleaved with other servers' rounds, to
share out any background load fairly) continue the same journeys.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from benchmarks.http_client import Client, UnexpectedReply

Scenario = Callable[[Client, Callable[[], bool]], None]


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
    latencies: tuple[float, ...]  # seconds, sorted
    errors: int  # replies with an unexpected status
    seconds: float
    failures: int = 0  # scenario steps that went wrong (any label)
    round_rates: tuple[float, ...] = ()  # requests a second in each round, when merged

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def per_second(self) -> float:
        """Requests a second: the median round's, if measured in rounds."""
        if self.round_rates:
            return statistics.median(self.round_rates)
        return self.requests / self.seconds

    @property
    def p50_ms(self) -> float:
        return _percentile(self.latencies, 50) * 1000

    @property
    def p99_ms(self) -> float:
        return _percentile(self.latencies, 99) * 1000


def merge(results: Sequence[Result]) -> Result:
    """One result from several rounds of the same measurement."""
    return Result(
        results[0].label,
        tuple(sorted(x for r in results for x in r.latencies)),
        sum(r.errors for r in results),
        sum(r.seconds for r in results),
        sum(r.failures for r in results),
        tuple(r.requests / r.seconds for r in results),
    )


def paired_ratio(results: Sequence[Result], baselines: Sequence[Result]) -> float:
    """Median of round-by-round throughput ratios (each pair measured back to back)."""
    pairs = [r.requests / b.requests for r, b in zip(results, baselines, strict=True) if b.requests]
    return statistics.median(pairs) if pairs else float("nan")


def _percentile(ordered: Sequence[float], q: int) -> float:
    if not ordered:
        return float("nan")
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[q - 1]


def users(port: int, connections: int = 16) -> list[Client]:
    """Virtual users to pass to `run` round after round."""
    return [Client(port) for _ in range(connections)]


def run(
    port: int,
    scenario: Scenario,
    *,
    connections: int = 16,
    seconds: float = 5.0,
    warmup: float = 1.0,
    clients: list[Client] | None = None,
) -> dict[str, Result]:
    """Run `scenario(client, running)` in one thread per user; return results per label.

    A scenario loops while `running()` and times the requests it cares about by giving
    them a label. Load stops after warm-up + `seconds`, whatever happens.
    """
    clients = clients if clients is not None else users(port, connections)
    start = time.perf_counter()
    recorder = Recorder(start + warmup, start + warmup + seconds)
    stop = threading.Event()
    failures: list[BaseException] = []

    def running() -> bool:
        return not stop.is_set() and time.perf_counter() < recorder.window_end

    def user(client: Client) -> None:
        client.recorder = recorder
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

    threads = [threading.Thread(target=user, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup + seconds + 60)
    stop.set()
    labels = set(recorder.latencies) | set(recorder.errors)
    results = {}
    for label in sorted(labels):
        results[label] = Result(
            label,
            tuple(sorted(recorder.latencies.get(label, []))),
            recorder.errors.get(label, 0),
            seconds,
            len(failures),
        )
    if failures and not results:
        raise RuntimeError(f"every request failed; first failure: {failures[0]!r}")
    return results
