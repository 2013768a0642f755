"""CPU time per request, in process, for the product's survey screens and their baselines.

    python -m benchmarks.cpu_per_request                  # SQLite, 5 rounds of 200
    DATABASE_URL=postgresql+psycopg://... python -m benchmarks.cpu_per_request
    python -m benchmarks.cpu_per_request --profile answer  # cProfile of one scenario

It drives the same scenarios as the load test through Flask's test client and the
baseline apps the same way, in one process, taking turns round after round. It counts
this process's CPU time (`time.process_time`), not the clock, so a busy shared machine
changes the figures little: the ratio product / baseline is the one to compare with the
load test's targets (a request that costs 2.2 times its baseline's CPU can reach at
most 45% of its requests a second). The database's own work on PostgreSQL runs in
another process and is not counted here: use `make bench-pg` for that.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import baselines, product
from benchmarks.profile_routes import InProcessUser


def _baseline_user(kind: str):
    app = baselines.create(kind)
    client = app.test_client()
    if kind == "read":
        return lambda: client.get("/notes/7")
    counter = iter(range(10**9))
    return lambda: client.post("/notes", data={"title": f"Note {next(counter)}"})


def _product_users(app, scenario, requests: int):
    """One step of the scenario, each time by the next of enough respondents (each on
    its own device and address) to stay under the public-write limits, as real children
    would: the limits are counted, never reached."""
    users = []
    for n in range(requests // PER_USER + 1):
        user = InProcessUser(app)
        user.client.environ_base["REMOTE_ADDR"] = f"10.0.{n // 250}.{n % 250 + 1}"
        scenario(user, lambda: True)  # start the response and learn the forms (not timed)
        users.append(user)
    turn = iter(range(10**9))
    return lambda: scenario(users[next(turn) // PER_USER], lambda: True)


PER_USER = 100  # requests by one respondent: under the device limit of 150 in 10 minutes


def _cpu_ms(step, requests: int) -> float:
    start = time.process_time()
    for _ in range(requests):
        step()
    return (time.process_time() - start) * 1000 / requests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200, help="per round and scenario")
    parser.add_argument("--profile", help="cProfile this scenario (question or answer)")
    parser.add_argument("--no-limits", action="store_true", help="public-write limits off")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="feedback-cpu-") as tmp:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(tmp) / 'product.sqlite'}"
        base_url = os.environ.get("BASELINE_DATABASE_URL") or (
            f"sqlite:///{Path(tmp) / 'baseline.sqlite'}"
            if url.startswith("sqlite")
            else url  # the baseline's one table beside the product's
        )
        env = product.environment(url, Path(tmp) / "instance")
        product.prepare(env)
        os.environ.update(env)
        os.environ["BASELINE_DATABASE_URL"] = base_url
        baselines.prepare(base_url)
        from feedback.wsgi import app  # as gunicorn loads it: warm, with gc.freeze

        app.config["RATELIMIT_ENABLED"] = not args.no_limits
        total = args.requests * args.rounds + 20
        pairs = {
            "question": (
                _product_users(app, product.question_screen, total),
                _baseline_user("read"),
            ),
            "answer": (_product_users(app, product.answer, total), _baseline_user("insert")),
        }
        for step, base in pairs.values():  # warm up: templates compile, pools fill
            _cpu_ms(step, 20)
            _cpu_ms(base, 20)
        if args.profile:
            step = pairs[args.profile][0]
            profiler = cProfile.Profile()
            profiler.runcall(_cpu_ms, step, args.requests * args.rounds)
            stats = pstats.Stats(profiler).sort_stats("cumulative")
            stats.print_stats(60)
            stats.sort_stats("tottime").print_stats(30)
            return 0
        figures: dict[str, list[tuple[float, float]]] = {name: [] for name in pairs}
        for _ in range(args.rounds):
            for name, (step, base) in pairs.items():
                figures[name].append((_cpu_ms(base, args.requests), _cpu_ms(step, args.requests)))
        print(f"load average {os.getloadavg()[0]:.1f}; ms of CPU a request, median of rounds")
        for name, rows in figures.items():
            base = statistics.median(b for b, _ in rows)
            own = statistics.median(p for _, p in rows)
            ratio = statistics.median(b / p for b, p in rows)
            print(f"{name:9} product {own:6.2f} ms  baseline {base:5.2f} ms  ratio {ratio:4.0%}")
        baselines.drop(base_url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
