"""`flask backup FILE` with SQLite's online backup API, and a tested restore."""

import sqlite3

import pytest
from sqlalchemy import select

from feedback.staff.models import User
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite backups; PostgreSQL uses pg_dump")


def test_backup_then_restore_brings_everything_back(runner, make_user, session, tmp_path):
    make_user("lead", email="kept@example.org")
    target = tmp_path / "backups" / "nightly.sqlite"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT email FROM users").fetchall() == [("kept@example.org",)]

    make_user("lead", email="added-after@example.org")
    again = runner.invoke(args=["backup", str(target)])
    assert again.exit_code != 0 and "already exists" in again.output
    restored = runner.invoke(args=["restore", str(target), "--yes"])
    assert restored.exit_code == 0, restored.output
    session.close()
    emails = session.scalars(select(User.email)).all()
    assert emails == ["kept@example.org"]


def test_restore_refuses_a_file_that_is_not_a_backup(runner, tmp_path, make_user):
    make_user("lead")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code != 0 and "not a database" in result.output
