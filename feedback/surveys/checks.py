"""What a person said in an answer, checked against its question and scored: the one
rule for every kind (see `feedback.surveys.kinds` for where each shape is kept)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from feedback.surveys.drawing import is_drawing
from feedback.surveys.kinds import OTHER, answer_shape, is_words
from feedback.surveys.models import Question
from feedback.surveys.scales import average_score, score_of

MAX_NUMBER = 10**9  # far beyond any count a survey asks for; keeps the column sane


class InvalidAnswer(ValueError):
    """The answer does not fit the question (an unknown choice, say)."""


def whole_number(text: str | None) -> int | None:
    """A typed whole number ("12", " 1,000 ", "-3"), or None if it is not one."""
    cleaned = (text or "").strip().replace(",", "")
    sign, digits = ("-", cleaned[1:]) if cleaned.startswith("-") else ("", cleaned)
    if not digits.isdigit() or len(digits) > 10:
        return None
    return int(sign + digits)


def number_problem(question: Question, text: str | None) -> str | None:
    """The words.toml key saying what is wrong with a typed number, or None if it is fine."""
    number = whole_number(text)
    if number is None or abs(number) > MAX_NUMBER:
        return "error_number"
    low, high = question.number_range
    if (low is not None and number < low) or (high is not None and number > high):
        return "error_number_range"
    return None


def _check_choice(question: Question, values: Sequence[str]) -> None:
    allowed = {o["value"] for o in question.options}
    if any(v not in allowed for v in values):
        raise InvalidAnswer("Please choose one of the answers shown.")


def _check(question: Question, value, choices, drawing) -> None:
    shape = answer_shape(question.kind)
    if shape in ("many", "tell"):
        _check_choice(question, choices or [])
        if shape == "tell" and question_picks_one(question) and len(choices or []) > 1:
            raise InvalidAnswer("Please choose one answer.")
    elif shape == "statements":
        if len(choices or []) > len(question.statements):
            raise InvalidAnswer("There are more answers than statements.")
        _check_choice(question, [c for c in choices or [] if c])
    elif shape == "one" and value is not None:
        _check_choice(question, [value])
    elif shape == "number" and value not in (None, "") and number_problem(question, value):
        raise InvalidAnswer("Please type a whole number in the range asked for.")
    if drawing is not None and (shape != "words" or not is_drawing(drawing)):
        raise InvalidAnswer("That drawing could not be saved.")


def question_picks_one(question: Question) -> bool:
    from feedback.surveys.kinds import KINDS

    return KINDS[question.kind].pick_one


def answer_fields(
    question: Question,
    *,
    value: str | None = None,
    choices: Sequence[str] | None = None,
    skipped: bool = False,
    ok_to_quote: bool = False,
    drawing: str | None = None,
) -> dict[str, Any]:
    """What a person said, checked against its question (InvalidAnswer if not)."""
    shape = answer_shape(question.kind)
    if not skipped:
        _check(question, value, choices, drawing)
    choices = list(choices or [])
    if shape == "tell" and OTHER not in choices:
        value = None  # words are kept only with "Other - tell us"
    if shape == "number" and value not in (None, ""):
        value = str(whole_number(value))
    if shape == "statements" and not any(choices):
        choices = []
    skipped = skipped or (value in (None, "") and not choices and not drawing)
    value = None if skipped else (value or None)
    return {
        "skipped": skipped,
        "value": value,
        "drawing": None if skipped else drawing,
        "choices": choices if choices and not skipped else None,
        "ok_to_quote": bool(ok_to_quote) and bool(value) and is_words(question.kind),
    }


def score(question: Question, value: str | None, choices: Sequence[str] | None) -> int | None:
    """The 0-100 score an answer counts for in principle scores; None if not scored."""
    if not question.is_scale:
        return None
    if answer_shape(question.kind) == "statements":
        return average_score(question.options, [c for c in choices or [] if c])
    return score_of(question.options, value) if value is not None else None
