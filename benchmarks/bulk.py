"""Fast bulk inserts of benchmark data: COPY on PostgreSQL, executemany on SQLite.

Rows are tuples of Python values in column order (datetimes with a time zone, booleans,
JSON already as text); each database gets them in its own form.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime


def _sqlite_value(v):
    """How SQLAlchemy stores a UTC datetime or a boolean in SQLite."""
    if isinstance(v, datetime):
        return v.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    return int(v) if isinstance(v, bool) else v


def insert_rows(cursor, postgres: bool, table: str, columns: str, rows: Sequence[tuple]) -> None:
    """Insert `rows` into `table` (a DBAPI cursor; `columns` as in SQL, comma separated)."""
    if not rows:
        return
    if postgres:
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ",".join("?" * len(rows[0]))
    cursor.executemany(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # nosec B608 - our own names
        [tuple(_sqlite_value(v) for v in row) for row in rows],
    )


def finish(cursor, postgres: bool, tables: Sequence[str]) -> None:
    """After inserting ids by hand: move PostgreSQL's id sequences on, and ANALYZE."""
    if postgres:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # nosec B608
                f"(SELECT max(id) FROM {table}))"
            )
    cursor.execute("ANALYZE")
