"""Answer scales as data: each option a question keeps is
`{"value", "label", "emoji", "picture"?, "score"?, "other"?}`, where `score` is 0-100 or
None ("not scored": Don't know, Prefer not to say). An answer's score is read from the
options of the question it answered, so it always means what the person saw.

Ready-made scales live in scales.toml (a missing `score` there means "not scored");
a lead's own scale is typed in the builder with a score for each answer.
See docs/how-to/add-a-scale.md.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from feedback.surveys.kinds import OTHER, READY_MADE

SCALES = Path(__file__).resolve().parent / "scales.toml"


@cache
def _table() -> dict[str, list[dict[str, Any]]]:
    with SCALES.open("rb") as f:
        return tomllib.load(f)


def ready_made(key: str) -> list[dict[str, Any]]:
    """A fresh copy of a ready-made scale's options, every one with a `score` (or None)."""
    return [{**o, "score": o.get("score")} for o in _table()[key]]


def scale_names() -> tuple[str, ...]:
    """The ready-made scales, in the order scales.toml lists them."""
    return tuple(k for k in _table() if k in READY_MADE)


def reworded(key: str, given: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """A ready-made scale in the given words and scores, matched by value (to translate
    it, or to make "Not sure" not scored). Values not in the scale are the caller's to
    refuse: see `unknown_values`."""
    by_value = {o.get("value"): o for o in given or []}
    options = ready_made(key)
    for option in options:
        mine = by_value.get(option["value"], {})
        option["label"] = (mine.get("label") or "").strip() or option["label"]
        if "score" in mine:
            option["score"] = score_or_none(mine["score"])
        if mine.get("emoji"):
            option["emoji"] = mine["emoji"].strip()
    return options


def unknown_values(key: str, given: list[dict[str, Any]] | None) -> list[str]:
    """The words of given answers that a ready-made scale has no place for."""
    known = {o["value"] for o in _table()[key]}
    return [
        (o.get("label") or "").strip()
        for o in given or []
        if (o.get("label") or "").strip() and o.get("value") not in known
    ]


NOT_SCORED = ("", "-", "not scored", "none")  # what a lead may type for "not scored"


def score_or_none(score: Any) -> int | None:
    """A stored score: a whole number 0-100, or None for "not scored"."""
    if score is None or str(score).strip().lower() in NOT_SCORED:
        return None
    value = int(str(score).strip())
    if not 0 <= value <= 100:
        raise ValueError("A score is from 0 to 100.")
    return value


def score_of(options: list[dict[str, Any]], value: str | None) -> int | None:
    """The score of the option with this value (None: not scored, or not an option)."""
    for option in options:
        if option.get("value") == value:
            return option.get("score")
    return None


def average_score(options: list[dict[str, Any]], values: list[str]) -> int | None:
    """The average score of these answers, leaving out the not scored ones."""
    scores = [s for s in (score_of(options, v) for v in values) if s is not None]
    return round(sum(scores) / len(scores)) if scores else None


def other_option(label: str = "") -> dict[str, Any]:
    """The "Other - tell us" option: choosing it opens a text box."""
    return {"value": OTHER, "label": label or "Other - tell us", "emoji": "✏️", "other": True}
