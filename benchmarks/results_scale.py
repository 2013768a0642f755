"""Results at scale: the dashboard and a survey's results page over 1,000,000 responses,
the Excel export of about 100,000 responses, and the CSV export's memory as it grows.

Run from the repository root (`make bench` runs it too):

    python benchmarks/results_scale.py                       # 1,000,000 responses, SQLite
    python benchmarks/results_scale.py --responses 200000
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/results_scale.py                   # a throwaway PostgreSQL database
    python benchmarks/results_scale.py --database URL        # keep the data between runs

`--database` uses that database as it is (filled first only if it has no responses, and
left in place), so several runs can share one fill of a million responses.

The data is made as in `dashboard_query.py` (migrations, then bulk inserts: COPY on
PostgreSQL), spread over the last year across the four shipped surveys. Pages are fetched
by a signed-in lead through Flask's test client (no network), after one warm-up view.
Each export runs in its own Python process, which prints its own peak memory (ru_maxrss),
so the figures are the export's alone. The machine may be shared: every line carries
the load average, and each page's time is also given as a multiple of a baseline query
(`SELECT count(*) FROM responses`) timed in the same run. Targets: pages under 1 s; Excel of 100,000
responses under 10 s and 300 MB; CSV memory flat as the export grows. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import xlsxwriter  # noqa: E402
from sqlalchemy import create_engine, func, inspect, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from benchmarks.dashboard_query import fill  # noqa: E402
from benchmarks.databases import throwaway  # noqa: E402
from feedback import create_app  # noqa: E402
from feedback.config import engine_options  # noqa: E402
from feedback.extensions import db  # noqa: E402
from feedback.reports.period import Period  # noqa: E402
from feedback.results.data import build_results  # noqa: E402
from feedback.results.export import csv_lines  # noqa: E402
from feedback.results.queries import Scope, scoped, surveys  # noqa: E402
from feedback.results.workbook import write_workbook  # noqa: E402
from feedback.staff.models import User  # noqa: E402
from feedback.surveys.models import Answer, Response  # noqa: E402

PASSWORD = "benchmark-password-123"  # nosec B105 (a throwaway database)
TODAY = date.today()


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export(url: str, kind: str, days: int) -> None:
    """(In a child process) export the last `days` days of every survey; print figures.
    Inside the app, on its session, as the export view runs."""
    period = Period(TODAY - timedelta(days=days - 1), TODAY)
    with tempfile.TemporaryDirectory(prefix="results-bench-") as tmp, _app(url, tmp).app_context():
        session = db.session
        chosen = surveys(session)
        scope = Scope(period, tuple(s.id for s in chosen))
        baseline = _peak_mb()
        started = time.perf_counter()
        results = build_results(session, scope, chosen)  # its scope has the translations
        session.commit()
        scope = results.scope
        if kind == "xlsx":
            with tempfile.TemporaryDirectory(prefix="results-bench-") as out:
                path = Path(out) / "answers.xlsx"
                write_workbook(session, path, results, chosen)
                size = path.stat().st_size
        else:
            size = sum(len(chunk) for chunk in csv_lines(session, scope, chosen))
        took = time.perf_counter() - started
        count = session.scalar(scoped(select(func.count(Response.id)), scope, period))
        cells = session.scalar(
            scoped(select(func.count(Answer.id)).join(Answer.response), scope, period)
        )
    print(
        f"{kind} export ({count:,} responses, {days} days): {took:.1f} s, {size:,} bytes, "
        f"peak {_peak_mb():.0f} MB (process before the export: {baseline:.0f} MB), {_load()}"
    )
    if kind == "xlsx":
        floor = xlsxwriter_floor(cells + 2 * count)
        print(
            f"    XlsxWriter alone, the same {cells + 2 * count:,} cells (from a tenth): "
            f"{floor:.1f} s; the export took {took / floor:.1f}x that, {_load()}"
        )


def xlsxwriter_floor(cells: int) -> float:
    """Seconds XlsxWriter takes to write `cells` short strings, timed on a tenth of them:
    the least any export of that many answers can take on this machine, now."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="results-bench-") as tmp:
        book = xlsxwriter.Workbook(f"{tmp}/floor.xlsx", {"constant_memory": True})
        sheet = book.add_worksheet()
        for n in range(cells // 10):
            sheet.write_string(n // 10, n % 10, "Quite safe")
        book.close()
    return (time.perf_counter() - started) * 10


def _child(url: str, kind: str, days: int) -> str:
    done = subprocess.run(  # nosec B603 - our own script, no shell
        [sys.executable, __file__, "--export", kind, "--url", url, "--days", str(days)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return done.stdout.strip() or f"{kind} export failed: {done.stderr.strip()[-200:]}"


def _median_ms(get, runs: int) -> tuple[float, float]:
    """(first time, median of `runs` more), in ms."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        get()
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:])


def baseline_ms(url: str, runs: int) -> float:
    """The median time of `SELECT count(*) FROM responses` (a full count), in ms."""
    engine = create_engine(**engine_options(url))
    with engine.connect() as conn:
        ms = _median_ms(lambda: conn.execute(text("SELECT count(*) FROM responses")).scalar(), runs)
    engine.dispose()
    return ms[1]


def _app(url: str, tmp: str):
    return create_app(
        {
            "INSTANCE_PATH": f"{tmp}/instance",
            "SECRET_KEY": "benchmark-secret-key-that-is-long-enough-123",
            "SQLALCHEMY_ENGINES": {"default": engine_options(url)},
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )


def pages(url: str, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="results-bench-") as tmp:
        app = _app(url, tmp)
        with app.app_context():
            lead = db.session.scalar(select(User).filter_by(email="lead@example.org"))
            if lead is None:  # a database kept from an earlier run has one already
                lead = User(email="lead@example.org", name="Lead", role="lead", team="P")
                lead.set_password(PASSWORD)
                db.session.add(lead)
                db.session.commit()
            survey = next(s for s in surveys(db.session) if s.audience == "13-18")
            sid = survey.id
        client = app.test_client()
        client.post("/staff/login", data={"email": "lead@example.org", "password": PASSWORD})
        base = baseline_ms(url, runs)
        print(f"  baseline: SELECT count(*) FROM responses  median {base:7.1f} ms   {_load()}")
        for name, path in (
            ("dashboard, last 90 days, everyone", "/staff/dashboard/"),
            ("dashboard, last 90 days, one survey", f"/staff/dashboard/?period=90&survey={sid}"),
            ("results page, one survey, last 90 days", f"/staff/results/?survey={sid}"),
            ("results page, one survey, last 12 months",
             f"/staff/results/?period=365&survey={sid}"),
            ("results page, all 13-18 surveys, 90 days", "/staff/results/?audience=13-18"),
            ("written answers, one survey, 90 days", f"/staff/results/comments?survey={sid}"),
        ):  # fmt: skip
            status = client.get(path).status_code  # the warm-up view
            first, median = _median_ms(lambda p=path: client.get(p), runs)
            print(
                f"  {name:<44} median {median:7.1f} ms   first {first:7.1f} ms   "
                f"{median / base:4.1f}x baseline   (status {status}, {_load()})"
            )


def measure(url: str, kind: str, args) -> None:
    """Fill the database unless it has responses already, then time pages and exports."""
    engine = create_engine(url)
    had = 0
    if inspect(engine).has_table("responses"):
        with Session(engine) as session:
            had = session.scalar(select(func.count(Response.id)))
    started = time.perf_counter()
    if had:
        responses, answers = had, "answers kept"
        made = "kept from an earlier run"
    else:
        responses = args.responses
        answers = f"{fill(engine, responses):,} answers"
        made = f"made in {time.perf_counter() - started:.0f} s"
    engine.dispose()
    print(f"results_scale: {responses:,} responses ({answers}) on {kind}, {made}, {_load()}")
    pages(url, args.runs)
    # About 100,000 of 1,000,000 responses spread over a year: the last 37 days.
    days = max(1, round(37 * 1_000_000 / responses))
    print("  " + _child(url, "xlsx", days))
    for d in (days // 4, days):
        print("  " + _child(url, "csv", d))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", help="use this database, and keep it (see above)")
    parser.add_argument("--export", choices=("xlsx", "csv"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--days", type=int, default=37, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export:
        export(args.url, args.export, args.days)
        return
    if args.database:
        measure(args.database, "the given database", args)
    else:
        with tempfile.TemporaryDirectory(prefix="results-bench-") as tmp:
            with throwaway(Path(tmp)) as dbs:
                measure(dbs.urls["product"], dbs.kind, args)
    print("results_scale: targets pages < 1 s; Excel of 100,000 < 10 s and < 300 MB")


if __name__ == "__main__":
    main()
