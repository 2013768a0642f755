"""Public survey pages."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys import bp
from feedback.surveys.models import AUDIENCES, Survey


@bp.get("/")
def index():
    """List the open surveys, grouped by who they are for."""
    surveys = db.session.scalars(select(Survey).where(Survey.status == "open")).all()
    open_now = [s for s in surveys if s.is_open()]
    by_audience = {a: [s for s in open_now if s.audience == a] for a in AUDIENCES}
    return render_template("surveys/index.html", by_audience=by_audience)
