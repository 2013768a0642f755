"""Working Together Agreements: templates, agreements, their versions, signatures, links."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Model, UTCDateTime, utcnow
from feedback.staff.models import User

AUDIENCES = ("child", "adult")
SIGNER_ROLES = ("child", "parent", "carer", "worker")
VERSION_STATUSES = ("draft", "signing", "signed", "replaced")
METHODS = ("drawn", "typed")
# No 0/O, 1/I/L, 2/Z, 5/S: easy to read out over the phone and to type from a printout.
REFERENCE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"


def new_reference() -> str:
    """A short reference code for the agreement, printed on every copy."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"WTA-{code[:4]}-{code[4:]}"


class AgreementError(Exception):
    """An illegal change to an agreement (the view shows the message, with a 4xx)."""


class AlreadySigned(AgreementError):
    """This person has already signed this version."""


class NotReady(AgreementError):
    """Sections the template marks as needed are still empty, so signing cannot start."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__("Fill in: " + "; ".join(missing))
        self.missing = missing


class VersionLocked(AgreementError):
    """The version has signatures, so its words cannot change."""


class AgreementTemplate(Model):
    __tablename__ = "agreement_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    # [{key, kind, emoji, heading, heading_child, text, text_child, hint}]
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # [{principle, text, text_child}]
    promises: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(default=1)
    active: Mapped[bool] = mapped_column(default=True)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Agreement(Model):
    __tablename__ = "agreements"
    __table_args__ = (
        CheckConstraint(f"audience IN {AUDIENCES!r}", name="audience_known"),
        Index("ix_agreements_team_review", "team", "review_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True, default=new_reference)
    # The council's own family reference (staff only); with first names, all we keep.
    family_reference: Mapped[str] = mapped_column(String(40), index=True)
    audience: Mapped[str] = mapped_column(String(10), default="adult")
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement_templates.id", ondelete="SET NULL")
    )
    worker_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    team: Mapped[str] = mapped_column(String(80), default="")
    review_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by the retention policy (privacy work); nothing is purged while it is empty.
    retain_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    versions: Mapped[list[AgreementVersion]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="AgreementVersion.number",
    )
    template: Mapped[AgreementTemplate | None] = relationship()
    worker: Mapped[User | None] = relationship()  # who holds it now (handover changes it)

    @property
    def current(self) -> AgreementVersion:
        return self.versions[-1]

    @property
    def last_signed(self) -> AgreementVersion | None:
        signed = [v for v in self.versions if v.status == "signed"]
        return signed[-1] if signed else None

    def version(self, number: int) -> AgreementVersion | None:
        return next((v for v in self.versions if v.number == number), None)


class AgreementVersion(Model):
    """Exactly what the family was shown and signed. Frozen from the first signature."""

    __tablename__ = "agreement_versions"
    __table_args__ = (
        UniqueConstraint("agreement_id", "number"),
        CheckConstraint(f"status IN {VERSION_STATUSES!r}", name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    template_name: Mapped[str] = mapped_column(String(120), default="")
    template_version: Mapped[int] = mapped_column(default=1)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # what the worker typed
    content: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # what is shown
    people: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{role, name}]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)

    agreement: Mapped[Agreement] = relationship(back_populates="versions")
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="Signature.person"
    )

    @property
    def is_editable(self) -> bool:
        return self.status == "draft"

    def signature_for(self, person: int) -> Signature | None:
        return next((s for s in self.signatures if s.person == person), None)

    def unsigned(self) -> list[int]:
        """Positions of the people who still need to sign, in order."""
        done = {s.person for s in self.signatures}
        return [i for i in range(len(self.people)) if i not in done]

    def add_signature(self, signature: Signature) -> None:
        """Take one person's signature; refuse a second one or a closed version."""
        if self.status in ("signed", "replaced"):
            raise VersionLocked("This version can no longer be signed.")
        if not 0 <= signature.person < len(self.people):
            raise AgreementError("That person is not on this agreement.")
        if self.signature_for(signature.person):
            raise AlreadySigned(f"{self.people[signature.person]['name']} has already signed.")
        self.signatures.append(signature)
        self.status = "signing"

    def lock(self, digest: str, at: datetime) -> None:
        """Freeze the version for good once everyone has signed."""
        if self.unsigned():
            raise AgreementError("Not everyone has signed yet.")
        self.status, self.sha256, self.locked_at = "signed", digest, at

    def replace(self) -> None:
        """Set aside a part-signed version when its words are changed."""
        if self.status == "signed":
            raise VersionLocked("A signed version stays as it is.")
        self.status = "replaced"


class Signature(Model):
    __tablename__ = "agreement_signatures"
    __table_args__ = (
        UniqueConstraint("version_id", "person"),
        CheckConstraint(f"method IN {METHODS!r}", name="method_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id", ondelete="CASCADE"))
    person: Mapped[int] = mapped_column()  # position in the version's people
    role: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120))
    method: Mapped[str] = mapped_column(String(10))
    typed_name: Mapped[str] = mapped_column(String(120), default="")
    drawing: Mapped[str] = mapped_column(Text, default="")  # PNG data URL, re-encoded by us
    feeling: Mapped[str] = mapped_column(String(20), default="")
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    version: Mapped[AgreementVersion] = relationship(back_populates="signatures")


class FamilyLink(Model):
    """A link the family can use to get their copy: expires, works once per window, and a
    newer link for the same agreement replaces it."""

    __tablename__ = "agreement_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("agreement_versions.id", ondelete="CASCADE"))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # never the token
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    window_minutes: Mapped[int] = mapped_column(default=30)
    first_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # With the app's secret key this gives the token again, so the worker can show the
    # link again; the database alone cannot (links.py).
    token_seed: Mapped[str | None] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    version: Mapped[AgreementVersion] = relationship()
