"""Survey builder: how long its pages take, language advice on every word included.

Run from the repository root:

    python benchmarks/builder_pages.py              # 30 requests a page
    python benchmarks/builder_pages.py --count 100

A fresh temporary SQLite database with the shipped surveys (and their translations); a
participation lead signed in through Flask's test client (no network), so the figures are
the app's own work: the survey page runs the language checker on the title, intro, thanks
and every question, hint and answer. Medians and 95th percentiles, wall and CPU time.
Nothing asserts: it prints figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from benchmarks.databases import throwaway  # noqa: E402
from feedback import create_app, migrate  # noqa: E402
from feedback.builder.advice import survey_advice_count  # noqa: E402
from feedback.extensions import db  # noqa: E402
from feedback.staff.models import User  # noqa: E402
from feedback.surveys.loader import load_shipped  # noqa: E402
from feedback.surveys.models import Survey  # noqa: E402

PASSWORD = "benchmark-password-123"  # nosec B105 (a throwaway database)


def _time(client, url: str, count: int) -> tuple[float, float, float, int]:
    wall, cpu, size = [], [], 0
    for _ in range(count):
        w, c = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.data)
    ordered = sorted(wall)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(wall), p95, statistics.median(cpu), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="builder-bench-") as tmp, throwaway(Path(tmp)) as dbs:
        app = create_app(
            {
                "INSTANCE_PATH": f"{tmp}/instance",
                "SECRET_KEY": "benchmark-secret-key-that-is-long-enough-123",
                "SQLALCHEMY_ENGINES": {"default": {"url": dbs.urls["product"]}},
                "WTF_CSRF_ENABLED": False,
                "RATELIMIT_ENABLED": False,
            }
        )
        with app.app_context():
            migrate.upgrade(db.engine)
            load_shipped(db.session)
            lead = User(email="lead@example.org", name="Lead", role="lead", team="P")
            lead.set_password(PASSWORD)
            db.session.add(lead)
            db.session.commit()
            survey = db.session.scalar(select(Survey).where(Survey.key == "ages-8-12"))
            sid, first = survey.id, survey.questions[0].id
            texts = 3 + sum(1 + 1 + len(q.options) for q in survey.questions)
            findings = survey_advice_count(survey)
            questions = len(survey.questions)
        client = app.test_client()
        client.post("/staff/login", data={"email": "lead@example.org", "password": PASSWORD})
        client.get(f"/staff/surveys/{sid}")  # load the glossary once, as a server would
        pages = {
            "survey list": "/staff/surveys/",
            f"survey page ({questions} questions, {texts} texts checked)": f"/staff/surveys/{sid}",
            "question bank (all)": f"/staff/surveys/{sid}/bank?principle=&audience=",
            "change a question": f"/staff/surveys/{sid}/questions/{first}",
            "preview: start screen in the frame": f"/staff/surveys/{sid}/preview/frame",
            "preview: question 1 in the frame": f"/staff/surveys/{sid}/preview/frame/1",
        }
        print(f"Builder pages, {args.count} requests each (Flask test client, SQLite)")
        print(f"{'page':<52} {'median ms':>9} {'p95 ms':>7} {'CPU ms':>7} {'bytes':>7}")
        for name, url in pages.items():
            median, p95, cpu, size = _time(client, url, args.count)
            print(f"{name:<52} {median:9.1f} {p95:7.1f} {cpu:7.1f} {size:7,}")
        print(f"language advice on the survey page: {findings} finding(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
