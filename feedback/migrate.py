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
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        action(cfg, *args, **kwargs)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database up to `revision` (default: the newest)."""
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Step the database down to `revision` (default: empty)."""
    _run(engine, command.downgrade, revision)


def new_revision(engine: Engine, message: str) -> None:
    """Write a new migration script by comparing the models with the database."""
    _run(engine, command.revision, message=message, autogenerate=True)
