"""Command-line tools: `flask db …`, `flask create-user`, `flask seed-demo`,
`flask check-language FILE`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import func, select

from feedback import migrate
from feedback.extensions import db
from feedback.staff.models import MIN_PASSWORD_LENGTH, ROLES, User

db_group = AppGroup("db", help="Database migrations.")


@db_group.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Migrate the database up (default: to the newest revision)."""
    migrate.upgrade(db.engine, revision)
    click.echo(f"Database at {revision}.")


@db_group.command("downgrade")
@click.argument("revision", default="-1")
def db_downgrade(revision: str) -> None:
    """Migrate the database down (default: one step; 'base' empties it)."""
    migrate.downgrade(db.engine, revision)
    click.echo(f"Database at {revision}.")


@db_group.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message: str) -> None:
    """Write a new migration from the difference between models and database."""
    migrate.new_revision(db.engine, message)


@click.command("create-user")
@with_appcontext
@click.option("--email", prompt=True)
@click.option("--name", prompt=True)
@click.option("--role", type=click.Choice(ROLES), prompt=True)
@click.option("--team", default="")
def create_user(email: str, name: str, role: str, team: str) -> None:
    """Create a staff account; the password is asked for, never taken as an argument."""
    email = email.strip().lower()
    if db.session.scalar(select(User).where(func.lower(User.email) == email)):
        raise click.ClickException(f"There is already an account for {email}.")
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    user = User(email=email, name=name.strip(), role=role, team=team.strip())
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {role} account for {email}.")


@click.command("seed-demo")
@with_appcontext
@click.option("--responses", default=300, show_default=True)
def seed_demo(responses: int) -> None:
    """Migrate, then load the shipped surveys, demo staff and demo responses (once)."""
    from feedback import demo

    migrate.upgrade(db.engine)
    created = demo.seed(db.session, responses=responses)
    db.session.commit()
    if created:
        click.echo(
            f"Demo content loaded. Demo staff sign-ins (password for all: {demo.DEMO_PASSWORD}):"
        )
        for email, role in demo.DEMO_STAFF_LOGINS:
            click.echo(f"  {role:<14} {email}")
    else:
        click.echo("Demo content was already there; nothing changed.")


@click.command("load-surveys")
@with_appcontext
def load_surveys_command() -> None:
    """Load (or refresh drafts of) the shipped survey definitions in surveys/."""
    from feedback.surveys.loader import load_shipped

    made = load_shipped(db.session)
    db.session.commit()
    click.echo(f"{len(made)} shipped survey(s) added.")


@click.command("check-language")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--audience",
    default=None,
    help="Who will read it (4-7, 8-12, 13-18, parent or staff): also checks reading age.",
)
def check_language_command(file: Path, audience: str | None) -> None:
    """Print language-that-cares findings for each line of FILE (advice, never an error)."""
    from feedback.language import UnknownAudience, default_glossary, write_findings

    if audience is not None:
        try:
            default_glossary().audience(audience)
        except UnknownAudience as error:
            raise click.BadParameter(str(error), param_hint="'--audience'") from None
    try:
        with file.open(encoding="utf-8") as lines:
            write_findings(lines, click.echo, audience)
    except UnicodeDecodeError:
        raise click.ClickException(f"{file} is not a UTF-8 text file.") from None


def init_app(app: Flask) -> None:
    for command in (
        db_group,
        create_user,
        seed_demo,
        load_surveys_command,
        check_language_command,
    ):
        app.cli.add_command(command)
