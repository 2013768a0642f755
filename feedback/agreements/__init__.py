"""Working Together Agreements: templates, preparing, signing on one tablet, copies, checks."""

from flask import Blueprint, Flask

bp = Blueprint("agreements", __name__)

from feedback.agreements import (  # noqa: E402,F401
    family_screens,
    family_views,
    link_views,
    signing_views,
    team_views,
    template_views,
    views,
)


def init_app(app: Flask) -> None:
    """Register this feature's pages."""
    app.register_blueprint(bp)
