"""Surveys, their questions, and the responses and answers people give."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.audiences.models import Audience
from feedback.db import Model, UTCDateTime, utcnow
from feedback.surveys.kinds import KIND_KEYS, SCALE_KINDS, answer_shape

STATUSES = ("draft", "open", "closed", "archived")


# No 0/O, 1/I/L: a code read off a poster or said aloud cannot be mistyped as another.
SLUG_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SLUG_LENGTH = 8  # 31**8: about 850 billion codes


def new_slug() -> str:
    """A short, unguessable public link code, in capitals (read in any case)."""
    return "".join(secrets.choice(SLUG_ALPHABET) for _ in range(SLUG_LENGTH))


def slug_spellings(code: str) -> set[str]:
    """The stored codes a typed code may mean: exactly as typed (older mixed-case codes),
    or in capitals (new codes, typed in any case)."""
    return {code, code.upper()}


class SurveyClosed(Exception):
    """The survey is not taking answers."""


class Survey(Model):
    __tablename__ = "surveys"
    __table_args__ = (CheckConstraint(f"status IN {STATUSES!r}", name="status_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(32), unique=True, default=new_slug)
    key: Mapped[str] = mapped_column(String(60), default="")  # shipped file name, if any
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(ForeignKey("audiences.key"))
    language: Mapped[str] = mapped_column(String(10), default="en")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    intro: Mapped[str] = mapped_column(Text, default="")
    thanks: Mapped[str] = mapped_column(Text, default="")
    named_responses: Mapped[bool] = mapped_column(default=False)
    # Unlisted: not on the public start page, reached only by its link or QR code.
    listed: Mapped[bool] = mapped_column(default=True, server_default="1")
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Translations point at the survey they were translated from, so a respondent can
    # switch between them and results group together.
    translation_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("surveys.id", ondelete="SET NULL"), index=True
    )

    band: Mapped[Audience] = relationship()  # who it is for: words, notice, reading age
    all_questions: Mapped[list[Question]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="Question.position"
    )
    # Only the current version of each question, in order: what a respondent sees.
    questions: Mapped[list[Question]] = relationship(
        order_by="Question.position",
        primaryjoin="and_(Survey.id == Question.survey_id, Question.is_current)",
        viewonly=True,
    )

    def is_open(self, now: datetime | None = None) -> bool:
        """Say whether answers are accepted right now."""
        now = now or utcnow()
        if self.status != "open":
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    def question_by_id(self, value: object) -> Question | None:
        """One of this survey's questions (any version) by its id, as a form posts it."""
        try:
            question_id = int(str(value))
        except ValueError:
            return None
        current = next((q for q in self.questions if q.id == question_id), None)
        return current or next((q for q in self.all_questions if q.id == question_id), None)

    def open(self) -> None:
        if self.status == "archived":
            raise SurveyClosed("An archived survey cannot be opened.")
        self.status = "open"

    def close(self) -> None:
        self.status = "closed"

    def archive(self) -> None:
        self.status = "archived"


class Question(Model):
    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint(f"kind IN {KIND_KEYS!r}", name="kind_known"),
        CheckConstraint("principle BETWEEN 1 AND 6", name="principle_range"),
        Index("ix_questions_survey_position", "survey_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    bank_key: Mapped[str] = mapped_column(String(60), default="", index=True)
    kind: Mapped[str] = mapped_column(String(10))
    principle: Mapped[int | None]  # None: not part of a principle, reported on its own
    text: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text, default="")
    # [{"value": "happy", "label": "Happy", "emoji": "😀", "score": 100}, ...]: the
    # question's own copy of its scale (see feedback.surveys.scales); score None = not scored
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # What some kinds need besides options: {"min": 0, "max": 120} for a number,
    # {"statements": [...], "scale": "sometimes"} for statements sharing one scale.
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(default=1)
    is_current: Mapped[bool] = mapped_column(default=True)
    # A safety question ("How safe do you feel where you live?"): its lowest answers put
    # help first and raise an alert, as worrying words do.
    safety: Mapped[bool] = mapped_column(default=False, server_default="0")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id"))
    # Branching: {"question": bank key of an earlier question, "values": [...]}; asked
    # only when that answer is one of the values (see `feedback.surveys.branching`). The
    # bank key, not an id, so the rule survives new versions, copies and translations.
    show_when: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    survey: Mapped[Survey] = relationship(back_populates="all_questions", foreign_keys=[survey_id])

    @property
    def is_scale(self) -> bool:
        return self.kind in SCALE_KINDS

    @property
    def shape(self) -> str:
        """How a person answers it: "one", "many", "words", "number", "tell" or
        "statements" (see `feedback.surveys.kinds`)."""
        return answer_shape(self.kind)

    @property
    def statements(self) -> list[str]:
        """For a set of statements sharing one scale: the statements, in order."""
        return list((self.settings or {}).get("statements") or [])

    @property
    def number_range(self) -> tuple[int | None, int | None]:
        """For a number: the smallest and largest allowed (None: no limit)."""
        settings = self.settings or {}
        return settings.get("min"), settings.get("max")


class Response(Model):
    """One person's go at a survey. `submission_id` is issued by the server and unique,
    so a double tap or a retry can never store a second response."""

    __tablename__ = "responses"
    __table_args__ = (
        CheckConstraint("status IN ('in_progress', 'submitted')", name="status_known"),
        Index("ix_responses_survey_submitted", "survey_id", "submitted_at"),
        Index("ix_responses_submitted_at", "submitted_at"),
        # Covers the per-day checks (count and sum of ids of the responses sent each day).
        Index("ix_responses_sent", "status", "submitted_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    audience: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(10), default="en")
    status: Mapped[str] = mapped_column(String(12), default="in_progress")
    respondent_name: Mapped[str | None] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retain_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # On a shared tablet: the worker who handed it over, and their team, so an alert can
    # be followed up with the worker ("we will tell someone who can help you").
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    team: Mapped[str | None] = mapped_column(String(80), index=True)

    survey: Mapped[Survey] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )


class Answer(Model):
    """One answer. Analysis of free text runs once, when the answer is stored."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("response_id", "question_id", name="uq_answers_response_question"),
        Index("ix_answers_question", "question_id"),
        # The few answers that may be quoted, found from the newest responses.
        Index(
            "ix_answers_quotable",
            "response_id",
            postgresql_where=text("ok_to_quote IS true"),
            sqlite_where=text("ok_to_quote IS 1"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    skipped: Mapped[bool] = mapped_column(default=False)
    value: Mapped[str | None] = mapped_column(Text)  # chosen value or free text
    drawing: Mapped[str | None] = mapped_column(Text)  # a child's drawing, PNG data URL
    choices: Mapped[list[str] | None] = mapped_column(JSON)  # multiple choice
    score: Mapped[int | None]  # scale answers as 0-100, for principle scores
    sentiment: Mapped[str | None] = mapped_column(String(10))
    polarity: Mapped[float | None]
    flagged: Mapped[bool] = mapped_column(default=False)
    themes: Mapped[list[str] | None] = mapped_column(JSON)
    # ISO 639-1 code of the language a written answer is in, when the analysis found it
    # is not English ("pl"); None for English, too short to tell, or not analysed.
    comment_language: Mapped[str | None] = mapped_column(String(8))
    ok_to_quote: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    response: Mapped[Response] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
