"""Every cookie a child's, family's or worker's browser may get, by its real name, and
how long each lasts: what the privacy notices list. The names and periods come from the
code that sets them, so a notice cannot drift from it (tests/privacy/test_cookies.py
also fails when code sets a cookie that is not listed here)."""

from __future__ import annotations

from flask import current_app

from feedback.limits import guard, signin
from feedback.privacy.retention import describe_days, describe_hours
from feedback.surveys import device

DAY = 24 * 3600


def cookie_names() -> dict[str, str]:
    """{what it is for: the cookie's name}, for every cookie the app sets."""
    return {
        "session": current_app.config.get("SESSION_COOKIE_NAME") or "session",
        "response": device.RESPONSE_COOKIE,
        "device": guard.DEVICE_COOKIE,
        "tablet": device.TABLET_COOKIE,
        "staff_browser": signin.TRUSTED_COOKIE,
    }


def _describe(seconds: int) -> str:
    return describe_days(seconds // DAY) if seconds % DAY == 0 else describe_hours(seconds // 3600)


def cookie_periods() -> dict[str, str]:
    """How long the cookies that outlast the browser session are kept, in plain words."""
    return {
        "saved": _describe(device.RESUME_SECONDS),  # after "Save and come back later"
        "device": _describe(guard.DEVICE_SECONDS),
        "tablet": _describe(device.TABLET_HOURS * 3600),
        "staff_browser": _describe(signin.TRUSTED_SECONDS),
    }
