"""Demo content for reports: "we did" actions, and some comments marked OK to quote."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback.alerts.withheld import shown
from feedback.audiences.services import level_for
from feedback.reports.models import Action
from feedback.reports.publishing import advise
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question

ACTIONS = Path(__file__).resolve().parent / "demo_actions.toml"
QUOTES_PER_PRINCIPLE = 4


def seed_actions(session: Session, today: date | None = None) -> bool:
    """Add the demo actions and mark a few quotes, unless there are actions already."""
    if session.scalar(select(func.count(Action.id))):
        return False
    today = today or date.today()
    with ACTIONS.open("rb") as f:
        entries = tomllib.load(f)["actions"]
    for entry in entries:
        entry = dict(entry)
        due = entry.pop("due_in_days", None)
        action = Action(**entry, started_on=today - timedelta(days=30))
        action.due_on = today + timedelta(days=due) if due else None
        action.done_on = today - timedelta(days=7) if entry["status"] == "done" else None
        # Published demo actions reach families only when they pass the language checker.
        words = advise(
            action.you_told_us, action.we_did, level_for(session, action.audience or "8-12")
        )
        action.for_families = bool(action.ready_to_publish) and words.family_ready
        session.add(action)
    _mark_quotes(session)
    session.flush()
    return True


def _mark_quotes(session: Session) -> None:
    """Mark a few different, unflagged comments per principle as OK to quote."""
    rows = session.execute(
        select(Answer, Question.principle)
        .join(Question, Answer.question_id == Question.id)
        .where(Question.kind.in_(WORD_KINDS), Answer.value.is_not(None), shown())
        .order_by(Answer.id)
    ).all()
    seen: dict[int, set[str]] = {}
    for answer, principle in rows:
        texts = seen.setdefault(principle, set())
        if len(texts) < QUOTES_PER_PRINCIPLE and answer.value not in texts:
            texts.add(answer.value)
            answer.ok_to_quote = True
