"""Run Alembic migrations against the app's database, without an alembic.ini."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _run(engine: Engine, action, *args, **kwargs) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    with engine.connect() as connection:
        # SQLite changes a table by copying it and dropping the old one; with foreign keys
        # on, that drop deletes every row that points at it (ON DELETE CASCADE): a
        # survey's questions and answers. So migrate with them off (the pragma only works
        # outside a transaction), check every reference afterwards, and switch them back on.
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                action(cfg, *args, **kwargs)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"the migration left broken references: {broken[:5]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database up to `revision` (default: the newest)."""
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Step the database down to `revision` (default: empty)."""
    _run(engine, command.downgrade, revision)


def new_revision(engine: Engine, message: str) -> None:
    """Write a new migration script by comparing the models with the database."""
    _run(engine, command.revision, message=message, autogenerate=True)
