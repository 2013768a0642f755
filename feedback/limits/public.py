"""Limits on what anyone may do without signing in: start a survey, save answers, raise
safeguarding alerts, open agreement links. Put `@public_write("start")` (or "answer")
under the route decorator of a view that writes; `@by_address(RULES)` on other pages."""

from __future__ import annotations

from functools import wraps

from flask import g, make_response

from feedback.limits import guard, rules
from feedback.limits.counting import hit

KINDS = {"start": rules.START, "answer": rules.ANSWER}


def _subjects() -> dict[str, str]:
    return {
        "device": guard.subject("device", guard.device_id()),
        "address": guard.subject("address", guard.address()),
    }


def public_write(kind: str):
    """Count this write against its device and address limits; a 429 kind page when over.

    Saving answers also waits while the device or address has raised many new
    safeguarding alerts lately; each new alert is counted once it is saved.
    """
    KINDS[kind]  # a wrong kind fails at import, not on a child's request

    def decorate(view):
        @wraps(view)
        def limited(*args, **kwargs):
            if not guard.enabled():
                return view(*args, **kwargs)
            now, subjects = guard.now(), _subjects()
            with guard.counting_first() as session:
                wait = guard.over(session, rules.ALERT, subjects, now) if kind == "answer" else 0
                wait = wait or guard.take(session, KINDS[kind], subjects, now)
            if wait:
                raise guard.TooMany(wait, public=True)
            response = make_response(view(*args, **kwargs))
            if g.get("alerts_to_email"):  # this request saved a new alert
                with guard.counting() as session:
                    for kind_, rules_ in rules.ALERT.items():
                        for rule in rules_:
                            hit(session, rule, subjects[kind_], now)
            return response

        return limited

    return decorate


def by_address(limits: guard.Limits, public: bool = True):
    """Count every request to this view against the visitor's address."""

    def decorate(view):
        @wraps(view)
        def limited(*args, **kwargs):
            if guard.enabled():
                subjects = {"address": guard.subject("address", guard.address())}
                with guard.counting_first() as session:
                    wait = guard.take(session, limits, subjects, guard.now())
                if wait:
                    raise guard.TooMany(wait, public=public)
            return view(*args, **kwargs)

        return limited

    return decorate
