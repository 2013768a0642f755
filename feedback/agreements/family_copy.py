"""The family's copy of one version: built once, shown as HTML and printed as a PDF."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from feedback.agreements import content, record
from feedback.agreements.models import AgreementVersion

LOCAL_TIME = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class SignedBy:
    name: str
    role: str  # the words for the role, e.g. "Parent"
    signed: bool
    method: str = ""  # "drawn" or "typed"
    typed_name: str = ""
    drawing: str = ""  # PNG data URL
    feeling_emoji: str = ""
    feeling: str = ""
    signed_on: str = ""


@dataclass(frozen=True)
class AgreementCopy:
    reference: str
    version: int
    status: str
    audience: str
    sections: tuple[dict[str, Any], ...]
    people: tuple[SignedBy, ...]
    locked_on: str
    sha256: str
    check_code: str
    words: dict[str, str]
    record: str = "not_signed"  # record.verify(): intact, changed or not_signed

    @property
    def changed(self) -> bool:
        return self.record == "changed"


def _when(value) -> str:
    """The date and time in England (GMT or BST), as the family would read a clock."""
    if not value:
        return ""
    local = value.astimezone(LOCAL_TIME)
    return f"{content.long_date(local)} at {local:%H:%M}"


def build_copy(version: AgreementVersion) -> AgreementCopy:
    """Collect what the family sees for this version, signatures included."""
    w = content.words()
    people = []
    for i, person in enumerate(version.people):
        signature = version.signature_for(i)
        role = w["roles"][person["role"]]
        if signature is None:
            people.append(SignedBy(person["name"], role, signed=False))
            continue
        face = w["feelings"].get(signature.feeling, {})
        people.append(
            SignedBy(
                name=person["name"],
                role=role,
                signed=True,
                method=signature.method,
                typed_name=signature.typed_name,
                drawing=signature.drawing,
                feeling_emoji=face.get("emoji", ""),
                feeling=face.get("label", ""),
                signed_on=_when(signature.signed_at),
            )
        )
    return AgreementCopy(
        reference=version.agreement.reference,
        version=version.number,
        status=version.status,
        audience=version.agreement.audience,
        sections=tuple(version.content),
        people=tuple(people),
        locked_on=_when(version.locked_at),
        sha256=version.sha256 or "",
        check_code=record.short_code(version.sha256) if version.sha256 else "",
        words=w["copy"],
        record=record.verify(version),
    )
