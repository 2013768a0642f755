"""Privacy by design: notices in each audience's own words, the accessibility statement,
the record of processing, retention and purge, people's rights, and backups."""

from flask import Blueprint, Flask

bp = Blueprint("privacy", __name__)

from feedback.privacy import holders, people, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    """Register this feature's pages and commands (retention, purge, backups)."""
    from feedback.privacy import cli

    app.register_blueprint(bp)
    cli.init_app(app)
