"""`flask purge-expired`, `flask backup FILE`, `flask restore FILE`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from feedback import migrate
from feedback.extensions import db
from feedback.privacy import backup as backups
from feedback.privacy.purge import purge_expired
from feedback.staff.audit import record


@click.command("purge-expired")
@with_appcontext
def purge_expired_command() -> None:
    """Delete responses, agreements and alerts past their retention date (run daily)."""
    result = purge_expired(db.session)
    db.session.commit()
    for table, count in result.deleted.items():
        kept = result.kept.get(table, 0)
        note = f" ({kept} kept while a linked record is kept)" if kept else ""
        click.echo(f"{table}: {count} deleted{note}")
    click.echo(f"Purged {result.total} record(s) past their retention date.")


@click.command("backup")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace FILE if it exists.")
def backup_command(file: Path, overwrite: bool) -> None:
    """Copy the SQLite database to FILE while the app runs (PostgreSQL: use pg_dump)."""
    try:
        size = backups.backup(db.engine, file, overwrite=overwrite)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    record(db.session, "backup", target_type="database", detail=f"{size} bytes")
    db.session.commit()
    click.echo(f"Backed up to {file} ({size:,} bytes).")


@click.command("restore")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.confirmation_option(
    prompt="This replaces everything in the database. Stop the app first. Carry on?"
)
def restore_command(file: Path) -> None:
    """Replace the SQLite database with the backup in FILE, then migrate it up to date."""
    try:
        backups.restore(db.engine, file)
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from error
    if backups.has_migrations(file):
        migrate.upgrade(db.engine)  # a backup from an older release catches up
    click.echo(f"Restored from {file}.")


def init_app(app: Flask) -> None:
    for command in (purge_expired_command, backup_command, restore_command):
        app.cli.add_command(command)
