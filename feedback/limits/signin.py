"""Staff sign-in limits, counted in the database (see `rules` for the numbers).

Following OWASP's advice on account lockout (the Authentication Cheat Sheet, and
"Slow Down Online Guessing Attacks with Device Cookies"):

- every attempt counts against the address (generous: an office may share one);
- a failed password counts against the account *from that address* (the back-off), so
  an attacker elsewhere cannot lock the person out: the right password is still taken
  from another address, or after a pause from the same one;
- failures from browsers the account has never signed in on also count against the
  account as a whole (guessing spread over many addresses is slowed down), but a browser
  that has signed in to this account before (a signed "trusted browser" cookie) is
  counted on its own instead, so the real person gets in while an attack goes on;
- wrong two-step codes count against the account, wherever they come from.

An attempt is counted before the password is checked and given back if it was not a
failure, so parallel attempts cannot slip past a limit. The decorators read the
outcome from the status: 401 is a failure, a redirect a success.
"""

from __future__ import annotations

import secrets
from functools import wraps

from flask import Response, current_app, make_response, request, session
from itsdangerous import BadSignature, URLSafeSerializer

from feedback.limits import guard, rules

TRUSTED_COOKIE = "staff_browser"
TRUSTED_SECONDS = 90 * 86400


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="staff-trusted-browser")


def _trusted_browser(account: str) -> str | None:
    """This browser's own counting subject, if it has signed in to `account` before."""
    try:
        data = _signer().loads(request.cookies.get(TRUSTED_COOKIE, ""))
    except BadSignature:
        return None
    if isinstance(data, dict) and data.get("a") == account and isinstance(data.get("n"), str):
        return guard.subject("browser", data["n"])
    return None


def _trust_this_browser(response: Response, account: str) -> None:
    value = _signer().dumps({"a": account, "n": secrets.token_urlsafe(16)})
    response.set_cookie(
        TRUSTED_COOKIE, value, max_age=TRUSTED_SECONDS, httponly=True, samesite="Lax",
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")), path="/staff/",
    )  # fmt: skip


def _limited(view, subjects_and_limits):
    """Count before the view, give back unless it answered 401, refuse when over."""

    @wraps(view)
    def limited(*args, **kwargs):
        if request.method != "POST" or not guard.enabled():
            return view(*args, **kwargs)
        now = guard.now()
        address = {"address": guard.subject("address", guard.address())}
        limits, subjects = subjects_and_limits()
        with guard.counting() as db_session:
            wait = guard.take(db_session, {"address": rules.SIGNIN_ADDRESS}, address, now)
            wait = wait or guard.take(db_session, limits, subjects, now)
        if wait:
            raise guard.TooMany(wait)
        response = make_response(view(*args, **kwargs))
        if response.status_code != 401:  # not a failure: it does not count
            counted = [(r, subjects[k]) for k, rs in limits.items() for r in rs]
            with guard.counting() as db_session:
                guard.give_back(db_session, counted, now)
        return response

    return limited


def password_limited(view):
    """The sign-in page's limits (see the module's docstring)."""

    def subjects_and_limits():
        email = str(request.form.get("email", "")).strip().lower()[:254]
        account = guard.subject("account", email)
        browser = _trusted_browser(account)
        if browser is not None:
            return {"browser": rules.SIGNIN_FAILED}, {"browser": browser}
        here = guard.subject("account-address", f"{email}|{guard.address()}")
        limits = {"here": rules.SIGNIN_FAILED, "account": rules.SIGNIN_ACCOUNT}
        return limits, {"here": here, "account": account}

    limited = _limited(view, subjects_and_limits)

    @wraps(view)
    def trusting(*args, **kwargs):
        response = make_response(limited(*args, **kwargs))
        if request.method == "POST" and response.status_code in (302, 303):
            email = str(request.form.get("email", "")).strip().lower()[:254]
            _trust_this_browser(response, guard.subject("account", email))
        return response

    return trusting


def code_limited(view):
    """The two-step code page's limits: wrong codes per account, from anywhere."""

    def subjects_and_limits():
        pending = session.get("pending")
        user_id = pending.get("id") if isinstance(pending, dict) else None
        return {"code": rules.CODE_FAILED}, {"code": guard.subject("user", str(user_id))}

    return _limited(view, subjects_and_limits)
