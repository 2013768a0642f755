"""The survey builder for participation leads: make surveys from the question bank,
check their words, preview them as a child will see them, open, close and translate."""

from flask import Blueprint, Flask

bp = Blueprint("builder", __name__, url_prefix="/staff/surveys")

from feedback.builder import (  # noqa: E402,F401
    condition_views,
    lifecycle,
    preview,
    question_views,
    settings_views,
    views,
)
from feedback.builder.advice import advice  # noqa: E402


@bp.context_processor
def builder_helpers() -> dict:
    return {"advice": advice}


def init_app(app: Flask) -> None:
    """Register this feature's pages."""
    app.register_blueprint(bp)
