"""Staff accounts and their roles."""

from __future__ import annotations

import secrets
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import CheckConstraint, String, false
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Model, UTCDateTime, utcnow

ROLES = ("admin", "lead", "practitioner", "safeguarding", "team_manager")
ROLE_NAMES = {
    "admin": "Administrator",
    "lead": "Participation lead",
    "practitioner": "Practitioner",
    "safeguarding": "Designated safeguarding lead",
    "team_manager": "Team manager",
}
MIN_PASSWORD_LENGTH = 12
MIN_PIN_LENGTH, MAX_PIN_LENGTH = 4, 8

_hasher = PasswordHasher()


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, Model):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    team: Mapped[str] = mapped_column(String(80), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Part of every signed-in session; a new value ends every session of this account.
    session_nonce: Mapped[str] = mapped_column(String(43), default=new_nonce)
    # Optional second step at sign-in (RFC 6238 codes); the last code used can't be reused.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]
    # Optional short PIN for leaving the family's screens on a shared tablet (hashed).
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    # Set for accounts that sign in through the identity provider (its `sub` claim).
    oidc_subject: Mapped[str | None] = mapped_column(String(255), unique=True)
    # The one administrator who may still use a password when LOCAL_LOGIN=0.
    break_glass: Mapped[bool] = mapped_column(default=False, server_default=false())

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the id and the current session nonce."""
        return f"{self.id}.{self.session_nonce}"

    def end_sessions(self) -> None:
        """Sign this account out everywhere, at once."""
        self.session_nonce = new_nonce()

    def set_active(self, active: bool) -> None:
        """Disable or enable the account; either way every session of it ends, so a
        cookie from before it was disabled is never honoured again."""
        self.active = active
        self.end_sessions()

    def set_password(self, password: str) -> None:
        """Hash and store a new password (at least 12 characters, no other rules)."""
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
        self.password_hash = _hasher.hash(password)
        if self.session_nonce:
            self.end_sessions()

    def may_use_password(self, local_login: bool) -> bool:
        """Whether password sign-in is open to this account (LOCAL_LOGIN, break-glass)."""
        return local_login or self.break_glass

    def check_password(self, password: str) -> bool:
        """Say whether the password matches, rehashing if the parameters changed."""
        try:
            _hasher.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if _hasher.check_needs_rehash(self.password_hash):
            self.password_hash = _hasher.hash(password)
        return True

    def set_pin(self, pin: str) -> None:
        """Hash and store a PIN of 4 to 8 digits (None clears it)."""
        if not (pin.isdigit() and MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH):
            raise ValueError(f"A PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.")
        self.pin_hash = _hasher.hash(pin)

    def check_password_or_pin(self, secret: str) -> bool:
        """Say whether this is the account's password or its PIN."""
        if self.pin_hash and secret.isdigit() and len(secret) <= MAX_PIN_LENGTH:
            try:
                return _hasher.verify(self.pin_hash, secret)
            except (VerificationError, InvalidHashError):
                pass
        return self.check_password(secret)

    @property
    def is_active(self) -> bool:  # Flask-Login asks this
        return self.active

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


def check_dummy_password(password: str) -> None:
    """Spend the same time as a real check, so unknown emails are not revealed by timing."""
    try:
        _hasher.verify(_DUMMY_HASH, password)
    except VerificationError:
        pass


_DUMMY_HASH = _hasher.hash("not-a-real-password-for-anyone")
