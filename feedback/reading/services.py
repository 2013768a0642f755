"""Which written comments (and drawings) are waiting to be read, and marking one read.

A child's drawing in answer to a words question is read here like a comment: one list,
one read marker, one count. The list never loads the pictures themselves (a page of
drawings could be megabytes): `with_drawings` says which rows have one, and
`drawing_of` fetches one picture when it is shown.

No Flask here: services flush, the caller commits and audits.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, defer, joinedload

from feedback.reading.models import CommentRead
from feedback.staff.models import User
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question, Response

PAGE_SIZE = 50
# The nav counts at most this many: counting a million unread comments on every page
# would take seconds, and "1000+" says as much to a lead as the exact number.
COUNTED_UP_TO = 1000
# Most worrying first: what the screen flagged, then by the comment's own sentiment.
_SENTIMENT_ORDER = case(
    {"negative": 0, "neutral": 1, "positive": 2}, value=Answer.sentiment, else_=1
)


class NotAComment(ValueError):
    """Only written comments in sent responses are read here."""


def _has_drawing() -> ColumnElement[bool]:
    return and_(Answer.drawing.is_not(None), Answer.drawing != "")


def _written() -> ColumnElement[bool]:
    """A written comment or a drawing in a sent response (the one definition of what is
    read)."""
    return and_(
        Question.kind.in_(WORD_KINDS),
        Answer.skipped.is_(False),
        or_(and_(Answer.value.is_not(None), Answer.value != ""), _has_drawing()),
        Response.status == "submitted",
    )


def _comments(stmt):
    return (
        stmt.select_from(Answer)
        .join(Question, Answer.question_id == Question.id)
        .join(Response, Answer.response_id == Response.id)
        .where(_written())
    )


def _listed(stmt):
    """The list's options: the survey and question come with each row, the picture not."""
    return stmt.options(
        joinedload(Response.survey), contains_eager(Answer.question), defer(Answer.drawing)
    )


def _unread() -> ColumnElement[bool]:
    return ~exists().where(CommentRead.answer_id == Answer.id)


def unread_count(session: Session, up_to: int = COUNTED_UP_TO) -> int:
    """How many written comments in sent responses nobody has marked read, counted up to
    `up_to` (the database stops looking there)."""
    found = _comments(select(Answer.id)).where(_unread()).limit(up_to).subquery()
    return session.scalar(select(func.count()).select_from(found)) or 0


def to_read(session: Session, page: int = 0) -> list[tuple[Answer, Response]]:
    """Unread comments: flagged first, then the most negative, then the newest."""
    stmt = (
        _listed(_comments(select(Answer, Response)))
        .where(_unread())
        .order_by(
            Answer.flagged.desc(),
            _SENTIMENT_ORDER,
            Response.submitted_at.desc(),
            Answer.id.desc(),
        )
    )
    return [tuple(r) for r in session.execute(stmt.limit(PAGE_SIZE + 1).offset(page * PAGE_SIZE))]


def recently_read(session: Session, page: int = 0):
    """Comments already read, newest read first, with who read them and when."""
    stmt = (
        _listed(_comments(select(Answer, Response, CommentRead, User)))
        .join(CommentRead, CommentRead.answer_id == Answer.id)
        .outerjoin(User, CommentRead.read_by_id == User.id)
        .order_by(CommentRead.read_at.desc(), CommentRead.id.desc())
    )
    return [tuple(r) for r in session.execute(stmt.limit(PAGE_SIZE + 1).offset(page * PAGE_SIZE))]


def comment_or_none(session: Session, answer_id: int) -> Answer | None:
    """The written comment with this id, if it is one that is read here."""
    return session.scalar(
        _comments(select(Answer)).options(defer(Answer.drawing)).where(Answer.id == answer_id)
    )


def with_drawings(session: Session, answer_ids: list[int]) -> set[int]:
    """Which of these answers have a drawing (without loading the pictures)."""
    if not answer_ids:
        return set()
    stmt = select(Answer.id).where(Answer.id.in_(answer_ids), _has_drawing())
    return set(session.scalars(stmt))


def drawing_of(session: Session, answer_id: int) -> str | None:
    """The drawing (a PNG data URL) of a comment read here, or None if it has none."""
    return session.scalar(
        _comments(select(Answer.drawing)).where(Answer.id == answer_id, _has_drawing())
    )


def mark_read(session: Session, answer: Answer, user_id: int) -> bool:
    """Mark the comment read by this person, now. Says whether it was newly marked
    (someone else may have read it a moment before: their mark stays)."""
    if session.scalar(select(CommentRead.id).where(CommentRead.answer_id == answer.id)):
        return False
    try:
        with session.begin_nested():  # two readers at once: the second one's insert fails
            session.add(CommentRead(answer_id=answer.id, read_by_id=user_id))
    except IntegrityError:
        return False
    return True
