"""Throwaway databases for one benchmark run: SQLite files, or fresh PostgreSQL databases.

With `DATABASE_URL` pointing at PostgreSQL, each run creates its own databases on that
server (the role needs CREATEDB, as on `scripts/pg-throwaway.sh`) and drops them after,
so a benchmark never touches real data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

NAMES = ("product", "baseline", "extra")


@dataclass(frozen=True)
class Databases:
    kind: str  # "SQLite" or "PostgreSQL"
    urls: dict[str, str]  # one per name in NAMES


def _normalise(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@contextmanager
def throwaway(tmp: Path) -> Iterator[Databases]:
    """Yield empty databases for the run, and remove them afterwards."""
    url = _normalise(os.environ.get("DATABASE_URL", "").strip())
    if not url.startswith("postgresql"):
        yield Databases("SQLite", {name: f"sqlite:///{tmp / f'{name}.sqlite'}" for name in NAMES})
        return
    server = make_url(url)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    made = {name: f"feedback_bench_{name}_{os.getpid()}" for name in NAMES}
    try:
        with admin.connect() as conn:
            for database in made.values():
                conn.execute(text(f'CREATE DATABASE "{database}"'))
        urls = {
            name: server.set(database=database).render_as_string(hide_password=False)
            for name, database in made.items()
        }
        yield Databases("PostgreSQL", urls)
    finally:
        with admin.connect() as conn:
            for database in made.values():
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
