"""Agreements and safeguarding alerts for people's rights requests.

Agreements are found by the family reference, or by a name on any version (a person on
it, or who signed it), and shown only to those the agreement pages let in (access.py).
Alerts are found through the person's responses; they are never erased here (the law
says we keep them) and they keep the response they are about; like the alert pages,
only the safeguarding lead and administrators see them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback.agreements.access import can_see
from feedback.agreements.models import Agreement, AgreementVersion, Signature
from feedback.alerts import SEES_ALERTS
from feedback.alerts.models import SafeguardingAlert
from feedback.privacy.rights import Holder, holder, same_name


def _find_agreements(session: Session, name: str, reference: str, _found=None) -> list[Agreement]:
    ids: set[int] = set()
    if reference:
        ids.update(
            session.scalars(
                select(Agreement.id).where(
                    func.lower(Agreement.family_reference) == reference.lower()
                )
            )
        )
    if name:
        for agreement_id, people in session.execute(
            select(AgreementVersion.agreement_id, AgreementVersion.people)
        ):
            if any(same_name(p.get("name"), name) for p in people or []):
                ids.add(agreement_id)
        signed = select(AgreementVersion.agreement_id, Signature.name, Signature.typed_name).join(
            Signature, Signature.version_id == AgreementVersion.id
        )
        for agreement_id, signer, typed in session.execute(signed):
            if same_name(signer, name) or same_name(typed, name):
                ids.add(agreement_id)
    if not ids:
        return []
    query = select(Agreement).where(Agreement.id.in_(ids)).order_by(Agreement.created_at)
    return list(session.scalars(query))


def _describe_signature(s: Signature) -> dict[str, Any]:
    return {
        "who": s.name,
        "as": s.role,
        "how": s.method,
        "typed_name": s.typed_name or None,
        "drawn_signature": s.drawing or None,
        "feeling": s.feeling or None,
        "signed_at": s.signed_at.isoformat(),
    }


def _describe_agreement(a: Agreement) -> dict[str, Any]:
    return {
        "reference": a.reference,
        "family_reference": a.family_reference,
        "team": a.team,
        "made_at": a.created_at.isoformat(),
        "review_date": a.review_date.isoformat() if a.review_date else None,
        "kept_until": a.retain_until.isoformat() if a.retain_until else None,
        "versions": [
            {
                "number": v.number,
                "status": v.status,
                "people": ", ".join(f"{p['name']} ({p['role']})" for p in v.people),
                "words": _words(v.content),
                "signatures": [_describe_signature(s) for s in v.signatures],
            }
            for v in a.versions
        ],
    }


def _words(content: list[dict[str, Any]]) -> str:
    """The agreement's words as plain text, section by section."""
    lines = []
    for section in content or []:
        lines.append(section.get("heading", ""))
        lines += section.get("paragraphs", [])
        lines += [f"{i.get('label', '')}: {i.get('text', '')}" for i in section.get("items", [])]
    return "\n".join(line for line in lines if line)


holder(
    Holder(
        "agreements",
        _find_agreements,
        _describe_agreement,
        rename=None,
        may_see=lambda _session, user, rows: [a for a in rows if can_see(user, a)],
        reference=lambda a: a.reference,
        note="Names on agreements are not changed here: a signed version stays exactly as it "
        "was signed. To correct a name, make a new version of the agreement.",
    )
)


# --- safeguarding alerts ---------------------------------------------------------------


def _find_alerts(session: Session, _name: str, _reference: str, found) -> list:
    """Alerts about this person's answers (found through their responses)."""
    answer_ids = [a.id for r in found.responses for a in r.answers]
    if not answer_ids:
        return []
    query = (
        select(SafeguardingAlert)
        .where(SafeguardingAlert.answer_id.in_(answer_ids))
        .order_by(SafeguardingAlert.raised_at)
    )
    return list(session.scalars(query))


def _describe_alert(a: SafeguardingAlert) -> dict[str, Any]:
    return {
        "what_was_written": a.comment,
        "why_it_was_flagged": ", ".join(a.reasons or []),
        "raised_at": a.raised_at.isoformat(),
        "action_recorded_at": a.acknowledged_at.isoformat() if a.acknowledged_at else None,
        "what_was_done": a.action_taken,
        "closed_at": a.closed_at.isoformat() if a.closed_at else None,
        "outcome": a.outcome,
        "kept_until": a.retain_until.isoformat() if a.retain_until else None,
    }


holder(
    Holder(
        "alerts",
        _find_alerts,
        _describe_alert,
        erasable=False,
        needs=lambda a: {("answers", a.answer_id)} if a.answer_id else set(),
        # the alert pages' own rule: the safeguarding lead and administrators
        may_see=lambda _session, user, rows: rows if user.has_role(*SEES_ALERTS) else [],
        note="Safeguarding records are kept until their retention date: the law requires "
        "us to keep them (UK GDPR Article 17(3)(b)). They are included in exports, and the "
        "response they are about is kept with them. Only the safeguarding lead and "
        "administrators see them here, as on the alert pages.",
    )
)
