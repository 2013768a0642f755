"""The SQLite database (and its -wal and -shm files) and the instance secret are readable
by their owner only (0600), however permissive the umask."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import text

from feedback import create_app
from feedback.extensions import db
from tests.conftest import _config


@pytest.fixture
def loose_umask():
    old = os.umask(0o002)  # group-writable, world-readable by default
    yield
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_database_files_are_created_0600(tmp_path, loose_umask):
    path = tmp_path / "new.sqlite"
    app = create_app(_config(tmp_path, f"sqlite:///{path}"))
    with app.app_context():
        db.session.execute(text("CREATE TABLE t (x INTEGER)"))
        db.session.execute(text("INSERT INTO t VALUES (1)"))
        db.session.commit()
        files = [p for p in tmp_path.iterdir() if p.name.startswith("new.sqlite")]
        assert {p.name for p in files} >= {"new.sqlite", "new.sqlite-wal", "new.sqlite-shm"}
        for file in files:
            assert _mode(file) == 0o600, file.name


def test_a_database_file_made_world_readable_before_is_tightened(tmp_path, loose_umask):
    path = tmp_path / "old.sqlite"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    app = create_app(_config(tmp_path, f"sqlite:///{path}"))
    with app.app_context():
        db.session.execute(text("SELECT 1"))
    assert _mode(path) == 0o600


def test_the_instance_secret_is_created_0600(tmp_path, loose_umask):
    from feedback.config import _instance_secret

    assert len(_instance_secret(tmp_path)) > 40
    assert _mode(tmp_path / "secret_key") == 0o600
