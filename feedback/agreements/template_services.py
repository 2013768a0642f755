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
        if row.get("remove") or not row.get("heading", "").strip():
            continue
        key = row.get("key") or ""
        if key and key not in kinds:
            raise AgreementError("A section was not found; reload the page and try again.")
        if not key:
            key = _new_key(row["heading"], set(kinds) | {s["key"] for s in kept})
        heading = row["heading"].strip()
        kept.append(
            {
                "key": key,
                "kind": kinds.get(key, "text"),
                "emoji": row.get("emoji", "").strip()[:8],
                "heading": heading,
                "heading_child": row.get("heading_child", "").strip() or heading,
                "text": row.get("text", "").strip(),
                "text_child": row.get("text_child", "").strip(),
                "hint": row.get("hint", "").strip(),
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
            "text": p["text"].strip(),
            "text_child": p.get("text_child", "").strip(),
        }
        for p in promises
        if p.get("text", "").strip() and int(p["principle"]) in BY_NUMBER
    ]
    template.version += 1
    template.updated_by_id = actor.id
    template.updated_at = utcnow()
    session.flush()
    return template
