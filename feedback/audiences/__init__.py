"""Audiences as data: the age bands (and parents and carers) surveys are written for,
each with its own words, reading age and privacy notice. Leads and admins add bands."""

from flask import Blueprint, Flask

bp = Blueprint("audiences", __name__, url_prefix="/staff/audiences")

from feedback.audiences import shipped, views  # noqa: E402,F401  (the table's default rows)


def init_app(app: Flask) -> None:
    """Register this feature's pages."""
    app.register_blueprint(bp)
