"""Role checks for staff routes. Every staff route says which roles may use it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def role_required(*roles: str) -> Callable:
    """Allow only signed-in staff with one of these roles (anonymous: login page; others: 403).

    Admins may use every staff route.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role("admin", *roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = ("admin", *roles)  # read by the route-access test
        return wrapped

    return decorator


STAFF_ROLES = ("lead", "practitioner", "safeguarding", "team_manager")
