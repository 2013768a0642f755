"""What a limit costs a request: one database counter update (`python -m
benchmarks.limits_counting`; DATABASE_URL=postgresql+psycopg://... for PostgreSQL).

Prints the time for one request's worth of counting on a public write (two limits for
the device and two for the address, in one short transaction, as `public_write` does).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from feedback import models  # noqa: F401  (every table)
from feedback.db import Model
from feedback.limits import rules
from feedback.limits.guard import take

ROUNDS = 2000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(tmp) / 'limits.sqlite'}"
        engine = create_engine(url)
        Model.metadata.create_all(engine)
        now = time.time()
        started = time.perf_counter()
        for n in range(ROUNDS):  # a hundred devices at ten addresses, under their limits
            with Session(engine) as session:
                take(session, rules.ANSWER, {"device": f"d{n % 100}", "address": f"a{n % 10}"}, now)
                session.commit()
        per = (time.perf_counter() - started) / ROUNDS * 1000
        print(f"{engine.dialect.name}: {per:.2f} ms per public write's counting ({ROUNDS} writes)")
        engine.dispose()


if __name__ == "__main__":
    main()
