"""Figures from the other benchmark scripts in this folder, as rows of the one table.

Each script belongs to the feature it measures and prints its own figures; this module
runs it (a subprocess, with a time limit and the run's throwaway DATABASE_URL) and picks
the figures out of what it prints. A script that does not exist yet shows as
"not yet available"; one whose output no longer matches shows its last line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.databases import Databases
from benchmarks.table import Row

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass(frozen=True)
class Figure:
    measure: str
    target: str
    pattern: str  # searched for in the script's output
    show: Callable[[re.Match], str]
    met: Callable[[re.Match], bool] | None = None


@dataclass(frozen=True)
class Script:
    name: str
    args: tuple[str, ...]
    figures: tuple[Figure, ...]
    timeout: float = 300


SCRIPTS = (
    Script(
        "page_weight",
        (),
        (
            Figure(
                "bytes and requests per survey screen", "<= 40 KB a screen", r"(?!)", lambda m: ""
            ),
        ),
    ),
    Script(
        "report_build",
        (),
        (
            Figure("report build, 10,000 responses", "< 3 s, < 300 MB", r"(?!)", lambda m: ""),
            Figure("report build, 100,000 responses", "< 20 s, < 300 MB", r"(?!)", lambda m: ""),
            Figure("CSV export, 10,000 responses", "< 1 s", r"(?!)", lambda m: ""),
        ),
    ),
    Script(
        "analysis_throughput",
        ("--comments", "10000"),
        (
            Figure(
                "comment analysis (sentiment, safeguarding, themes)",
                ">= 2,000 a second on one core",
                r"analyse_comment \(.*?\):\s+([\d,]+) comments/s",
                lambda m: f"{m[1]} comments/s on one core",
                lambda m: number(m[1]) >= 2000,
            ),
        ),
    ),
    Script(
        "dashboard_query",
        (),
        (Figure("dashboard queries, 100,000 responses", "< 500 ms", r"(?!)", lambda m: ""),),
    ),
)


def run_script(script: Script, database_url: str) -> tuple[str, str]:
    """Run one benchmark script; return (its output, a problem or "")."""
    try:
        done = subprocess.run(
            [sys.executable, str(HERE / f"{script.name}.py"), *script.args],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=script.timeout,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        return "", f"did not finish in {script.timeout:.0f} s"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return done.stdout, f"failed: {last[:80]}"
    return done.stdout, ""


def rows(dbs: Databases, tmp: Path) -> list[Row]:
    out = []
    for script in SCRIPTS:
        if not (HERE / f"{script.name}.py").exists():
            out.extend(Row(f.measure, "not yet available", f.target) for f in script.figures)
            continue
        output, problem = run_script(script, dbs.urls["extra"])
        last_line = (output.strip().splitlines() or [""])[-1][:80]
        for figure in script.figures:
            match = re.search(figure.pattern, output)
            if problem or not match:
                text = f"{script.name}.py {problem or 'printed: ' + last_line}"
                out.append(Row(figure.measure, text, figure.target, False if problem else None))
                continue
            met = figure.met(match) if figure.met else None
            out.append(Row(figure.measure, figure.show(match), figure.target, met))
    return out
