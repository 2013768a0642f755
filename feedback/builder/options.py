"""What a question keeps as its answers and settings, from what a lead typed: the one
rule, used by the builder's form (to say what cannot be kept, and why) and its services
(to refuse it again, so nothing is ever silently dropped)."""

from __future__ import annotations

import re
from typing import Any

from feedback.builder.errors import BuilderError
from feedback.surveys import scales
from feedback.surveys.kinds import KINDS, OTHER, READY_MADE

_WORD = re.compile(r"[a-z0-9]+")
MAX_OPTIONS = 30
MAX_STATEMENTS = 20


class OptionsNotKept(BuilderError):
    """Some answers typed cannot be kept with this kind of question."""

    status = 422


def not_kept(kind: str, options: list[dict[str, Any]], settings: dict[str, Any]) -> list[str]:
    """Plain messages for each typed thing this kind of question could not keep."""
    typed = [o for o in options if (o.get("label") or "").strip()]
    name = KINDS[kind].label
    if kind in READY_MADE:
        return [
            f'"{words}" was not kept: "{name}" has its own answers. To add answers, '
            'choose "Your own scale" or "Choose one answer".'
            for words in scales.unknown_values(kind, options)
        ]
    scale = settings.get("scale")
    if kind == "statements" and scale in READY_MADE:
        return [
            f'"{words}" was not kept: the statements use a ready-made scale. To write '
            'your own answers, choose "Answers written below" as their scale.'
            for words in scales.unknown_values(scale, options)
        ]
    if not KINDS[kind].lead_writes_options and typed:
        return [
            f'"{o["label"].strip()}" was not kept: "{name}" has no answers to choose from. '
            "Clear it, or choose another kind of answer."
            for o in typed
        ]
    if len(typed) > MAX_OPTIONS:
        return [f"Only {MAX_OPTIONS} answers can be kept; you wrote {len(typed)}."]
    return []


def _value(label: str, used: set[str]) -> str:
    base = "_".join(_WORD.findall(label.lower()))[:40] or "answer"
    value, n = base, 2
    while value in used or value == OTHER:
        value, n = f"{base}_{n}", n + 1
    return value


def _written(kind: str, options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lead's own answers, each with a value (kept if it had one) and its score."""
    cleaned, used = [], set()
    scored = KINDS[kind].scale
    for option in options:
        label = (option.get("label") or "").strip()
        if not label or option.get("other"):
            continue
        value = option.get("value") or _value(label, used)
        if value in used:
            value = _value(label, used)
        used.add(value)
        kept = {"value": value, "label": label, "emoji": (option.get("emoji") or "").strip()}
        if scored:
            kept["score"] = scales.score_or_none(option.get("score"))
        cleaned.append(kept)
    return cleaned


def clean(
    kind: str, options: list[dict[str, Any]] | None, settings: dict[str, Any] | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(options, settings) a question of this kind keeps; OptionsNotKept if anything
    typed would be lost."""
    options, settings = list(options or []), dict(settings or {})
    problems = not_kept(kind, options, settings)
    if problems:
        raise OptionsNotKept(" ".join(problems))
    if kind in READY_MADE:
        return scales.reworded(kind, options), {}
    if kind == "number":
        return [], {k: settings[k] for k in ("min", "max") if settings.get(k) is not None}
    if kind == "statements":
        kept = {"statements": [s.strip() for s in settings.get("statements") or [] if s.strip()]}
        scale = settings.get("scale") or "own"
        kept["scale"] = scale
        if scale in READY_MADE:
            return scales.reworded(scale, options), kept
        return _written(kind, options), kept
    if not KINDS[kind].lead_writes_options:
        return [], {}
    cleaned = _written(kind, options)
    if KINDS[kind].answer == "tell":
        given = next((o for o in options if o.get("other") or o.get("value") == OTHER), {})
        cleaned.append(scales.other_option((given.get("label") or "").strip()))
    return cleaned, {}
