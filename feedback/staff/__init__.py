"""Staff accounts: sign in and out, timeouts, two-step sign-in, roles, and the audit log."""

from flask import Blueprint, Flask

bp = Blueprint("staff", __name__, url_prefix="/staff")

from feedback.staff import account, accounts, audit_views, sessions, views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    """Register this feature's pages."""
    app.register_blueprint(bp)
