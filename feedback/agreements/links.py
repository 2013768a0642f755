"""Family links: unguessable, stored only as a hash, expiring, one window of use.

A link works for `days` days at most. Opening it (a GET, as a link preview or an email
scanner does) only shows a page with one button; the download window (`window_minutes`,
30 by default) starts when a person presses "Open my agreement" (a POST). In the window
the copy and its PDF can be fetched, even twice on a slow connection; after it, after the
expiry date, or once the worker has made a newer link, the link answers "this link has
expired" and the worker can make a new one.

The token is in the link's query string (which the access log leaves out) and in the
POST body, never in a path. It is not stored: the row keeps its SHA-256, to find it, and
a random seed from which the token is made again with the app's secret key, so the worker
can show a live link again. Someone with the database but not the key cannot.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.agreements.models import Agreement, AgreementError, AgreementVersion, FamilyLink
from feedback.db import utcnow

DEFAULT_DAYS = 7
DEFAULT_WINDOW_MINUTES = 30
MAX_TOKEN_LENGTH = 100


class LinkNotFound(AgreementError):
    """No such link (404)."""


class LinkExpired(AgreementError):
    """The link is past its date, its download window, or replaced by a newer one (410)."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_for(link: FamilyLink, key: bytes) -> str | None:
    """The link's token, made again from its seed (None for links made before seeds)."""
    if not link.token_seed:
        return None
    mac = hmac.new(key, b"family-link:" + link.token_seed.encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode("ascii")


def window_over(link: FamilyLink, now: datetime) -> bool:
    return bool(link.first_used_at) and now >= link.first_used_at + timedelta(
        minutes=link.window_minutes
    )


def is_live(link: FamilyLink, now: datetime) -> bool:
    """Can the family still use this link?"""
    return link.revoked_at is None and now < link.expires_at and not window_over(link, now)


def create_family_link(
    session: Session,
    version: AgreementVersion,
    actor_id: int | None,
    key: bytes,
    *,
    days: int = DEFAULT_DAYS,
    window_minutes: int = DEFAULT_WINDOW_MINUTES,
    now: datetime | None = None,
) -> tuple[FamilyLink, str]:
    """Make a link for a signed version; every earlier link to the agreement stops working."""
    if version.status != "signed":
        raise AgreementError("Only a signed agreement can be sent to the family.")
    now = now or utcnow()
    for old in links_for(session, version.agreement):
        if old.revoked_at is None:
            old.revoked_at = now
    link = FamilyLink(
        version=version,
        token_seed=secrets.token_hex(16),
        created_by_id=actor_id,
        created_at=now,
        expires_at=now + timedelta(days=days),
        window_minutes=window_minutes,
    )
    token = token_for(link, key)
    link.token_sha256 = _hash(token)
    session.add(link)
    session.flush()
    return link, token


def links_for(session: Session, agreement: Agreement) -> list[FamilyLink]:
    """Every link made for this agreement, newest first."""
    return list(
        session.scalars(
            select(FamilyLink)
            .join(AgreementVersion)
            .where(AgreementVersion.agreement_id == agreement.id)
            .order_by(FamilyLink.created_at.desc(), FamilyLink.id.desc())
        )
    )


def find_family_link(session: Session, token: str, now: datetime | None = None) -> FamilyLink:
    """The usable link with this token, changing nothing (what a GET may do)."""
    now = now or utcnow()
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise LinkNotFound("No such link.")
    link = session.scalar(select(FamilyLink).where(FamilyLink.token_sha256 == _hash(token)))
    if link is None:
        raise LinkNotFound("No such link.")
    if not is_live(link, now):
        raise LinkExpired("This link has expired.")
    return link


def open_family_link(session: Session, token: str, now: datetime | None = None) -> FamilyLink:
    """A person pressed "Open my agreement": start the download window if not started."""
    now = now or utcnow()
    link = find_family_link(session, token, now)
    if link.first_used_at is None:
        link.first_used_at = now
        session.flush()
    return link


def opened_link(session: Session, link_id: int | None, now: datetime | None = None) -> FamilyLink:
    """The link this browser opened, while its window lasts."""
    now = now or utcnow()
    link = session.get(FamilyLink, link_id) if isinstance(link_id, int) else None
    if link is None or link.first_used_at is None:
        raise LinkNotFound("No such link.")
    if not is_live(link, now):
        raise LinkExpired("This link has expired.")
    return link
