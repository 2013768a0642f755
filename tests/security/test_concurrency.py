"""200 people send a survey at once, some of them twice: exactly 200 responses, no errors.

Real threads against one app, through the real HTTP routes, on whichever database the
suite runs on (SQLite by default, PostgreSQL with TEST_DATABASE_URL).
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.surveys.models import Answer, Response
from tests.surveys.conftest import hidden, make_survey, post_answer, send

PEOPLE = 200
RETRIED_EVERY = 5  # every fifth person's phone sends the start and the send twice
WORKERS = 12


def _start(app, slug: str, person: int) -> str:
    """Open the survey, press Start (twice for some: a retry with the same token), answer."""
    client = app.test_client()
    page = client.get(f"/s/{slug}")
    assert page.status_code == 200, page.status_code
    token = hidden(page.text, "token")
    started = client.post(f"/s/{slug}", data={"token": token})
    assert started.status_code == 303, started.status_code
    if person % RETRIED_EVERY == 0:
        again = app.test_client().post(f"/s/{slug}", data={"token": token})
        assert again.status_code == 303 and again.location == started.location
    sid = hidden(client.get(started.location).text, "submission_id")
    answered = post_answer(client, slug, 1, sid, answer="happy")
    assert answered.status_code == 303, answered.status_code
    return sid


def _send(app, slug: str, sid: str) -> int:
    return send(app.test_client(), slug, sid).status_code


def test_two_hundred_parallel_submissions_some_retried_store_exactly_two_hundred(app):
    with app.app_context():
        slug = make_survey(db.session).slug
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        sids = list(pool.map(lambda n: _start(app, slug, n), range(PEOPLE)))
        sends = sids + sids[::RETRIED_EVERY]  # the retried ones send twice, at the same time
        random.Random(8).shuffle(sends)
        statuses = list(pool.map(lambda sid: _send(app, slug, sid), sends))

    assert len(set(sids)) == PEOPLE
    assert set(statuses) == {303}, sorted(set(statuses))
    with app.app_context():
        rows = db.session.execute(
            select(Response.status, func.count()).group_by(Response.status)
        ).all()
        by_status = {status: count for status, count in rows}
        answers = db.session.scalar(select(func.count()).select_from(Answer))
        with_retention = db.session.scalar(
            select(func.count()).select_from(Response).where(Response.retain_until.is_not(None))
        )
    assert by_status == {"submitted": PEOPLE}
    assert answers == PEOPLE  # one answer each, none doubled by a retry
    assert with_retention == PEOPLE
