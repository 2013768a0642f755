"""Report build at 100,000 responses, without the CSV export, for `make bench`.

`report_build.py` measures every step at each size; at 100,000 responses its CSV export
alone takes longer than the whole of `make bench` should. This runs its data generator
and its report steps, and prints lines in its format.
"""

from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine

from benchmarks import report_build as rb

SIZE = 100_000


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        path = Path(tmp) / "bench.sqlite"
        started = time.perf_counter()
        answers = rb.fill(path, SIZE)
        took = time.perf_counter() - started
        print(f"report_build: {SIZE:,} responses ({answers:,} answers) generated in {took:.1f} s")
        engine = create_engine(f"sqlite:///{path}")
        period = rb.Period(rb.TODAY - timedelta(days=89), rb.TODAY)
        steps = {
            "build_report": lambda s: rb.build_report(s, period),
            "family edition": lambda s: rb.render_pdf(
                rb.build_report(s, period), "family", rb.SERVICE
            ),
            "board edition": lambda s: rb.render_pdf(
                rb.build_report(s, period), "board", rb.SERVICE
            ),
        }
        for name, step in steps.items():
            _, seconds, _ = rb.measure(step, engine, traced=False)
            _, _, peak = rb.measure(step, engine, traced=True)
            print(f"  {name} ({SIZE:,} responses) {seconds:7.2f} s   peak {peak:6.1f} MB")
        engine.dispose()


if __name__ == "__main__":
    main()
