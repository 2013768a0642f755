"""The four audiences the service ships with: the default rows of the audiences table.

The migration `s3_admin_1` adds the same rows to an existing database; `create_all`
(tests, a new database) adds them through the table's after-create event below.
"""

from __future__ import annotations

from sqlalchemy import Connection, event, insert, select

from feedback.audiences.models import Audience

# key, name, min age, max age, reading age (as the language glossary aims for)
SHIPPED = (
    ("4-7", "Children aged 4 to 7", 4, 7, 9),
    ("8-12", "Children aged 8 to 12", 8, 12, 10),
    ("13-18", "Young people aged 13 to 18", 13, 18, 12),
    ("parent", "Parents and carers", None, None, 12),
)


def shipped_rows() -> list[dict]:
    return [
        {
            "key": key,
            "name": name,
            "min_age": low,
            "max_age": high,
            "position": n * 10,
            "reading_age": reading,
            "words_from": key,
            "words": {},
            "privacy_notice": "",
        }
        for n, (key, name, low, high, reading) in enumerate(SHIPPED, start=1)
    ]


def add_shipped(connection: Connection) -> None:
    """Add any of the shipped four that are missing (a new or emptied database)."""
    table = Audience.__table__
    have = set(connection.scalars(select(table.c.key)))
    rows = [row for row in shipped_rows() if row["key"] not in have]
    if rows:
        connection.execute(insert(table), rows)


@event.listens_for(Audience.__table__, "after_create")
def _after_create(_table, connection: Connection, **_kw) -> None:
    add_shipped(connection)


SHIPPED_KEYS = tuple(row[0] for row in SHIPPED)
