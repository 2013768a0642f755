"""Staff accounts from an OpenID Connect provider's claims: role map, first sign-in, updates.

Flask-free: `sign_in_with_claims(session, claims, mapping)` finds or makes the account,
brings its role and team up to date from the claims, flushes, and never commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback.staff.models import ROLES, User

# Not an argon2 hash, so a password can never match it.
UNUSABLE_HASH = "!signs-in-with-identity-provider"


class SignInRefused(Exception):
    """The provider vouched for this person, but they may not use the service.

    `reason` is one of "no_role", "no_email", "email_taken", "disabled"; `user` is their
    account here, if they have one.
    """

    def __init__(self, reason: str, user: User | None = None):
        super().__init__(reason)
        self.reason = reason
        self.user = user


@dataclass(frozen=True)
class ClaimMapping:
    """How claims become a role and a team (from OIDC_ROLES_CLAIM, OIDC_ROLE_MAP, ...)."""

    roles_claims: tuple[str, ...]
    role_map: tuple[tuple[str, str], ...]  # (claim value, role), first match wins
    team_claim: str = ""

    @classmethod
    def from_settings(cls, roles_claim: str, role_map: str, team_claim: str = "") -> ClaimMapping:
        """Read the settings; a malformed map raises ValueError saying what is wrong."""
        pairs = []
        for entry in filter(None, (part.strip() for part in role_map.split(","))):
            value, sep, role = (part.strip() for part in entry.rpartition("="))
            if not sep or not value:
                raise ValueError(f"OIDC_ROLE_MAP entry {entry!r} is not claim-value=role.")
            if role not in ROLES:
                raise ValueError(
                    f"OIDC_ROLE_MAP entry {entry!r}: the role must be one of {', '.join(ROLES)}."
                )
            pairs.append((value, role))
        if not pairs:
            raise ValueError("OIDC_ROLE_MAP is empty: nobody could be given a role.")
        claims = tuple(filter(None, (c.strip() for c in roles_claim.split(","))))
        return cls(claims or ("roles",), tuple(pairs), team_claim.strip())

    def role_for(self, claims: Mapping) -> str | None:
        """The role for these claims: the first OIDC_ROLE_MAP entry any claim value matches."""
        values = set()
        for name in self.roles_claims:
            value = claims.get(name)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str | int) and not isinstance(item, bool):
                    values.add(str(item))
        return next((role for value, role in self.role_map if value in values), None)

    def team_for(self, claims: Mapping) -> str | None:
        """The team named in OIDC_TEAM_CLAIM, or None when that setting is off."""
        if not self.team_claim:
            return None
        value = claims.get(self.team_claim)
        if isinstance(value, list):
            value = value[0] if value else ""
        return str(value or "").strip()[:80]


def _email(claims: Mapping) -> str:
    for name in ("email", "preferred_username", "upn"):
        value = claims.get(name)
        if isinstance(value, str) and "@" in value:
            return value.strip().lower()[:254]
    return ""


def _name(claims: Mapping, email: str) -> str:
    name = claims.get("name") or " ".join(
        str(claims[part]) for part in ("given_name", "family_name") if claims.get(part)
    )
    return (str(name).strip() or email)[:120]


def _email_in_use(session: Session, email: str) -> bool:
    return session.scalar(select(User.id).where(func.lower(User.email) == email)) is not None


def sign_in_with_claims(session: Session, claims: Mapping, mapping: ClaimMapping) -> User:
    """Find, link or make the account for these verified claims and update role and team.

    The account is found by the provider's subject; the first time, an account with the
    same email that nobody has linked yet (and is not the break-glass one) is linked.
    """
    subject = str(claims["sub"])
    email = _email(claims)
    user = session.scalar(select(User).where(User.oidc_subject == subject))
    if user is None and email:
        same_email = session.scalar(select(User).where(func.lower(User.email) == email))
        if same_email is not None and (same_email.oidc_subject or same_email.break_glass):
            raise SignInRefused("email_taken", same_email)
        user = same_email
        if user is not None:
            user.oidc_subject = subject
    role = mapping.role_for(claims)
    if role is None:
        if user is not None:
            user.end_sessions()  # removed from the service in the provider: out everywhere
        raise SignInRefused("no_role", user)
    if user is not None and not user.active:
        raise SignInRefused("disabled", user)
    team = mapping.team_for(claims)
    if user is None:
        if not email:
            raise SignInRefused("no_email")
        user = User(email=email, password_hash=UNUSABLE_HASH, oidc_subject=subject, team="")
        session.add(user)
    elif email and email != user.email.lower() and not _email_in_use(session, email):
        user.email = email  # changed in the provider, and nobody here has it
    user.name = _name(claims, email or user.email)
    user.role = role
    if team is not None:
        user.team = team
    session.flush()
    return user
