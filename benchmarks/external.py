"""Figures from the other benchmark scripts in this folder, as rows of the one table.

Each script belongs to the feature it measures; this module only calls it. A script
that does not exist yet shows as "not yet available".
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from benchmarks.databases import Databases
from benchmarks.table import Row

HERE = Path(__file__).resolve().parent

# (script, table rows it gives: (measure, target))
EXPECTED = (
    ("page_weight", (("bytes and requests per survey screen", "<= 40 KB a screen"),)),
    (
        "report_build",
        (
            ("report build, 10,000 responses", "< 3 s, < 300 MB"),
            ("report build, 100,000 responses", "< 20 s, < 300 MB"),
            ("CSV export, 10,000 responses", "< 1 s"),
        ),
    ),
    (
        "analysis_throughput",
        (
            ("comment analysis throughput", ">= 2,000 a second on one core"),
            ("dashboard queries, 100,000 responses", "< 500 ms"),
        ),
    ),
)


def available(script: str) -> bool:
    return (HERE / f"{script}.py").exists() and importlib.util.find_spec(
        f"benchmarks.{script}"
    ) is not None


def rows(dbs: Databases, tmp: Path) -> list[Row]:
    out = []
    for script, expected in EXPECTED:
        if not available(script):
            out.extend(Row(measure, "not yet available", target) for measure, target in expected)
            continue
        out.extend(
            Row(measure, f"{script}.py exists: not wired in yet", target)
            for measure, target in expected
        )
    return out
