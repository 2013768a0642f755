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
from dataclasses import dataclass, replace
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
    name: str  # the script in this folder; "not yet available" until it exists
    command: tuple[str, ...]  # arguments to python, run from the repository root
    figures: tuple[Figure, ...]
    timeout: float = 300
    own_sqlite: bool = True  # makes its own SQLite database, whatever DATABASE_URL says


def _editions(size: str, limit: float) -> Figure:
    """Build time and peak memory of both report editions for one data size."""
    line = r"{} \(" + size + r" responses\)\s+([\d.]+) s\s+peak\s+([\d.]+) MB"
    pattern = "(?s)" + ".*?".join(
        line.format(step) for step in ("build_report", "family edition", "board edition")
    )

    def show(m: re.Match) -> str:
        peak = max(float(m[2]), float(m[4]), float(m[6]))
        return (
            f"data {m[1]} s; family PDF {m[3]} s; board PDF {m[5]} s "
            f"(each with its data); peak {peak:.1f} MB"
        )

    def met(m: re.Match) -> bool:
        return max(float(m[3]), float(m[5])) < limit and max(map(float, m.groups()[1::2])) < 300

    return Figure(
        f"report build, {size} responses", f"< {limit:g} s an edition, < 300 MB", pattern, show, met
    )


STEP_ROW = re.compile(r"^(\S.*?)\s{2,}([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s+[\d,]+)?\s*$", re.M)


def slowest_step(m: re.Match) -> str:
    """From a table of steps (median ms, p95 ms, CPU ms): how many, and the slowest."""
    rows = STEP_ROW.findall(m[0])
    if not rows:
        return "no steps printed"
    name, median, p95, cpu = max(rows, key=lambda row: float(row[1]))
    return f"{len(rows)} steps; slowest: {name}, median {median} ms (p95 {p95}, CPU {cpu} ms)"


SCRIPTS = (
    Script(
        "page_weight",
        ("benchmarks/page_weight.py",),
        (
            Figure(
                "bytes and requests per survey screen",
                "<= 40 KB a screen",
                r"page weight: largest screen ([\d,]+) bytes \(([\d,]+) gzipped, (\d+) requests\), "
                r"(.*?); budget ([\d,]+) bytes; (\d+) screens, ([^\n]*)",
                lambda m: (
                    f"largest of {m[6]} screens {m[1]} bytes ({m[2]} gzipped) in {m[3]} "
                    f"requests: {m[4]}"
                ),
                lambda m: m[7].startswith("all within") and number(m[1]) <= number(m[5]),
            ),
        ),
    ),
    Script(
        "report_build",
        ("benchmarks/report_build.py", "--sizes", "10000"),
        (
            _editions("10,000", 3),
            Figure(
                "CSV export, 10,000 responses",
                "< 1 s",
                r"CSV export \(10,000 responses\)\s+([\d.]+) s.*?([\d,]+) bytes of CSV",
                lambda m: f"{m[1]} s for {m[2]} bytes (one query, streamed)",
                lambda m: float(m[1]) < 1,
            ),
        ),
        own_sqlite=False,
    ),
    # The same data generator and steps at 100,000 responses, without the CSV export.
    Script(
        "report_build",
        ("-m", "benchmarks.report_large"),
        (_editions("100,000", 20),),
        own_sqlite=False,
    ),
    Script(
        "analysis_throughput",
        ("benchmarks/analysis_throughput.py", "--comments", "10000"),
        (
            Figure(
                "comment analysis (sentiment, safeguarding, themes)",
                ">= 2,000 a second on one core",
                r"analyse_comment \(.*?\):\s+([\d,]+) comments/s",
                lambda m: f"{m[1]} comments/s on one core",
                lambda m: number(m[1]) >= 2000,
            ),
        ),
        own_sqlite=False,
    ),
    # Figures other features measure for themselves (Flask test client, no network).
    Script(
        "agreements",
        ("benchmarks/agreements.py",),
        (
            Figure(
                "Working Together Agreements, each step", "", r"(?s).*step\s+median.*", slowest_step
            ),
        ),
        own_sqlite=False,
    ),
    Script(
        "builder_pages",
        ("benchmarks/builder_pages.py",),
        (Figure("survey builder pages", "", r"(?s).*page\s+median.*", slowest_step),),
        own_sqlite=False,
    ),
    Script(
        "dashboard_query",
        ("benchmarks/dashboard_query.py",),
        (
            Figure(
                "dashboard queries, 100,000 responses",
                "< 500 ms",
                r"whole dashboard, last 90 days, everyone"
                r"\s+median\s+([\d.]+) ms\s+best\s+([\d.]+) ms",
                lambda m: f"whole dashboard, last 90 days: median {m[1]} ms (best {m[2]} ms)",
                lambda m: float(m[1]) < 500,
            ),
        ),
        own_sqlite=False,
    ),
    Script(
        "results_scale",
        ("benchmarks/results_scale.py",),
        (
            Figure(
                "dashboard, 1,000,000 responses",
                "< 1 s",
                r"results_scale: ([\d,]+) responses.*?dashboard, last 90 days, everyone"
                r"\s+median\s+([\d.]+) ms",
                lambda m: f"{m[1]} responses, last 90 days: median {m[2]} ms",
                lambda m: float(m[2]) < 1000,
            ),
            Figure(
                "results page of one survey, 1,000,000 responses",
                "< 1 s",
                r"results page, one survey, last 90 days\s+median\s+([\d.]+) ms",
                lambda m: f"last 90 days: median {m[1]} ms",
                lambda m: float(m[1]) < 1000,
            ),
            Figure(
                "Excel export, 100,000 responses",
                "< 10 s, < 300 MB",
                r"xlsx export \(([\d,]+) responses.*?: ([\d.]+) s, [\d,]+ bytes, peak (\d+) MB",
                lambda m: f"{m[1]} responses: {m[2]} s, peak {m[3]} MB",
                lambda m: float(m[2]) < 10 and float(m[3]) < 300,
            ),
            Figure(
                "CSV export memory as it grows",
                "flat",
                r"csv export \(([\d,]+) responses.*?peak (\d+) MB.*?"
                r"csv export \(([\d,]+) responses.*?peak (\d+) MB",
                lambda m: f"{m[1]} responses: peak {m[2]} MB; {m[3]}: peak {m[4]} MB",
                lambda m: float(m[4]) <= float(m[2]) + 20,
            ),
        ),
        timeout=5400,
        own_sqlite=False,
    ),
)


def run_script(script: Script, database_url: str) -> tuple[str, str]:
    """Run one benchmark script; return (its output, a problem or "")."""
    try:
        done = subprocess.run(
            [sys.executable, *script.command],
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
            if script.own_sqlite and dbs.kind != "SQLite":
                figure = replace(figure, measure=f"{figure.measure} [own SQLite]")
            match = re.search(figure.pattern, output, re.S)
            if problem or not match:
                text = f"{script.name}.py {problem or 'printed: ' + last_line}"
                out.append(Row(figure.measure, text, figure.target, False if problem else None))
                continue
            met = figure.met(match) if figure.met else None
            out.append(Row(figure.measure, figure.show(match), figure.target, met))
    return out
