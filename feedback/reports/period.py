"""The stretch of time a report covers, and the one before it (for "change since")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta


class BadPeriod(ValueError):
    """The dates do not make a period (wrong format, or the end before the start)."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive: a report "to 31 March" counts all of 31 March

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise BadPeriod("The end date must be on or after the start date.")

    @classmethod
    def parse(cls, start: str, end: str) -> Period:
        """Make a period from two YYYY-MM-DD strings, with a clear message if they are wrong."""
        try:
            first, last = date.fromisoformat(start.strip()), date.fromisoformat(end.strip())
        except ValueError:
            raise BadPeriod(
                "Dates must be written as YYYY-MM-DD, for example 2026-04-01."
            ) from None
        return cls(first, last)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC datetimes [from, to) for queries."""
        return (
            datetime.combine(self.start, time(), tzinfo=UTC),
            datetime.combine(self.end + timedelta(days=1), time(), tzinfo=UTC),
        )

    @property
    def label(self) -> str:
        return f"{_day(self.start)} to {_day(self.end)}"

    @property
    def slug(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"
