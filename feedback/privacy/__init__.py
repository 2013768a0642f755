"""Privacy by design: notices in each audience's own words, the accessibility statement,
the record of processing, retention and purge, people's rights, and backups."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)

from feedback.privacy import holders, people, views  # noqa: E402,F401
