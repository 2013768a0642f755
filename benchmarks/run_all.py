"""Run every benchmark and print one table: `make bench` (or `python -m benchmarks.run_all`).

Three baseline apps and the product are started in this run, on 127.0.0.1, with the same
gunicorn settings (2 sync workers, --no-control-socket), loaded for a bounded time, and
stopped. Set DATABASE_URL to a PostgreSQL server to run everything there instead of SQLite.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import baselines, external, http_load, product, servers
from benchmarks.databases import Databases, throwaway
from benchmarks.table import Row, http_row, machine, render


def hello(client, running) -> None:
    client.get("/", label="load")


def read_note(client, running) -> None:
    client.get(f"/notes/{random.randint(1, baselines.ROWS)}", label="load")  # nosec B311


def insert_note(client, running) -> None:
    client.post("/notes", {"title": "A note from the benchmark"}, label="load", expect=(303,))


BASELINES = (
    ("hello", "bare Flask hello", hello),
    ("read", "Flask + SQLAlchemy read one row + Jinja", read_note),
    ("insert", "Flask + SQLAlchemy insert one row", insert_note),
)


def load(port: int, scenario, args, label: str = "load") -> http_load.Result:
    results = http_load.run(
        port, scenario, connections=args.connections, seconds=args.seconds, warmup=args.warmup
    )
    return results[label]


def http_rows(dbs: Databases, tmp: Path, args) -> list[Row]:
    """Baselines first, then the product, each on its own fresh gunicorn."""
    rows, base = [], {}
    baselines.prepare(dbs.urls["baseline"])
    env = {"BASELINE_DATABASE_URL": dbs.urls["baseline"]}
    for kind, name, scenario in BASELINES:
        target = f"benchmarks.baselines:create('{kind}')"
        with servers.serve(target, env, tmp, f"baseline-{kind}") as port:
            base[kind] = load(port, scenario, args)
        rows.append(http_row(f"baseline: {name}", base[kind]))

    env = product.environment(dbs.urls["product"], tmp / "instance")
    product.prepare(env)
    with servers.serve(product.TARGET, env, tmp, "product") as port:
        for name, scenario, label, baseline in product.SCENARIOS:
            result = load(port, scenario, args, label)
            rows.append(http_row(name, result, base[baseline]))
        missing = product.MISSING
    rows.extend(Row(name, "not yet available", target) for name, target in missing)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring window per test")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured start of each test")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--skip-http", action="store_true", help="only the non-HTTP figures")
    args = parser.parse_args(argv)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="feedback-bench-") as tmp_name:
        tmp = Path(tmp_name)
        with throwaway(tmp) as dbs:
            rows = [] if args.skip_http else http_rows(dbs, tmp, args)
            rows.extend(external.rows(dbs, tmp))
    title = (
        f"Benchmarks on {dbs.kind}: gunicorn {servers.WORKERS} sync workers, "
        f"--no-control-socket, {args.connections} connections, {args.seconds:g} s each "
        f"(after {args.warmup:g} s warm-up), 127.0.0.1\n{machine()}; "
        f"whole run {time.monotonic() - started:.0f} s"
    )
    print(render(title, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
