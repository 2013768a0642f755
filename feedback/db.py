"""Database handle, the declarative base and SQLite tuning."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime

from flask_sqlalchemy_lite import SQLAlchemy
from sqlalchemy import DateTime, MetaData, event, exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import Pool
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Model(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy()


def utcnow() -> datetime:
    """Timezone-aware now, used as the default for every timestamp column."""
    return datetime.now(UTC)


@event.listens_for(Engine, "do_connect")
def _private_sqlite_file(dialect, _record, cargs, _cparams) -> None:
    """Create the SQLite file readable by its owner only (0600) before SQLite opens it, and
    tighten one made looser before; SQLite gives its -wal and -shm files the same mode."""
    if dialect.name != "sqlite" or not cargs or not isinstance(cargs[0], str):
        return
    name = cargs[0]
    if name in ("", ":memory:") or name.startswith("file:"):
        return
    try:
        os.close(os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        for path in (name, f"{name}-wal", f"{name}-shm"):
            if os.path.exists(path) and os.stat(path).st_mode & 0o077:
                os.chmod(path, 0o600)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Make SQLite safe for several processes: WAL, foreign keys, a busy timeout."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


# A pooled connection unused for this long is checked before it is handed out (the
# database may have restarted, or a firewall dropped the idle connection). A busy
# worker's connections are in use all the time: checking each one on every request
# cost a round trip to the database per request, for nothing.
IDLE_CHECK_SECONDS = 10.0


@event.listens_for(Pool, "checkin")
def _note_return(_dbapi_connection, record) -> None:
    if record is not None:
        record.info["returned_at"] = time.monotonic()


@event.listens_for(Pool, "checkout")
def _check_if_idle(dbapi_connection, record, _proxy) -> None:
    """SQLAlchemy's pessimistic ping, only for connections left idle a while. A dead
    one raises DisconnectionError, and the pool replaces it with a fresh connection."""
    returned = record.info.get("returned_at")
    if returned is None or time.monotonic() - returned < IDLE_CHECK_SECONDS:
        return
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
        dbapi_connection.rollback()  # leave it as the pool would: no transaction open
    except Exception as error:  # whatever the driver raises for a dead connection
        raise exc.DisconnectionError(str(error)) from error


class UTCDateTime(TypeDecorator):
    """Store UTC timestamps; always hand back timezone-aware datetimes.

    SQLite drops the zone, PostgreSQL keeps it: this makes both behave the same.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
