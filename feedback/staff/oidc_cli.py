"""Command-line tools for sign-in through the identity provider: the break-glass
administrator (who keeps a password when LOCAL_LOGIN=0) and ending someone's sessions."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import func, select, update

from feedback.extensions import db
from feedback.staff.audit import record
from feedback.staff.models import MIN_PASSWORD_LENGTH, User


def _by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


@click.command("break-glass-admin")
@with_appcontext
@click.option("--email", prompt=True)
@click.option("--name", default="Break-glass administrator", show_default=True)
def break_glass_admin(email: str, name: str) -> None:
    """Make EMAIL the one administrator who may sign in with a password when LOCAL_LOGIN=0.

    Creates the account if needed and asks for its new password; any earlier break-glass
    account loses the right (and its sessions end).
    """
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    user = _by_email(email)
    if user is None:
        user = User(email=email.strip().lower(), name=name.strip(), role="admin", team="")
        db.session.add(user)
    elif user.oidc_subject:
        raise click.ClickException(
            f"{user.email} signs in through the identity provider; use a separate account."
        )
    user.role, user.active, user.break_glass = "admin", True, True
    user.set_password(password)
    db.session.flush()
    for earlier in db.session.scalars(select(User).where(User.break_glass, User.id != user.id)):
        earlier.end_sessions()
    db.session.execute(update(User).where(User.id != user.id).values(break_glass=False))
    record(
        db.session,
        "credentials_changed",
        target_type="user",
        target_id=user.id,
        detail="break-glass administrator",
    )
    db.session.commit()
    click.echo(f"{user.email} is the break-glass administrator.")


@click.command("end-sessions")
@with_appcontext
@click.argument("email")
def end_sessions(email: str) -> None:
    """Sign EMAIL out everywhere at once (their next request goes to the sign-in page)."""
    user = _by_email(email)
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    user.end_sessions()
    record(db.session, "sessions_ended", target_type="user", target_id=user.id, detail="cli")
    db.session.commit()
    click.echo(f"Every session of {user.email} has ended.")


def init_app(app: Flask) -> None:
    app.cli.add_command(break_glass_admin)
    app.cli.add_command(end_sessions)
