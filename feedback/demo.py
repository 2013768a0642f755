"""Demo content for a first run: shipped surveys, demo staff and realistic responses."""

from __future__ import annotations

import random
import tomllib
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.db import utcnow
from feedback.staff.models import User
from feedback.surveys import services
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Survey

# A documented, demo-only login: seed-demo is never run in production.
DEMO_PASSWORD = "demo-password-2026"  # nosec B105
DEMO_STAFF = (
    ("admin@example.org", "Alex Admin", "admin", "Participation"),
    ("lead@example.org", "Priya Lead", "lead", "Participation"),
    ("worker@example.org", "Sam Worker", "practitioner", "Torbay North"),
    ("worker2@example.org", "Jo Worker", "practitioner", "Torbay South"),
    ("safeguarding@example.org", "Dee Safeguarding", "safeguarding", "Safeguarding"),
)
DEMO_STAFF_LOGINS = tuple((email, role) for email, _name, role, _team in DEMO_STAFF)
COMMENTS = Path(__file__).resolve().parent / "demo_comments.toml"
POOL_FOR_AUDIENCE = {
    "4-7": "children",
    "8-12": "children",
    "13-18": "young_people",
    "parent": "parents",
}


def seed(session: Session, responses: int = 300, seed_value: int = 7) -> bool:
    """Load demo content unless it is already there. Returns True if anything was added."""
    if session.scalar(select(User).where(User.email == DEMO_STAFF[0][0])):
        return seed_extras(session)
    for email, name, role, team in DEMO_STAFF:
        user = User(email=email, name=name, role=role, team=team)
        user.set_password(DEMO_PASSWORD)
        session.add(user)
    load_shipped(session)
    # Demo comments are in English: translations get no made-up responses.
    surveys = session.scalars(
        select(Survey).where(Survey.status == "open", Survey.translation_of_id.is_(None))
    ).all()
    # Repeatable demo data; nothing here is security-sensitive.
    rng = random.Random(seed_value)  # nosec B311
    seed_responses(session, surveys, responses, rng)
    seed_extras(session)
    return True


def seed_extras(session: Session) -> bool:
    """Demo content of later features; each part adds itself only if it is not there yet."""
    from feedback.agreements.demo import seed_agreements
    from feedback.alerts.demo import seed_alerts
    from feedback.reports.demo import seed_actions

    added = seed_actions(session)
    added = seed_alerts(session) or added
    return seed_agreements(session) or added


def seed_responses(session: Session, surveys, count: int, rng: random.Random) -> None:
    """Add `count` submitted responses spread over the last six months."""
    with COMMENTS.open("rb") as f:
        comments = tomllib.load(f)
    now = utcnow()
    for n in range(count):
        survey = surveys[n % len(surveys)]
        response = services.start_response(session, survey)
        mood = rng.random()  # some respondents are happier than others
        for question in survey.questions:
            if rng.random() < 0.08:
                services.record_answer(session, response, question, skipped=True)
            elif question.shape == "words":
                if rng.random() < 0.6:
                    pool = comments[POOL_FOR_AUDIENCE.get(survey.band.words_from, "children")]
                    services.record_answer(session, response, question, value=rng.choice(pool))
                else:
                    services.record_answer(session, response, question, skipped=True)
            elif question.shape in ("number", "statements"):  # not in the shipped surveys
                services.record_answer(session, response, question, skipped=True)
            elif question.shape in ("many", "tell"):
                picks = [o["value"] for o in question.options if rng.random() < 0.35]
                services.record_answer(session, response, question, choices=picks)
            else:
                options = question.options
                # Lean towards the better answers for happier respondents.
                index = min(len(options) - 1, int(rng.random() * (1.6 - mood) * len(options)))
                value = (
                    options[index]["value"] if question.is_scale else rng.choice(options)["value"]
                )
                services.record_answer(session, response, question, value=value)
        services.submit_response(session, response)
        when = now - timedelta(days=rng.uniform(0, 180))
        response.started_at = when - timedelta(minutes=5)
        response.submitted_at = when
