"""Demo alerts for a first run (added once): a few demo comments are replaced by words
the safeguarding screen flags, and the first alert is shown as already closed."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.alerts.models import SafeguardingAlert
from feedback.alerts.work import close_alert
from feedback.analysis.store import analyse_answer
from feedback.staff.models import User
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question, Response

DEMO = Path(__file__).resolve().parent / "demo_alerts.toml"


def seed_alerts(session: Session) -> bool:
    """Add the demo alerts unless there are alerts already. Returns True if added."""
    if session.scalar(select(SafeguardingAlert.id).limit(1)) is not None:
        return False
    with DEMO.open("rb") as f:
        entries = tomllib.load(f)["alert"]
    answers = session.scalars(
        select(Answer)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(Question.kind.in_(WORD_KINDS), Response.audience == "13-18")
        .order_by(Answer.id)
        .limit(len(entries))
    ).all()
    lead = session.scalar(select(User).where(User.role == "safeguarding").limit(1))
    for answer, entry in zip(answers, entries, strict=False):
        answer.value, answer.skipped, answer.ok_to_quote = entry["words"], False, False
        analyse_answer(session, answer, words_changed=True)
        alert = session.scalar(
            select(SafeguardingAlert).where(SafeguardingAlert.answer_id == answer.id)
        )
        if alert is not None and entry.get("action") and lead is not None:
            close_alert(session, alert, lead.id, entry.get("outcome", "other"), entry["action"])
    session.flush()
    return bool(answers)
