"""Preparing, changing and signing agreements. No Flask here: flush, never commit."""

from __future__ import annotations

import copy
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback.agreements import content, record
from feedback.agreements.models import (
    AUDIENCES,
    METHODS,
    Agreement,
    AgreementError,
    AgreementTemplate,
    AgreementVersion,
    NotReady,
    Signature,
)
from feedback.agreements.signatures import clean_drawing
from feedback.db import utcnow
from feedback.staff.models import User

FAMILY_ROLES = ("child", "parent", "carer")


def _now(now: datetime | None) -> datetime:
    # Whole seconds: the hashed form records times to the second.
    return (now or utcnow()).replace(microsecond=0)


def create_agreement(
    session: Session,
    *,
    template: AgreementTemplate,
    audience: str,
    family_reference: str,
    people: list[dict[str, str]],
    worker: User,
    now: datetime | None = None,
) -> Agreement:
    """Start an agreement for a family from a template: first names only, worker signs too."""
    if audience not in AUDIENCES:
        raise AgreementError("Choose the wording for a child or for adults.")
    family = _family(people)
    agreement = Agreement(
        family_reference=family_reference.strip(),
        audience=audience,
        template=template,
        worker_id=worker.id,
        team=worker.team,
        created_at=_now(now),
    )
    fields = content.default_fields(template.sections, template.promises, audience, worker)
    agreement.versions.append(
        AgreementVersion(
            number=1,
            template_name=template.name,
            template_version=template.version,
            fields=fields,
            content=content.render_content(fields, audience),
            people=[*family, {"role": "worker", "name": worker.name}],
            created_by_id=worker.id,
            created_at=_now(now),
        )
    )
    session.add(agreement)
    session.flush()
    return agreement


def _family(people: list[dict[str, str]]) -> list[dict[str, str]]:
    """The family members who sign (rows with no name are left out)."""
    family = [
        {"role": p["role"], "name": p["name"].strip()}
        for p in people
        if (p.get("name") or "").strip()
    ]
    if not family:
        raise AgreementError("Add at least one person from the family.")
    if any(p["role"] not in FAMILY_ROLES for p in family):
        raise AgreementError("Each person is a child, a parent or a carer.")
    return family


def save_fields(
    session: Session,
    agreement: Agreement,
    fields: dict,
    actor: User,
    now: datetime | None = None,
    people: list[dict[str, str]] | None = None,
) -> AgreementVersion:
    """Save the worker's words (and who signs): in place on a draft, else as a new version.

    `people` are the family members who sign; the worker always signs as well. Saving a
    signed (or part-signed) version with nothing changed keeps it as it is.
    """
    current = agreement.current
    signers = copy.deepcopy(current.people)
    if people is not None:
        signers = _family(people) + [p for p in current.people if p["role"] == "worker"]
    if not current.is_editable and fields == current.fields and signers == current.people:
        return current
    shown = content.render_content(fields, agreement.audience)
    review = fields.get("review_date") or ""
    agreement.review_date = date.fromisoformat(review) if review else None
    if current.is_editable:
        current.fields, current.content = copy.deepcopy(fields), shown
        current.people = signers
        session.flush()
        return current
    if current.status != "signed":
        current.replace()
    version = AgreementVersion(
        number=current.number + 1,
        template_name=current.template_name,
        template_version=current.template_version,
        fields=copy.deepcopy(fields),
        content=shown,
        people=signers,
        created_by_id=actor.id,
        created_at=_now(now),
    )
    agreement.versions.append(version)
    session.flush()
    return version


def sign(
    session: Session,
    version: AgreementVersion,
    person: int,
    *,
    method: str,
    typed_name: str = "",
    drawing: str = "",
    feeling: str = "",
    now: datetime | None = None,
) -> Signature:
    """Take one person's signature; lock the version when the last one is in."""
    _hold(session, version)
    check_ready(version)
    if method not in METHODS:
        raise AgreementError("Choose to draw or type a signature.")
    if feeling and feeling not in content.words()["feelings"]:
        raise AgreementError("Unknown face.")
    if method == "typed" and not typed_name.strip():
        raise AgreementError("A typed signature needs a name.")
    clean = clean_drawing(drawing) if method == "drawn" else ""
    who = version.people[person] if 0 <= person < len(version.people) else None
    if who is None:
        raise AgreementError("That person is not on this agreement.")
    signature = Signature(
        person=person,
        role=who["role"],
        name=who["name"],
        method=method,
        typed_name=typed_name.strip() if method == "typed" else "",
        drawing=clean,
        feeling=feeling if who["role"] == "child" else "",
        signed_at=_now(now),
    )
    version.add_signature(signature)
    session.flush()
    complete(session, version, now)
    return signature


def check_ready(version: AgreementVersion) -> None:
    """Refuse to start signing while a needed section is empty (raises NotReady)."""
    gaps = content.missing(version.fields, version.agreement.audience)
    if gaps:
        raise NotReady(gaps)


def complete(session: Session, version: AgreementVersion, now: datetime | None = None) -> bool:
    """Lock a version whose people have all signed. Returns True if it locked it now."""
    if version.status != "signing" or version.unsigned():
        return False
    at = _now(now)
    version.lock(record.digest(version, locked_at=at), at)
    session.flush()
    return True


def _hold(session: Session, version: AgreementVersion) -> None:
    """Wait for any other signature on this version to finish, then read it afresh.

    A write to the version's row is held until this transaction ends: PostgreSQL locks
    the row, SQLite the whole database (SELECT ... FOR UPDATE means nothing to SQLite, and
    a read first would let two signers both miss each other). So two people signing at
    the same moment, or a double tap, cannot leave a fully signed version unlocked.
    """
    hold = (
        update(AgreementVersion)
        .where(AgreementVersion.id == version.id)
        .values(status=AgreementVersion.status)
        .execution_options(synchronize_session=False)
    )
    session.execute(hold)
    session.expire(version, ["signatures", "status"])


def find_agreement(session: Session, reference: str) -> Agreement | None:
    ref = record.normalise_reference(reference)
    return session.scalar(select(Agreement).where(Agreement.reference == ref)) if ref else None
