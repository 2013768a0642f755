from sqlalchemy import create_engine, inspect

import feedback.models  # noqa: F401  (every table, so drop_all can empty the database)
from feedback import migrate
from feedback.db import Model
from tests.conftest import PG_URL


def _fresh_engine(tmp_path):
    if PG_URL:
        engine = create_engine(PG_URL)
        Model.metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        return engine
    return create_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")


def test_upgrade_from_empty_and_downgrade_to_empty(tmp_path):
    engine = _fresh_engine(tmp_path)
    migrate.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(Model.metadata.tables) <= tables
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)  # and back again, leaving the schema for the next test
    if PG_URL:
        Model.metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        Model.metadata.create_all(engine)
    engine.dispose()


def test_models_and_migrations_agree(tmp_path):
    """Every model change comes with a migration: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{tmp_path / 'cmp.sqlite'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Model.metadata)
    engine.dispose()
    assert diff == []


def test_there_is_one_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.SCRIPTS))
    assert len(ScriptDirectory.from_config(cfg).get_heads()) == 1
