"""Agreement templates: install the shipped one, and let leads and admins change them."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.agreements import content
from feedback.agreements.models import AgreementError, AgreementTemplate
from feedback.db import utcnow
from feedback.principles import BY_NUMBER
from feedback.staff.models import User


def install_default_template(session: Session) -> AgreementTemplate | None:
    """Add the shipped Working Together Agreement template, unless it is already there."""
    shipped = content.default_template()
    if session.scalar(select(AgreementTemplate).where(AgreementTemplate.key == shipped["key"])):
        return None
    template = AgreementTemplate(
        key=shipped["key"],
        name=shipped["name"],
        description=shipped["description"],
        sections=[dict(s) for s in shipped["section"]],
        promises=[dict(p) for p in shipped["promise"]],
    )
    session.add(template)
    session.flush()
    return template


def _s(row: dict, name: str) -> str:
    """A form value as stripped text (a field left out of the form gives '')."""
    return (row.get(name) or "").strip()


def _new_key(heading: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")[:40] or "section"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def update_template(
    session: Session,
    template: AgreementTemplate,
    *,
    name: str,
    description: str,
    sections: list[dict],
    promises: list[dict],
    actor: User,
) -> AgreementTemplate:
    """Save a changed template as its next version (agreements keep the words they had).

    `sections` rows carry `key` ('' for a new section), the words, and `remove`.
    """
    kinds = {s["key"]: s["kind"] for s in template.sections}
    kept: list[dict] = []
    for row in sections:
        if row.get("remove") or not _s(row, "heading"):
            continue
        key = row.get("key") or ""
        if key and key not in kinds:
            raise AgreementError("A section was not found; reload the page and try again.")
        if not key:
            key = _new_key(_s(row, "heading"), set(kinds) | {s["key"] for s in kept})
        heading = _s(row, "heading")
        kept.append(
            {
                "key": key,
                "kind": kinds.get(key, "text"),
                "emoji": _s(row, "emoji")[:8],
                "heading": heading,
                "heading_child": _s(row, "heading_child") or heading,
                "text": _s(row, "text"),
                "text_child": _s(row, "text_child"),
                "hint": _s(row, "hint"),
                "needed": bool(row.get("needed")),
            }
        )
    if not kept:
        raise AgreementError("A template needs at least one section.")
    template.name = name.strip()
    template.description = description.strip()
    template.sections = kept
    template.promises = [
        {
            "principle": int(p["principle"]),
            "text": _s(p, "text"),
            "text_child": _s(p, "text_child"),
        }
        for p in promises
        if _s(p, "text") and int(p["principle"]) in BY_NUMBER
    ]
    template.version += 1
    template.updated_by_id = actor.id
    template.updated_at = utcnow()
    session.flush()
    return template
