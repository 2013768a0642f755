"""The participation lead's dashboard: responses over time, principle scores, themes with
example quotes, the open-alert count; and moving a comment to another theme.

Numbers come from `feedback.analysis.scores` (shared with the reports) and `data.py`;
charts are drawn on the server as SVG (`charts.py`), each with a table of its numbers.
"""

from flask import Blueprint, Flask

bp = Blueprint("dashboard", __name__, url_prefix="/staff/dashboard")


def init_app(app: Flask) -> None:
    """Register the dashboard screens and `flask reanalyse`."""
    from feedback.dashboard import cli, theme_views, views  # noqa: F401  (views add routes)

    app.register_blueprint(bp)
    app.cli.add_command(cli.reanalyse_command)
