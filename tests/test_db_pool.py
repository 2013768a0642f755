"""Pooled connections: a busy one is used as it is; one left idle is checked first,
and replaced if the database dropped it meanwhile."""

from __future__ import annotations

from sqlalchemy import create_engine, text

import feedback.db  # noqa: F401  (the pool events)


def _engine(tmp_path):
    return create_engine(f"sqlite:///{tmp_path / 'pool.sqlite'}")


def test_a_connection_back_from_a_request_is_not_checked_again(tmp_path):
    engine = _engine(tmp_path)
    seen: list[str] = []
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.set_trace_callback(seen.append)
    with engine.connect() as conn:
        assert conn.connection.dbapi_connection is raw
        conn.execute(text("SELECT 2"))
    assert "SELECT 1" not in seen and "SELECT 2" in seen
    engine.dispose()


def test_an_idle_connection_is_checked_before_it_is_used(tmp_path):
    engine = _engine(tmp_path)
    seen: list[str] = []
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.set_trace_callback(seen.append)
        info = conn.connection.info
    info["returned_at"] -= 60  # as if nobody had asked for a minute
    with engine.connect() as conn:
        assert conn.connection.dbapi_connection is raw
    assert "SELECT 1" in seen
    engine.dispose()


def test_an_idle_connection_the_database_dropped_is_replaced(tmp_path):
    engine = _engine(tmp_path)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        info = conn.connection.info
    info["returned_at"] -= 60
    raw.close()  # the database went away while it sat in the pool
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
        assert conn.connection.dbapi_connection is not raw
    engine.dispose()
