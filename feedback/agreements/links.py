"""Family download links: unguessable, stored only as a hash, expiring, one window of use.

A link works for `days` days at most. The first time the family opens it, a short
download window starts (`window_minutes`, 30 by default) in which the copy and its PDF
can be fetched, even twice on a slow connection; after the window, or after the expiry
date, the link answers "this link has expired" and the worker can make a new one.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.agreements.models import AgreementError, AgreementVersion, FamilyLink
from feedback.db import utcnow

DEFAULT_DAYS = 7
DEFAULT_WINDOW_MINUTES = 30


class LinkNotFound(AgreementError):
    """No such link (404)."""


class LinkExpired(AgreementError):
    """The link is past its date or its download window (410)."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_family_link(
    session: Session,
    version: AgreementVersion,
    actor_id: int | None,
    *,
    days: int = DEFAULT_DAYS,
    window_minutes: int = DEFAULT_WINDOW_MINUTES,
    now: datetime | None = None,
) -> tuple[FamilyLink, str]:
    """Make a link for a signed version. The token is returned once and never stored."""
    if version.status != "signed":
        raise AgreementError("Only a signed agreement can be sent to the family.")
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    link = FamilyLink(
        version=version,
        token_sha256=_hash(token),
        created_by_id=actor_id,
        created_at=now,
        expires_at=now + timedelta(days=days),
        window_minutes=window_minutes,
    )
    session.add(link)
    session.flush()
    return link, token


def open_family_link(session: Session, token: str, now: datetime | None = None) -> FamilyLink:
    """Find a usable link, starting its download window on first use."""
    now = now or utcnow()
    if not token or len(token) > 100:
        raise LinkNotFound("No such link.")
    link = session.scalar(select(FamilyLink).where(FamilyLink.token_sha256 == _hash(token)))
    if link is None:
        raise LinkNotFound("No such link.")
    if now >= link.expires_at:
        raise LinkExpired("This link has expired.")
    if link.first_used_at is None:
        link.first_used_at = now
        session.flush()
    elif now >= link.first_used_at + timedelta(minutes=link.window_minutes):
        raise LinkExpired("This link has been used.")
    return link
