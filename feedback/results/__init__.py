"""Results a participation lead can act on: every question of a survey (or of all the
surveys for one audience) with its answer words, counts, percentages and an SVG chart;
written answers to browse; CSV and Excel exports.

Figures are counted in the database (`queries.py`), suppressed in `data.py` with the
project's one small-numbers rule (`feedback.analysis.scores.Figure`), and only then drawn.
"""

from flask import Blueprint, Flask

bp = Blueprint("results", __name__, url_prefix="/staff/results")


def init_app(app: Flask) -> None:
    """Register the results, comments and export screens."""
    from feedback.results import comment_views, export_views, views  # noqa: F401

    app.register_blueprint(bp)
