"""How results treat each kind of question, read through the survey package's one helper
(`feedback.surveys.kinds.answer_shape`): one choice (scales and "choose one"), any number
of choices, written words, a number, choices with "Other - tell us" words, or statements
sharing one scale. Nothing else in results reads `Question.kind`'s values."""

from __future__ import annotations

from typing import Any

from feedback.surveys.kinds import CHOICES_KINDS, KIND_KEYS, KINDS, WORD_KINDS, answer_shape

ONE = "one"  # one answer from a list: faces, yes/no, "choose one"
ANY = "many"  # any number from a list: "choose any"
WRITTEN = "words"  # words a person wrote (or drew)
NUMBER = "number"  # a whole number they typed
TELL = "tell"  # options chosen, and words for "Other - tell us"
STATEMENTS = "statements"  # one answer from a shared scale for each statement


def shape(kind: str) -> str:
    """The shape of the answers to a question of this kind (an unknown kind: one choice)."""
    return answer_shape(kind) if kind in KINDS else ONE


def is_written(kind: str) -> bool:
    return shape(kind) == WRITTEN


def kinds_of(wanted: str) -> tuple[str, ...]:
    """The kinds whose answers have this shape (for queries)."""
    return tuple(k for k in KIND_KEYS if shape(k) == wanted)


def written_kinds() -> tuple[str, ...]:
    """Kinds whose answers may hold words a person wrote (comments)."""
    return WORD_KINDS


def chosen_kinds() -> tuple[str, ...]:
    """Kinds whose answers keep the options chosen as a list."""
    return CHOICES_KINDS


def labels(options: list[dict[str, Any]] | None) -> dict[str, str]:
    """{code: the words people saw} for a question's answer options."""
    return {
        str(o.get("value")): (o.get("label") or str(o.get("value"))).strip()
        for o in options or []
        if o.get("value") is not None
    }
