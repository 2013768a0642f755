"""Staff accounts: sign in and out, roles, and the audit log."""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from feedback.staff import views  # noqa: E402,F401
