"""People's rights: find everything held about a named person or family reference,
export it, correct it, erase it. No Flask here; the caller commits and audits.

Responses are found by the name given on a named response; agreements by family
reference or name (holders.py). Each kind shows a member of staff only the records the
pages of that kind would show them (`may_see`, which calls that feature's own access rule);
records they may not see still count when deciding what erasure must keep, but are never
shown, exported, corrected or erased. Any other kind of record joins in by registering a
`Holder`: a safeguarding alert, say, is found through the person's responses (its `find`
gets what was found so far), is not erasable (the law says we keep it), and `needs` the
answer it is about, so erasure keeps that response while the alert is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from feedback.surveys.kinds import is_words
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
    kept: dict[str, int] = field(default_factory=dict)  # after erase: what the law keeps
    hidden: dict[str, list[Any]] = field(default_factory=dict)  # found, not for this user
    erased: list[tuple[str, str]] = field(default_factory=list)  # after erase: (table, ref)

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
    find: Callable[[Session, str, str, Holdings], list[Any]]
    describe: Callable[[Any], dict[str, Any]]
    rename: Callable[[Any, str], None] | None = None
    erasable: bool = True
    # (table, id) pairs a kept record of this kind still needs, e.g. {("answers", 12)}
    needs: Callable[[Any], set[tuple[str, int]]] | None = None
    note: str = ""  # shown to staff: why a name is not changed, or a record not erased
    # (session, user, rows) -> the rows this member of staff may open; None: all of them
    may_see: Callable[[Session, Any, list[Any]], list[Any]] | None = None
    # what names a record in the audit log (never its content)
    reference: Callable[[Any], str] = lambda row: str(row.id)


HOLDERS: dict[str, Holder] = {}


def holder(h: Holder) -> Holder:
    """Register a kind of record for subject access, correction and erasure."""
    HOLDERS[h.kind] = h
    return h


def _find_responses(session: Session, name: str, _reference: str, _found=None) -> list[Response]:
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
                "drawing": getattr(a, "drawing", None) or None,
                "skipped": a.skipped,
                "may_be_quoted": a.ok_to_quote,
            }
            for a in sorted(r.answers, key=lambda a: a.question.position)
        ],
    }


def _rename_response(r: Response, new_name: str) -> None:
    r.respondent_name = new_name


holder(Holder("responses", _find_responses, _describe_response, _rename_response))


def find_holdings(session: Session, name: str = "", reference: str = "", user=None) -> Holdings:
    """Gather every record that names this person or carries this family reference,
    keeping aside (in `hidden`) those this member of staff may not open."""
    name, reference = " ".join(name.split()), reference.strip()
    found = Holdings(name=name, reference=reference)
    for h in HOLDERS.values():
        rows = h.find(session, name, reference, found)
        allowed = h.may_see(session, user, rows) if h.may_see and rows else rows
        found.records[h.kind] = allowed
        found.hidden[h.kind] = [row for row in rows if row not in allowed]
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
    """Put right the words of one written answer in this person's responses.

    The corrected words are analysed again (sentiment, themes, the safeguarding screen),
    so what is stored, counted and reported describes them, not the old ones.
    """
    from feedback.analysis.daily import forget
    from feedback.analysis.store import analyse_answer

    for response in holdings.responses:
        for answer in response.answers:
            if answer.id == answer_id and is_words(answer.question.kind) and not answer.skipped:
                changed = answer.value != text
                answer.value = text
                analyse_answer(session, answer, words_changed=changed)
                if changed and response.submitted_at is not None:
                    forget(session, [response.submitted_at.date()])  # its day is counted again
                return answer
    raise LookupError("That answer is not one of this person's written answers.")


def _needed(holdings: Holdings) -> set[tuple[str, int]]:
    """What the records we must keep still point at."""
    needed: set[tuple[str, int]] = set()
    for records in (holdings.records, holdings.hidden):  # hidden records are kept too
        for kind, rows in records.items():
            h = HOLDERS[kind]
            if not h.erasable and h.needs:
                for row in rows:
                    needed |= h.needs(row)
    return needed


def _is_needed(row: Any, needed: set[tuple[str, int]]) -> bool:
    if (getattr(row, "__tablename__", ""), getattr(row, "id", None)) in needed:
        return True
    return isinstance(row, Response) and any(("answers", a.id) in needed for a in row.answers)


def erase(session: Session, holdings: Holdings) -> dict[str, int]:
    """Delete what may be erased; returns how many of each kind went.

    Records the law says we must keep are left, and so is anything they still need (the
    response a safeguarding alert is about); those are counted in `holdings.kept`. Each
    record erased is named in `holdings.erased` as (table, reference), for the audit log.
    """
    counts: dict[str, int] = {}
    needed = _needed(holdings)
    holdings.kept, holdings.erased = {}, []
    for kind, rows in holdings.records.items():
        if not HOLDERS[kind].erasable:
            counts[kind] = 0
            if rows:
                holdings.kept[kind] = len(rows)
            continue
        going = [row for row in rows if not _is_needed(row, needed)]
        for row in going:
            holdings.erased.append((row.__tablename__, HOLDERS[kind].reference(row)))
            session.delete(row)
        counts[kind] = len(going)
        if len(going) < len(rows):
            holdings.kept[kind] = len(rows) - len(going)
    session.flush()
    return counts
