"""A read marker: who read a written comment, and when. One per comment."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Model, UTCDateTime, utcnow


class CommentRead(Model):
    __tablename__ = "comment_reads"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    read_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
