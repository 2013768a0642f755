"""Run every benchmark and print one table: `make bench` (or `python -m benchmarks.run_all`).

Three baseline apps and the product are started in this run, on 127.0.0.1, with the same
gunicorn settings (gunicorn.conf.py: 2 gthread workers), loaded for a bounded time, and
stopped. Set DATABASE_URL to a PostgreSQL server to run everything there instead of SQLite.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import external, servers
from benchmarks.databases import throwaway
from benchmarks.http_suite import http_rows
from benchmarks.table import machine, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=6.0, help="measured time per test")
    parser.add_argument("--rounds", type=int, default=6, help="interleaved rounds per test")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured first load")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--skip-http", action="store_true", help="only the non-HTTP figures")
    parser.add_argument("--only-http", action="store_true", help="only the HTTP load figures")
    args = parser.parse_args(argv)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="feedback-bench-") as tmp_name:
        tmp = Path(tmp_name)
        with throwaway(tmp) as dbs:
            rows = [] if args.skip_http else http_rows(dbs, tmp, args)
            if not args.only_http:
                rows.extend(external.rows(dbs, tmp))
    title = (
        f"Benchmarks on {dbs.kind}: gunicorn {servers.WORKERS} gthread workers, "
        f"--no-control-socket, {args.connections} connections, {args.seconds:g} s each in "
        f"{args.rounds} interleaved rounds (after {args.warmup:g} s warm-up), 127.0.0.1;\n"
        "req/s: the median round; ratio: the median of back-to-back rounds (product, baseline)\n"
        f"{machine()}; "
        f"whole run {time.monotonic() - started:.0f} s"
    )
    print(render(title, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
