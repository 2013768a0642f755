"""What a device remembers, in signed cookies only (nothing in browser storage):

- the submission id it is answering. Only until the browser is closed, so the next
  person on the device never meets earlier unsent answers, unless the person pressed
  "Save and come back later" (then for RESUME_SECONDS, never on a shared tablet);
- on a shared tablet, which survey the tablet is locked to and when it was last used.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from flask import Response, after_this_request, current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer

from feedback.surveys.services import new_submission_id

RESPONSE_COOKIE = "survey_response"
TABLET_COOKIE = "survey_tablet"
RESUME_SECONDS = 30 * 24 * 3600
TABLET_HOURS = 12
SUBMISSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _signer(salt: str) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt=salt)


def _cookie_options() -> dict:
    return {
        "httponly": True,
        "samesite": "Lax",
        "secure": bool(current_app.config.get("SESSION_COOKIE_SECURE")),
    }


def valid_submission_id(value: str | None) -> str | None:
    """A submission id from a form, if it looks like one we issue."""
    return value if value and SUBMISSION_ID.match(value) else None


def issue_start_token() -> str:
    """A signed, not yet used submission id for a start form (so a double tap reuses it)."""
    return _signer("survey-start").dumps(new_submission_id())


def read_start_token(token: str | None) -> str | None:
    try:
        return valid_submission_id(_signer("survey-start").loads(token or ""))
    except BadSignature:
        return None


def _remembered_data() -> dict:
    cookie = request.cookies.get(RESPONSE_COOKIE)
    if not cookie:
        return {}
    try:
        data = _signer("survey-response").loads(cookie)
    except BadSignature:
        return {}
    return data if isinstance(data, dict) else {}


def remembered_go() -> tuple[str, str] | None:
    """(survey code, submission id) of the response this device is answering, if any."""
    data = _remembered_data()
    if not isinstance(data.get("slug"), str):
        return None
    sid = valid_submission_id(data.get("sid"))
    return (data["slug"], sid) if sid else None


def remembered(slug: str) -> str | None:
    """The submission id this device is answering for this survey, if any."""
    go = remembered_go()
    return go[1] if go and go[0] == slug else None


def kept_for_later(slug: str, submission_id: str) -> bool:
    """Whether the person asked this device to keep these answers after the browser closes."""
    data = _remembered_data()
    return data.get("slug") == slug and data.get("sid") == submission_id and bool(data.get("keep"))


def remember(slug: str, submission_id: str, *, keep: bool = False) -> None:
    """Keep the submission id on this device: until the browser closes, or (once they chose
    "Save and come back later", and never on a shared tablet) for RESUME_SECONDS."""
    keep = (keep or kept_for_later(slug, submission_id)) and current_tablet() is None
    payload = {"slug": slug, "sid": submission_id, **({"keep": True} if keep else {})}
    value = _signer("survey-response").dumps(payload)
    max_age = RESUME_SECONDS if keep else None  # None: a browser-session cookie

    @after_this_request
    def set_cookie(response: Response) -> Response:
        response.set_cookie(RESPONSE_COOKIE, value, max_age=max_age, **_cookie_options())
        return response


def forget() -> None:
    """Drop the submission id from this device (after sending, or on a tablet reset)."""

    @after_this_request
    def delete_cookie(response: Response) -> Response:
        response.delete_cookie(RESPONSE_COOKIE, **_cookie_options())
        return response


@dataclass(frozen=True)
class Tablet:
    """A shared tablet, locked by a practitioner to the surveys of one visit."""

    slugs: tuple[str, ...]
    started_by: int
    started: float
    seen: float

    def expired(self, now: float) -> bool:
        return now - self.started > TABLET_HOURS * 3600

    def idle_for(self, now: float) -> float:
        return now - self.seen


_UNREAD = object()


def current_tablet() -> Tablet | None:
    """The tablet session this request comes from, if any (read once per request)."""
    tablet = g.get("tablet", _UNREAD)
    if tablet is _UNREAD:
        tablet = g.tablet = _read_tablet()
    return tablet


def _read_tablet() -> Tablet | None:
    cookie = request.cookies.get(TABLET_COOKIE)
    if not cookie:  # most devices: no need to check a signature on nothing
        return None
    try:
        data = _signer("survey-tablet").loads(cookie)
        slugs = tuple(str(s) for s in data["slugs"])
        tablet = Tablet(slugs, int(data["by"]), float(data["started"]), float(data["seen"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    return None if tablet.expired(time.time()) else tablet


def set_tablet_cookie(response: Response, tablet: Tablet) -> None:
    value = _signer("survey-tablet").dumps(
        {
            "slugs": list(tablet.slugs),
            "by": tablet.started_by,
            "started": tablet.started,
            "seen": tablet.seen,
        }
    )
    response.set_cookie(TABLET_COOKIE, value, max_age=TABLET_HOURS * 3600, **_cookie_options())


def clear_tablet_cookie(response: Response) -> None:
    response.delete_cookie(TABLET_COOKIE, **_cookie_options())
    response.delete_cookie(RESPONSE_COOKIE, **_cookie_options())
