"""Optional second step at sign-in: time-based codes (RFC 6238) from an authenticator app."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pyotp
import segno

from feedback.staff.models import User

ISSUER = "Have your say"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str, issuer: str = ISSUER) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_data_uri(uri: str) -> str:
    """The enrolment QR code as an SVG data URI (drawn here, no outside service)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def matching_step(secret: str, code: str, at: float | None = None) -> int | None:
    """Return the 30-second step the code belongs to (allowing one step of clock drift)."""
    totp = pyotp.TOTP(secret)
    now = time.time() if at is None else at
    for drift in (0, -1, 1):
        moment = now + drift * totp.interval
        if pyotp.utils.strings_equal(totp.at(moment), code):
            return totp.timecode(datetime.fromtimestamp(moment, UTC))
    return None


def accept_code(user: User, code: str, at: float | None = None) -> bool:
    """Check a code for `user`, refusing one already used (the caller commits)."""
    if not user.totp_secret:
        return False
    step = matching_step(user.totp_secret, code, at)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True
