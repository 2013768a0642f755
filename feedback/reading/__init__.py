"""Comments to read: every written comment in a sent response is read by a person,
because no screen catches everything. Participation leads (and administrators) read
them, worrying ones first, mark each read (who and when), and can raise an alert by hand.

The list and the read markers live here; alerts raised by hand go through
`feedback.alerts.work`, to the safeguarding lead like any other.
"""

from __future__ import annotations

from flask import Blueprint, Flask, request

bp = Blueprint("reading", __name__, url_prefix="/staff/comments")
READERS = ("lead", "admin")


def init_app(app: Flask) -> None:
    """Register the list and the unread count shown in the staff nav and the dashboard."""
    from feedback.reading import views  # noqa: F401  (views add routes)

    app.register_blueprint(bp)

    @app.context_processor
    def comments_to_read() -> dict:
        from feedback.reading.services import COUNTED_UP_TO

        return {"unread_comments": _unread_count, "unread_up_to": COUNTED_UP_TO}


def _unread_count() -> int | None:
    """Comments nobody has read yet, for the people who read them; None for everyone else.

    Called from the staff nav, so the count is only worked out on pages that show it.
    """
    from flask_login import current_user

    from feedback.extensions import db
    from feedback.reading.services import unread_count

    if not (current_user.is_authenticated and current_user.has_role(*READERS)):
        return None
    # Kept on the request (not `g`, which a test's app context keeps across requests) so
    # the nav and the dashboard tile count once per page.
    found = getattr(request, "unread_comment_count", None)
    if found is None:
        found = request.unread_comment_count = unread_count(db.session)
    return found
