"""The tamper-evident record: a SHA-256 over exactly what was shown and signed.

The canonical form is JSON with sorted keys, no spaces, UTF-8, times in UTC to the second.
It holds the agreement's reference, the version number, the template it came from, every
section as shown, the people, every signature (drawing or typed name, face, time) and the
time it locked. Change any of these in the database and the hash no longer matches.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.agreements.models import Agreement, AgreementVersion

SHORT_CODE_LENGTH = 16
MIN_CODE_LENGTH = 12  # a shorter code could match by chance


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def canonical(version: AgreementVersion, locked_at: datetime | None = None) -> bytes:
    """Serialise exactly what was shown and signed, the same way every time."""
    agreement = version.agreement
    document = {
        "agreement": agreement.reference,
        "audience": agreement.audience,
        "version": version.number,
        "template": {"name": version.template_name, "version": version.template_version},
        "content": version.content,
        "people": version.people,
        "signatures": [
            {
                "person": s.person,
                "role": s.role,
                "name": s.name,
                "method": s.method,
                "typed_name": s.typed_name,
                "drawing": s.drawing,
                "feeling": s.feeling,
                "signed_at": _iso(s.signed_at),
            }
            for s in sorted(version.signatures, key=lambda s: s.person)
        ],
        "locked_at": _iso(locked_at or version.locked_at),
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def digest(version: AgreementVersion, locked_at: datetime | None = None) -> str:
    """SHA-256 (hex) of the canonical form."""
    return hashlib.sha256(canonical(version, locked_at)).hexdigest()


def verify(version: AgreementVersion) -> str:
    """Check a version against its stored hash: 'intact', 'changed' or 'not_signed'.

    The one rule for saying a record is unchanged: the check page, the staff pages, every
    copy (web page, PDFs, the family's link) call this before they say so.
    """
    if version.status != "signed" or not version.sha256:
        return "not_signed"
    return "intact" if hmac.compare_digest(digest(version), version.sha256) else "changed"


def short_code(sha256: str) -> str:
    """The check code printed on copies: the first 16 hex digits in groups of four."""
    head = sha256[:SHORT_CODE_LENGTH].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def normalise_reference(text: str) -> str:
    """Accept 'wta 7k3m 9qpx', 'WTA-7K3M-9QPX' or '7K3M9QPX' and give 'WTA-7K3M-9QPX'."""
    bare = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    if bare.startswith("WTA"):
        bare = bare[3:]
    return f"WTA-{bare[:4]}-{bare[4:]}" if len(bare) == 8 else ""


def normalise_code(text: str) -> str:
    return re.sub(r"[^0-9a-f]", "", (text or "").lower())


@dataclass(frozen=True)
class Check:
    """What the record says. outcome: intact, changed, no_match, not_signed or not_found."""

    outcome: str
    reference: str
    version: int | None = None
    locked_at: datetime | None = None
    agreement_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "intact"


def check_record(session: Session, reference: str, code: str = "") -> Check:
    """Say whether an agreement (and the copy with this check code) matches the record."""
    ref = normalise_reference(reference)
    agreement = session.scalar(select(Agreement).where(Agreement.reference == ref)) if ref else None
    if agreement is None:
        return Check("not_found", ref or reference.strip()[:20])
    code = normalise_code(code)
    signed = [v for v in agreement.versions if v.status == "signed" and v.sha256]
    if code:
        long_enough = len(code) >= MIN_CODE_LENGTH
        signed = [v for v in signed if long_enough and v.sha256.startswith(code)]
        if not signed:
            return Check("no_match", ref, agreement_id=agreement.id)
    if not signed:
        return Check("not_signed", ref, agreement_id=agreement.id)
    version = signed[-1]
    return Check(verify(version), ref, version.number, version.locked_at, agreement.id)
