"""Backups of the embedded SQLite database with SQLite's online backup API.

The backup is taken page by page while the app keeps running, so it is consistent
without stopping anyone. PostgreSQL is backed up with its own tool, pg_dump (see
docs/operations.md).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine


class BackupError(RuntimeError):
    """The backup or restore could not be done safely; the message says why."""


def _require_sqlite(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        raise BackupError(
            "This database is PostgreSQL: back it up with pg_dump "
            "(see 'Backups' in docs/operations.md), not flask backup."
        )


def check_file(path: Path) -> None:
    """Refuse a file that is not a whole, healthy database of this app."""
    if not path.is_file():
        raise BackupError(f"There is no file at {path}.")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a database file ({error}).") from error
    if ok != "ok":
        raise BackupError(f"{path} is damaged: {ok}")
    if not {"users", "audit_events"} <= tables:
        raise BackupError(f"{path} is not a backup of this app.")


def backup(engine: Engine, target: Path, overwrite: bool = False) -> int:
    """Copy the live database to `target` (readable by its owner only); returns its size."""
    _require_sqlite(engine)
    target = target.resolve()
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose a new name or use --overwrite.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(partial)
        try:
            raw.driver_connection.backup(dest, pages=1024)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
    finally:
        raw.close()
    check_file(partial)
    partial.replace(target)  # only a complete, checked backup takes the name
    return target.stat().st_size


def has_migrations(path: Path) -> bool:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'")
        return found.fetchone() is not None


def restore(engine: Engine, source: Path) -> None:
    """Replace the live database with the backup at `source` (stop the app first)."""
    _require_sqlite(engine)
    check_file(source)
    engine.dispose()
    raw = engine.raw_connection()
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
            src.backup(raw.driver_connection)
    finally:
        raw.close()
    engine.dispose()
