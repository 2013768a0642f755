"""Check limits from a request: who is counted (an address, a device), and a short
transaction of its own for each count, so every worker sees it at once and a view's own
transaction (or its rollback) never loses it."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from flask import Response, after_this_request, current_app, request
from sqlalchemy.orm import Session
from werkzeug.exceptions import TooManyRequests

from feedback.extensions import db
from feedback.limits.counting import Rule, hit_all, peek_all, unhit

DEVICE_COOKIE = "survey_device"
DEVICE_SECONDS = 24 * 3600  # as long as the longest window a device is counted in
_DEVICE_ID = re.compile(r"^[A-Za-z0-9_-]{22,43}$")

Limits = Mapping[str, tuple[Rule, ...]]  # by kind of subject: "device", "address", ...


class TooMany(TooManyRequests):
    """Over a limit: a kind page (429) saying to wait a little, nothing lost."""

    def __init__(self, wait: int, public: bool = False) -> None:
        super().__init__(retry_after=wait)
        self.public = public  # a child or family, not staff: the survey's kind words


def enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def subject(kind: str, value: str) -> str:
    """Who is counted, as a keyed hash: the counts never hold an address or an email."""
    key = current_app.secret_key.encode()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:40]


def address() -> str:
    """The visitor's address (behind TRUSTED_PROXIES, the one the proxies report)."""
    return request.remote_addr or "unknown"


def device_id() -> str:
    """This browser's random id for counting (a cookie, set here if it has none).

    A client that drops its cookies is a new device each time, and is held by the
    limits on its address: the device limits are for fairness among honest devices.
    """
    value = request.cookies.get(DEVICE_COOKIE, "")
    if _DEVICE_ID.match(value):
        return value
    value = secrets.token_urlsafe(16)

    @after_this_request
    def set_cookie(response: Response) -> Response:
        secure = bool(current_app.config.get("SESSION_COOKIE_SECURE"))
        response.set_cookie(
            DEVICE_COOKIE, value, max_age=DEVICE_SECONDS, httponly=True, samesite="Lax",
            secure=secure,
        )  # fmt: skip
        return response

    return value


@contextmanager
def counting() -> Iterator[Session]:
    """A short transaction of its own, committed at once."""
    with Session(db.engine) as session:
        yield session
        session.commit()


@contextmanager
def counting_first() -> Iterator[Session]:
    """`counting` before the view has read or written anything: on the request's own
    session and connection (a second session would take a second pooled connection for
    every public write), still in a short transaction committed at once."""
    yield db.session
    db.session.commit()


def take(session: Session, limits: Limits, subjects: Mapping[str, str], now: float) -> int:
    """Count one event for each subject; if any limit is then over, take them all back and
    return the seconds to wait (else 0). Counting first makes parallel requests safe."""
    counted = [(rule, subjects[kind]) for kind, rules in limits.items() for rule in rules]
    wait = 0
    for (rule, _), count in zip(counted, hit_all(session, counted, now), strict=True):
        if count > rule.limit:
            wait = max(wait, _wait(rule))
    if wait:
        give_back(session, counted, now)
    return wait


def give_back(session: Session, counted: list[tuple[Rule, str]], now: float) -> None:
    for rule, who in counted:
        unhit(session, rule, who, now)


def over(session: Session, limits: Limits, subjects: Mapping[str, str], now: float) -> int:
    """The seconds to wait if any limit is already reached (counting nothing), else 0."""
    counted = [(rule, subjects[kind]) for kind, rules in limits.items() for rule in rules]
    wait = 0
    for (rule, _), count in zip(counted, peek_all(session, counted, now), strict=True):
        if count >= rule.limit:
            wait = max(wait, _wait(rule))
    return wait


def _wait(rule: Rule) -> int:
    return min(rule.seconds, 3600) // 5 or 1  # a fair first pause; the window slides on


def now() -> float:
    return time.time()
