"""Every limit in one place, with its numbers. docs/limits.md explains each, and how a
class of thirty children on one school network fares.

Public writes are limited per device and per address. A whole school may share one
address, so the address limits are generous (a few classes at once, all day); a device
(one browser or shared tablet) has tighter ones, so one stuck or hostile device cannot
use up its school's share.
"""

from __future__ import annotations

from feedback.limits.counting import Rule

MINUTE, HOUR, DAY = 60, 3600, 86400

# Starting (or restarting) a survey: each start makes a response row.
START = {
    "device": (Rule("start-device", 20, 10 * MINUTE), Rule("start-device", 100, DAY)),
    "address": (Rule("start-address", 300, 10 * MINUTE), Rule("start-address", 3000, DAY)),
}
# Saving an answer, or sending the answers.
ANSWER = {
    "device": (Rule("answer-device", 150, 10 * MINUTE), Rule("answer-device", 1500, DAY)),
    "address": (Rule("answer-address", 1500, 10 * MINUTE), Rule("answer-address", 30000, DAY)),
}
# New safeguarding alerts raised by comments (each one emails the safeguarding leads).
# Counted after the alert is saved; once over, that device or address waits before
# saving more answers. The alert already raised is always kept and sent.
ALERT = {
    "device": (Rule("alert-device", 5, HOUR),),
    "address": (Rule("alert-address", 20, HOUR),),
}
# Opening or checking a family's agreement copy by link.
FAMILY_LINK = {"address": (Rule("family-link", 30, MINUTE),)}
AGREEMENT_CHECK = {"address": (Rule("agreement-check", 20, MINUTE),)}
# A worker leaving the family screens of a shared tablet (password or PIN).
LEAVE_FAMILY_SCREENS = {"address": (Rule("family-screens-leave", 10, MINUTE),)}

# Staff sign-in. Every attempt (password or code) per address: generous, since a whole
# council office may share one.
SIGNIN_ADDRESS = (Rule("signin-address", 60, MINUTE), Rule("signin-address", 1000, HOUR))
# Failed passwords for one account from one address (or from one trusted browser, one
# where the account signed in before): the back-off. After 5 wait minutes, after 10 an
# hour, after 20 a day; only that address or browser waits.
SIGNIN_FAILED = (
    Rule("signin-failed", 5, 5 * MINUTE),
    Rule("signin-failed", 10, HOUR),
    Rule("signin-failed", 20, DAY),
)
# Failed passwords for one account from all browsers it has not signed in on before:
# slows guessing spread over many addresses. A browser the account signed in on before
# is not held up by this one (OWASP's "device cookies").
SIGNIN_ACCOUNT = (Rule("signin-account", 30, HOUR),)
# Wrong two-step codes for one account, wherever they come from.
CODE_FAILED = (Rule("code-failed", 10, 5 * MINUTE), Rule("code-failed", 30, DAY))
