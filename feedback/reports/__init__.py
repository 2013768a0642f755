"""The "You told us, we did" feature: actions, quotes, and reports for families and the board.

`data.build_report` gathers the numbers once; `render.render_pdf` (reportlab, in `pdf/`
only) and the HTML templates show them; `export.py` streams responses as CSV;
`public.py` serves the public page for each audience; `quotes.py` is the one rule for
what may be quoted.
"""

from flask import Blueprint, Flask

bp = Blueprint("reports", __name__, url_prefix="/staff/reports")


def init_app(app: Flask) -> None:
    """Register the blueprint and the `flask report` command."""
    from feedback.reports import action_views, cli, public, views  # noqa: F401  (views add routes)

    app.register_blueprint(bp)
    app.register_blueprint(public.bp)  # the public "What you told us and what we did" pages
    app.cli.add_command(cli.report_command)
