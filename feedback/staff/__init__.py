"""Staff accounts: sign in and out, timeouts, two-step sign-in, roles, and the audit log."""

from flask import Blueprint, Flask

bp = Blueprint("staff", __name__, url_prefix="/staff")

from feedback.staff import (  # noqa: E402,F401
    account,
    accounts,
    audit_views,
    end_sessions,
    oidc,
    sessions,
    views,
)


def init_app(app: Flask) -> None:
    """Register this feature's pages, and sign-in through the identity provider if set."""
    app.register_blueprint(bp)
    oidc.init_app(app)
