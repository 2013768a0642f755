"""People's rights: find everything held about a named person or family reference,
export it, correct it, erase it. No Flask here; the caller commits and audits.

Responses are found by the name given on a named response. Agreements and safeguarding
alerts join in through `HOLDERS` as those features register themselves (see `holder`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from feedback.surveys.models import Answer, Response


def same_name(a: str | None, b: str | None) -> bool:
    """Names match ignoring case and spacing (never a partial match: that finds others)."""
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@dataclass
class Holdings:
    """Everything held about one person or family, grouped by kind of record."""

    name: str = ""
    reference: str = ""
    records: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def responses(self) -> list[Response]:
        return self.records.get("responses", [])

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.records.values())


@dataclass(frozen=True)
class Holder:
    """How to find, describe, correct and erase one kind of record about a person."""

    kind: str
    find: Callable[[Session, str, str], list[Any]]
    describe: Callable[[Any], dict[str, Any]]
    rename: Callable[[Any, str], None] | None = None
    erasable: bool = True
    note: str = ""  # shown to staff: why a name is not changed, or a record not erased


HOLDERS: dict[str, Holder] = {}


def holder(h: Holder) -> Holder:
    """Register a kind of record for subject access, correction and erasure."""
    HOLDERS[h.kind] = h
    return h


def _find_responses(session: Session, name: str, _reference: str) -> list[Response]:
    if not name:
        return []
    named = session.execute(
        select(Response.id, Response.respondent_name).where(Response.respondent_name.is_not(None))
    )
    ids = [rid for rid, who in named if same_name(who, name)]
    query = (
        select(Response)
        .where(Response.id.in_(ids))
        .options(selectinload(Response.answers).selectinload(Answer.question))
        .order_by(Response.started_at)
    )
    return list(session.scalars(query)) if ids else []


def _describe_response(r: Response) -> dict[str, Any]:
    return {
        "survey": r.survey.title,
        "for": r.audience,
        "name_given": r.respondent_name,
        "status": r.status,
        "started_at": r.started_at.isoformat(),
        "sent_at": r.submitted_at.isoformat() if r.submitted_at else None,
        "kept_until": r.retain_until.isoformat() if r.retain_until else None,
        "answers": [
            {
                "id": a.id,
                "question": a.question.text,
                "answer": None if a.skipped else (a.choices or a.value),
                "skipped": a.skipped,
                "may_be_quoted": a.ok_to_quote,
            }
            for a in sorted(r.answers, key=lambda a: a.question.position)
        ],
    }


def _rename_response(r: Response, new_name: str) -> None:
    r.respondent_name = new_name


holder(Holder("responses", _find_responses, _describe_response, _rename_response))


def find_holdings(session: Session, name: str = "", reference: str = "") -> Holdings:
    """Gather every record that names this person or carries this family reference."""
    name, reference = " ".join(name.split()), reference.strip()
    found = Holdings(name=name, reference=reference)
    for h in HOLDERS.values():
        found.records[h.kind] = h.find(session, name, reference)
    return found


def export(holdings: Holdings) -> dict[str, Any]:
    """Everything held, as plain data (for JSON and the PDF)."""
    return {
        "searched_for": {"name": holdings.name, "family_reference": holdings.reference},
        **{
            kind: [HOLDERS[kind].describe(row) for row in rows]
            for kind, rows in holdings.records.items()
        },
    }


def correct_name(holdings: Holdings, new_name: str) -> int:
    """Put right a name wherever it is held; returns how many records changed."""
    changed = 0
    for kind, rows in holdings.records.items():
        rename = HOLDERS[kind].rename
        for row in rows if rename else []:
            rename(row, new_name)
            changed += 1
    return changed


def correct_answer(session: Session, holdings: Holdings, answer_id: int, text: str) -> Answer:
    """Put right the words of one written answer in this person's responses."""
    for response in holdings.responses:
        for answer in response.answers:
            if answer.id == answer_id and answer.question.kind == "text" and not answer.skipped:
                answer.value = text
                session.flush()
                return answer
    raise LookupError("That answer is not one of this person's written answers.")


def erase(session: Session, holdings: Holdings) -> dict[str, int]:
    """Delete what may be erased; records the law says we must keep are left (and counted)."""
    counts: dict[str, int] = {}
    for kind, rows in holdings.records.items():
        h = HOLDERS[kind]
        if not h.erasable:
            counts[kind] = 0
            continue
        for row in rows:
            session.delete(row)
        counts[kind] = len(rows)
    session.flush()
    return counts
