"""How long the leads' dashboard takes to gather its numbers over 100,000 stored responses.

Run from the repository root:

    python benchmarks/dashboard_query.py                      # 100,000 responses, SQLite
    python benchmarks/dashboard_query.py --responses 20000
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        python benchmarks/dashboard_query.py                  # a throwaway PostgreSQL database

The database is made by the migrations (so it has the production indexes) in a temporary
SQLite file, or in a throwaway database on the `DATABASE_URL` server, created and dropped
by `benchmarks/databases.py` (never real data). It is filled with fast bulk inserts
(executemany on SQLite, COPY on PostgreSQL): submitted responses to the four shipped
surveys spread over the last year, every question answered (a few skipped), comments from
the demo pool with the analysis they would have been stored with, a few flagged ones with
their alerts. The target is under 500 ms for the default view (last 90 days, everyone,
compared with the 90 days before). It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from benchmarks import bulk  # noqa: E402
from benchmarks.databases import throwaway  # noqa: E402
from feedback import migrate  # noqa: E402
from feedback.alerts.models import open_alert_count  # noqa: E402
from feedback.analysis import analyse_comment  # noqa: E402
from feedback.analysis.scores import principle_scores  # noqa: E402
from feedback.dashboard import queries  # noqa: E402
from feedback.dashboard.data import build_dashboard as build  # noqa: E402
from feedback.reports.period import Period  # noqa: E402
from feedback.reports.quotes import quotable  # noqa: E402
from feedback.surveys import services  # noqa: E402
from feedback.surveys.loader import load_shipped  # noqa: E402
from feedback.surveys.models import Survey  # noqa: E402

TODAY = date.today()
NOW = datetime.now(UTC)
COMMENTS = ROOT / "feedback" / "demo_comments.toml"
FLAGGED = ["my mums boyfrend hits me", "an older lad gives me money to take bags to other towns"]
RESPONSE_COLUMNS = (
    "id, submission_id, survey_id, audience, language, status, started_at, submitted_at"
)
ANSWER_COLUMNS = (
    "id, response_id, question_id, skipped, value, score, sentiment, polarity, flagged,"
    " themes, ok_to_quote, answered_at"
)
ALERT_COLUMNS = "id, answer_id, survey_id, comment, reasons, raised_at, email_status,"
ALERT_COLUMNS += " email_attempts, email_error"


def _plans(engine):
    with Session(engine) as session:
        load_shipped(session)
        for survey in session.scalars(select(Survey)):
            survey.status = "open"
        session.commit()
        surveys = session.scalars(select(Survey).order_by(Survey.id)).all()
        return [
            (s.id, s.audience, [(q.id, q.kind, q.options) for q in s.questions]) for s in surveys
        ]


def _rows(responses: int, plans, seed: int = 7):
    """Yield (responses, answers, alerts) in batches, as tuples in column order."""
    with COMMENTS.open("rb") as f:
        pool = [text for texts in tomllib.load(f).values() for text in texts]
    analysed = {text: analyse_comment(text) for text in pool + FLAGGED}
    rng = random.Random(seed)  # nosec B311 - benchmark data
    answer_id = alert_id = 0
    batch = ([], [], [])
    for rid in range(1, responses + 1):
        survey_id, audience, questions = plans[rid % len(plans)]
        when = NOW - timedelta(seconds=rng.uniform(0, 365 * 86400))
        batch[0].append((rid, f"bench-{rid}", survey_id, audience, "en", "submitted", when, when))
        mood = rng.random()
        for qid, kind, options in questions:
            answer_id += 1
            value = score = sentiment = polarity = themes = None
            flagged = quote = skipped = False
            if rng.random() < 0.08 or kind == "multi":
                skipped = kind != "multi"
            elif kind == "text":
                value = rng.choice(FLAGGED) if rng.random() < 0.002 else rng.choice(pool)
                result = analysed[value]
                sentiment, polarity, flagged = (
                    result.sentiment,
                    result.polarity,
                    result.safeguarding,
                )
                themes = json.dumps(list(result.themes))
                quote = not flagged and rng.random() < 0.05
                if flagged:
                    alert_id += 1
                    reasons = json.dumps(list(result.reasons))
                    batch[2].append(
                        (alert_id, answer_id, survey_id, value, reasons, when, "sent", 1, "")
                    )
            else:
                index = min(len(options) - 1, int(rng.random() * (1.6 - mood) * len(options)))
                value = options[index]["value"]
                score = options[index].get("score")
            batch[1].append(
                (answer_id, rid, qid, skipped, value, score, sentiment, polarity, flagged,
                 themes, quote, when)
            )  # fmt: skip
        if len(batch[0]) >= 5000:
            yield batch
            batch = ([], [], [])
    yield batch


def fill(engine, responses: int) -> int:
    """Migrate, then bulk-insert `responses` responses; returns the number of answers."""
    migrate.upgrade(engine)
    plans = _plans(engine)
    raw = engine.raw_connection()
    cursor = raw.cursor()
    postgres = engine.dialect.name == "postgresql"
    tables = (
        ("responses", RESPONSE_COLUMNS),
        ("answers", ANSWER_COLUMNS),
        ("safeguarding_alerts", ALERT_COLUMNS),
    )
    answers = 0
    for batch in _rows(responses, plans):
        answers += len(batch[1])
        for (table, columns), rows in zip(tables, batch, strict=True):
            bulk.insert_rows(cursor, postgres, table, columns, rows)
    bulk.finish(cursor, postgres, [table for table, _ in tables])
    raw.commit()
    raw.close()
    if postgres:  # as autovacuum soon would: index-only scans need the visibility map
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE responses")
    return answers


def timed(engine, step, runs: int) -> tuple[float, float]:
    """Median and best wall time in ms of `step(session)` (each run committed)."""
    times = []
    for _ in range(runs):
        with Session(engine) as session:
            started = time.perf_counter()
            step(session)
            times.append((time.perf_counter() - started) * 1000)
            session.commit()
    return statistics.median(times), min(times)


def _new_responses(engine, n: int) -> None:
    """`n` responses sent just now (so today's totals must be counted again)."""
    with Session(engine) as session:
        survey = session.scalars(select(Survey).where(Survey.audience == "13-18")).first()
        for _ in range(n):
            response = services.start_response(session, survey)
            for question in survey.questions:
                if question.is_scale:
                    services.record_answer(
                        session, response, question, value=question.options[0]["value"]
                    )
            services.submit_response(session, response)
        session.commit()


def run(url: str, kind: str, responses: int, runs: int) -> None:
    engine = create_engine(url)
    started = time.perf_counter()
    answers = fill(engine, responses)
    print(
        f"dashboard_query: {responses:,} responses ({answers:,} answers) on {kind}, "
        f"made in {time.perf_counter() - started:.1f} s"
    )
    default = Period(TODAY - timedelta(days=89), TODAY)
    year = Period(TODAY - timedelta(days=364), TODAY)

    def once(name: str, step) -> None:
        ms, _ = timed(engine, step, 1)
        print(f"  {name:<48} {ms:8.1f} ms  (once)")

    def repeated(name: str, step) -> None:
        median, best = timed(engine, step, runs)
        print(f"  {name:<48} median {median:7.1f} ms   best {best:7.1f} ms")

    once("first view ever (counts 180 days of answers)", lambda s: build(s, default))
    repeated("whole dashboard, last 90 days, everyone", lambda s: build(s, default))
    repeated("whole dashboard, last 90 days, 13-18 only", lambda s: build(s, default, ("13-18",)))
    repeated("  principle scores (both periods)", lambda s: principle_scores(s, default))
    repeated("  responses per day", lambda s: queries.responses_per_day(s, default, ()))
    repeated("  theme counts", lambda s: queries.theme_counts(s, default, ()))
    repeated("  example quotes", lambda s: quotable(s, bounds=default.bounds()))
    repeated("  response totals", lambda s: queries.response_totals(s, default, ()))
    repeated("  open alert count", open_alert_count)
    _new_responses(engine, 20)
    once("after 20 new responses today (counts today)", lambda s: build(s, default))
    once("first view of 12 months (counts older days)", lambda s: build(s, year))
    repeated("whole dashboard, last 12 months, everyone", lambda s: build(s, year))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        with throwaway(Path(tmp)) as dbs:
            run(dbs.urls["product"], dbs.kind, args.responses, args.runs)
    print("dashboard_query: target under 500 ms for the whole dashboard (last 90 days)")


if __name__ == "__main__":
    main()
