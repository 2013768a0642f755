"""Time and peak memory to build each report edition, and to export the CSV.

Run from the repository root:

    python benchmarks/report_build.py                 # 10,000 and 100,000 responses
    python benchmarks/report_build.py --sizes 10000   # just one size

Each size gets a fresh throwaway database: a temporary SQLite file, or with DATABASE_URL
pointing at PostgreSQL a database of its own on that server, created and dropped by
`benchmarks/databases.py` (never real data). It is filled with fast bulk inserts
(executemany on SQLite, COPY on PostgreSQL):
submitted responses to the four shipped surveys over six months, every question answered
(a few skipped), written comments from the demo pool carrying the analysis results they
would have had when stored, some marked OK to quote, and thirty actions. A report covers
all of them (six months), and the CSV exports all of them.

Time is measured without tracing; peak memory is measured in a second, traced run
(tracemalloc: Python allocations while that step runs). CPU time is printed
beside wall time because a shared machine's load can stretch wall time several-fold.
Nothing asserts: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import tomllib
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from benchmarks import bulk  # noqa: E402
from benchmarks.databases import throwaway  # noqa: E402
from feedback import migrate  # noqa: E402
from feedback.analysis import analyse_comment  # noqa: E402
from feedback.models import Action, Survey  # noqa: E402
from feedback.reports.data import build_report  # noqa: E402
from feedback.reports.export import csv_lines  # noqa: E402
from feedback.reports.period import Period  # noqa: E402
from feedback.reports.queries import Filters  # noqa: E402
from feedback.reports.render import render_pdf  # noqa: E402
from feedback.reports.words import Service  # noqa: E402
from feedback.surveys.loader import load_shipped  # noqa: E402

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SERVICE = Service("Benchmark Children's Services", "Call 01234 567890")
COMMENTS = ROOT / "feedback" / "demo_comments.toml"


RESPONSE_COLUMNS = (
    "id, submission_id, survey_id, audience, language, status, respondent_name, started_at,"
    " submitted_at"
)
ANSWER_COLUMNS = (
    "id, response_id, question_id, skipped, value, choices, score, sentiment, polarity,"
    " flagged, themes, ok_to_quote, answered_at"
)


def fill(engine, responses: int, seed: int = 7) -> int:
    """Migrate, then add `responses` submitted responses; return the number of answers."""
    migrate.upgrade(engine)
    with Session(engine) as session:
        load_shipped(session)
        session.commit()
        surveys = session.scalars(select(Survey).order_by(Survey.id)).all()
        plans = [
            (s.id, s.audience, [(q.id, q.kind, q.options) for q in s.questions]) for s in surveys
        ]
        for n in range(30):
            session.add(
                Action(
                    principle=n % 6 + 1,
                    theme="Meetings",
                    you_told_us="Too many people.",
                    we_did=f"Action {n}: smaller meetings.",
                    owner="Team",
                    status=("planned", "in_progress", "done")[n % 3],
                    ready_to_publish=n % 2 == 0,
                    done_on=TODAY - timedelta(days=10) if n % 3 == 2 else None,
                )
            )
        session.commit()
    with COMMENTS.open("rb") as f:
        pool = [text for texts in tomllib.load(f).values() for text in texts]
    analysed = {text: analyse_comment(text) for text in pool}  # once per distinct comment
    rng = random.Random(seed)  # nosec B311 - benchmark data
    postgres = engine.dialect.name == "postgresql"
    raw = engine.raw_connection()
    cursor = raw.cursor()
    answer_id = 0
    batch_responses, batch_answers = [], []

    def flush() -> None:
        bulk.insert_rows(cursor, postgres, "responses", RESPONSE_COLUMNS, batch_responses)
        bulk.insert_rows(cursor, postgres, "answers", ANSWER_COLUMNS, batch_answers)
        batch_responses.clear()
        batch_answers.clear()

    for rid in range(1, responses + 1):
        survey_id, audience, questions = plans[rid % len(plans)]
        when = NOW - timedelta(seconds=rng.uniform(0, 180 * 86400))
        batch_responses.append(
            (rid, f"bench-{rid}", survey_id, audience, "en", "submitted", None, when, when)
        )
        mood = rng.random()
        for qid, kind, options in questions:
            answer_id += 1
            value = choices = score = sentiment = polarity = themes = None
            flagged = quote = skipped = False
            if rng.random() < 0.08:
                skipped = True
            elif kind == "text":
                value = rng.choice(pool)
                result = analysed[value]
                sentiment, polarity = result.sentiment, result.polarity
                flagged = result.safeguarding
                themes = json.dumps(list(result.themes))
                quote = not flagged and rng.random() < 0.05
            elif kind == "multi":
                choices = json.dumps([o["value"] for o in options if rng.random() < 0.35])
            else:
                index = min(len(options) - 1, int(rng.random() * (1.6 - mood) * len(options)))
                value = options[index]["value"]
                score = options[index].get("score")
            batch_answers.append(
                (answer_id, rid, qid, skipped, value, choices, score, sentiment, polarity,
                 flagged, themes, quote, when)
            )  # fmt: skip
        if len(batch_responses) >= 5000:
            flush()
    flush()
    bulk.finish(cursor, postgres, ("responses", "answers"))
    raw.commit()
    raw.close()
    return answer_id


def measure(step, engine, traced: bool):
    """Run step(session) in a fresh session; return (result, wall s, peak MB or None).

    The CPU seconds of the last untraced run are kept in `measure.cpu`.
    """
    with Session(engine) as session:
        if traced:
            tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        result = step(session)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = None
        if traced:
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        else:
            measure.cpu = cpu
    return result, seconds, peak


def report_period() -> Period:
    """Six months: every stored response."""
    return Period(TODAY - timedelta(days=179), TODAY)


def run(size: int, with_csv: bool = True) -> None:
    """Generate `size` responses in a throwaway database and print each step's figures."""
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp, throwaway(Path(tmp)) as dbs:
        engine = create_engine(dbs.urls["extra"])
        started = time.perf_counter()
        answers = fill(engine, size)
        print(
            f"report_build: {size:,} responses ({answers:,} answers) on {dbs.kind}, generated in "
            f"{time.perf_counter() - started:.1f} s"
        )
        period = report_period()
        steps = {
            "build_report": lambda s: build_report(s, period),
            "family edition": lambda s: render_pdf(build_report(s, period), "family", SERVICE),
            "board edition": lambda s: render_pdf(build_report(s, period), "board", SERVICE),
        }
        if with_csv:
            steps["CSV export"] = lambda s: sum(len(c) for c in csv_lines(s, Filters(period)))
        for name, step in steps.items():
            result, seconds, _ = measure(step, engine, traced=False)
            cpu = measure.cpu
            _, _, peak = measure(step, engine, traced=True)
            if isinstance(result, bytes):
                extra = f", {len(result):,} bytes of PDF"
            elif isinstance(result, int):
                extra = f", {result:,} bytes of CSV"
            else:
                extra = ""
            label = f"{name} ({size:,} responses)"
            print(f"  {label:<36} {seconds:6.2f} s   peak {peak:6.1f} MB, {cpu:.2f} s CPU{extra}")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="comma-separated response counts (default: 10000,100000)",
    )
    args = parser.parse_args()

    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        run(size)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"report_build: whole process peak RSS {peak_rss:.0f} MB")


if __name__ == "__main__":
    main()
