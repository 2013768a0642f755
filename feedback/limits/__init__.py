"""Limits that hold however many workers and machines serve the app: counted in the
database (`counting`), with every number in `rules`, applied to public writes
(`public`) and staff sign-in (`signin`). docs/limits.md describes them all."""

from __future__ import annotations

from flask import Flask, render_template

from feedback.limits.guard import TooMany


def init_app(app: Flask) -> None:
    """Show a kind page when a limit is reached."""

    @app.errorhandler(TooMany)
    def too_many(error: TooMany):
        page = render_template("limits/slow_down.html", public=error.public, error=error)
        return page, 429, error.get_headers()
