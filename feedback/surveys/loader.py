"""Load the shipped survey definitions (one TOML file per audience in surveys/)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.surveys import scales
from feedback.surveys.kinds import READY_MADE
from feedback.surveys.models import Question, Survey

SHIPPED = Path(__file__).resolve().parents[2] / "surveys"


def options_for(kind: str, options: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Ready-made scales use their standard answers (their words and scores may be
    given, matched by value: answers with other values are not part of the scale);
    others keep their own."""
    if kind in READY_MADE:
        return scales.reworded(kind, options)
    return [dict(o) for o in options or []]


def read_definition(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def build_survey(definition: dict[str, Any]) -> Survey:
    """Make an (unsaved) survey and its questions from a definition."""
    survey = Survey(
        key=definition["key"],
        title=definition["title"],
        audience=definition["audience"],
        language=definition.get("language", "en"),
        intro=definition.get("intro", "").strip(),
        thanks=definition.get("thanks", "").strip(),
        status=definition.get("status", "open"),
        named_responses=definition.get("named_responses", False),
    )
    survey.all_questions = [
        Question(
            position=n,
            bank_key=q.get("bank_key", ""),
            kind=q["kind"],
            principle=q.get("principle"),  # none: not part of a principle
            text=q["text"].strip(),
            hint=q.get("hint", "").strip(),
            options=options_for(q["kind"], q.get("options")),
            settings=dict(q.get("settings", {})),
            safety=bool(q.get("safety", False)),
            show_when=q.get("show_when"),  # {question = bank key, values = [...]}
        )
        for n, q in enumerate(definition["questions"], start=1)
    ]
    return survey


def load_shipped(session: Session, folder: Path = SHIPPED) -> list[Survey]:
    """Add each shipped survey not yet in the database (matched by its key)."""
    have = set(session.scalars(select(Survey.key).where(Survey.key != "")))
    made = []
    definitions = [read_definition(path) for path in sorted(folder.glob("*.toml"))]
    # Originals first, so a translation (`translation_of` = the original's key) can link.
    for definition in sorted(definitions, key=lambda d: "translation_of" in d):
        if definition["key"] in have:
            continue
        survey = build_survey(definition)
        if "translation_of" in definition:
            survey.translation_of_id = session.scalar(
                select(Survey.id).where(Survey.key == definition["translation_of"])
            )
        session.add(survey)
        session.flush()
        made.append(survey)
    return made
