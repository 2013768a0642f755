"""Taking surveys: the public start page, the screens a child or family sees, the
shared-tablet hand-back, and links and QR codes for sharing them."""

from flask import Blueprint, Flask

bp = Blueprint("surveys", __name__)

from feedback.surveys import leaving, share, tablet, taking, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    """Register this feature's pages."""
    app.register_blueprint(bp)
