"""Read and change the list of audiences. No Flask here: each takes a Session,
flushes, and never commits."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback.audiences.models import Audience
from feedback.language.glossary import Audience as ReadingLevel
from feedback.staff.audit import record

# The words a band may put in its own way (the rest come from the set it starts from).
OWN_WORDS = ("choose", "who_asks", "who_reads", "anonymous", "anonymous_named", "can_stop")
WORD_SETS = ("4-7", "8-12", "13-18", "parent")  # the shipped sets in surveys/words.toml


class AudienceError(ValueError):
    """An audience change that cannot be made, with words to show the lead."""


def list_audiences(session: Session) -> list[Audience]:
    """Every audience, youngest first (by youngest, then oldest age), then the ones
    without ages (parents and carers) in the order they were added."""
    order = (
        Audience.min_age.is_(None),
        Audience.min_age,
        func.coalesce(Audience.max_age, 200),
        Audience.position,
        Audience.key,
    )
    return list(session.scalars(select(Audience).order_by(*order)).all())


def audience_keys(session: Session) -> tuple[str, ...]:
    """The keys of every audience, in the order they are listed."""
    return tuple(a.key for a in list_audiences(session))


def get_audience(session: Session, key: str) -> Audience | None:
    return session.get(Audience, key) if isinstance(key, str) else None


def reading_level(audience: Audience | None) -> ReadingLevel | None:
    """What the language checker aims for with this audience (None: no reading age)."""
    if audience is None:
        return None
    name = audience.name[:1].lower() + audience.name[1:]
    return ReadingLevel(audience.key, name, audience.reading_age)


def level_for(session: Session, key: str) -> ReadingLevel | None:
    """The reading level of the audience with this key (None if there is none)."""
    return reading_level(get_audience(session, key))


def save_audience(
    session: Session, audience: Audience | None, *, actor_id: int | None = None, **fields
) -> Audience:
    """Add an audience (audience=None) or change one; its key never changes."""
    words = {k: v for k, v in (fields.pop("words", None) or {}).items() if k in OWN_WORDS and v}
    if fields.get("words_from", "8-12") not in WORD_SETS:
        raise AudienceError("Choose which words to start from.")
    if audience is None:
        key = fields.pop("key")
        if session.get(Audience, key) is not None:
            raise AudienceError("There is already an audience with that short name.")
        last = session.scalar(select(func.max(Audience.position))) or 0
        audience = Audience(key=key, position=last + 10)
        session.add(audience)
        action = "audience_added"
    else:
        fields.pop("key", None)
        action = "audience_changed"
    for name, value in fields.items():
        setattr(audience, name, value)
    audience.words = words
    session.flush()
    record(session, action, actor_id=actor_id, target_type="audience", target_id=audience.key)
    return audience
