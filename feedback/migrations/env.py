"""Alembic environment: runs against the connection handed over by feedback.migrate."""

from alembic import context

import feedback.models  # noqa: F401  (register every table on the metadata)
from feedback.db import Model

config = context.config
target_metadata = Model.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
