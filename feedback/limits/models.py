"""One row per limit and subject: how many times it was counted in this time window
and in the one before (a sliding window, as `counting` explains)."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Model


class RateCount(Model):
    """A counter shared by every worker and machine: it lives in the database."""

    __tablename__ = "rate_counts"
    __table_args__ = (Index("ix_rate_counts_expires", "expires"),)

    # The rule's name and window, then a keyed hash of who is counted (an address, a
    # device, an account): no address or email is stored as it is.
    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer)  # which window: seconds since 1970 // window
    count: Mapped[int] = mapped_column(Integer)  # in this window
    previous: Mapped[int] = mapped_column(Integer)  # in the window before
    expires: Mapped[int] = mapped_column(Integer)  # seconds since 1970: no use after this
