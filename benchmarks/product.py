"""The product under load: its database, its server settings, and what a user does.

Each scenario is one virtual user's loop body for `http_load.run`: it keeps its own
cookies (and so its own session and survey response) and CSRF token, as a browser would.
A virtual user is many children in turn, each with an address of their own and at most
PER_CHILD requests, so the public-write limits (feedback/limits/rules.py) are counted on
every answer but never reached: one address sending thousands of answers is refused
(429) after 1,500 in ten minutes, and refused requests would not be throughput.
"""

from __future__ import annotations

import itertools
import os
import random
import re
import secrets
import subprocess
import sys
from pathlib import Path

from benchmarks import journeys
from benchmarks.http_client import Client, UnexpectedReply

ROOT = Path(__file__).resolve().parents[1]
TARGET = "feedback.wsgi:app"
DEMO_RESPONSES = 300
CSRF_FIELD = re.compile(
    r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"'
)


def environment(database_url: str, instance: Path) -> dict[str, str]:
    """Production settings, as `make serve` would run them."""
    return {
        "FEEDBACK_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "FEEDBACK_INSTANCE": str(instance),
        "DATABASE_URL": database_url,
        "FLASK_APP": "feedback",
        # The load test stands in for the reverse proxy in front of the product and says
        # which child each request comes from (docs/configuration.md, TRUSTED_PROXIES).
        "TRUSTED_PROXIES": "1",
    }


def prepare(env: dict[str, str]) -> None:
    """Migrate the empty database and load the demo content (surveys, staff, responses)."""
    subprocess.run(
        [sys.executable, "-m", "flask", "seed-demo", "--responses", str(DEMO_RESPONSES)],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def csrf_token(html: str) -> str:
    match = CSRF_FIELD.search(html)
    if not match:
        raise ValueError("no CSRF token on the page")
    return match[1] or match[2]


def login_page(client: Client, running) -> None:
    """A member of staff opens the sign-in page (a form with a CSRF token)."""
    client.get("/staff/login", label="login page")


_surveys: list[str] = []
_next_user = itertools.count()
_next_child = itertools.count(1)
# Requests one child makes before the next child takes their place on the connection: under
# the device limit on answers (150 in 10 minutes, feedback/limits/rules.py), Start included.
PER_CHILD = 120


def _new_child(client: Client) -> None:
    """Forget the last child's cookies (session, device id) and give the next child an
    address of their own, as the reverse proxy in front of the product reports it
    (`X-Forwarded-For`; the product runs with TRUSTED_PROXIES=1, see `environment`)."""
    n = next(_next_child)
    client.forget_cookies()
    client.headers["X-Forwarded-For"] = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


def _journey(client: Client) -> journeys.Journey:
    """This virtual user's survey response, started on first use (not timed).

    Every PER_CHILD requests a new child takes over, so the load is many children, each
    under the public-write limits, as in a real school: one address sending thousands of
    answers would be refused (429), and refused requests are not throughput.
    """
    journey = client.state.get("journey")
    if journey is None:
        if not _surveys:
            _surveys.extend(journeys.survey_paths(client.get("/").text))
            if not _surveys:
                raise UnexpectedReply("no open survey linked from the start page")
        survey = _surveys[next(_next_user) % len(_surveys)]
        _new_child(client)
        journey = client.state["journey"] = journeys.begin(client, survey)
        client.state["rng"] = random.Random(len(client.state))  # nosec B311
        client.state["requests"] = 0
    elif client.state["requests"] >= PER_CHILD:
        _new_child(client)
        journey = client.state["journey"] = journeys.restart(client, journey)
        client.state["requests"] = 0
    client.state["requests"] += 1
    return journey


def question_screen(client: Client, running) -> None:
    """A respondent opens their next question screen (answers so far shown)."""
    journey = _journey(client)
    client.get(journey.next_screen(), label="question")


def answer(client: Client, running) -> None:
    """A respondent sends an answer (with the CSRF token) and is redirected onwards.

    Each user goes round their survey's questions: the first round stores new answers,
    later rounds replace them, as when a child goes Back and changes an answer.
    """
    journey = _journey(client)
    if not journey.forms:
        journeys.learn_forms(client, journey)
    path = journey.next_screen()
    form = journey.forms[path]
    reply = client.post(form.action, form.filled(client.state["rng"]), label="answer")
    if reply.headers.get("location", "").rstrip("/").endswith(journey.start_path):
        raise UnexpectedReply(f"{path}: the answer was not taken (sent back to the start)")


QUESTION_TARGET = ">= 45% of read baseline, p99 < 100 ms"
ANSWER_TARGET = ">= 45% of insert baseline, p99 < 100 ms"

# (table row, scenario, the label it times, the baseline it is compared with, target)
SCENARIOS = (
    ("survey question screen GET", question_screen, "question", "read", QUESTION_TARGET),
    ("survey answer POST (CSRF token, redirect)", answer, "answer", "insert", ANSWER_TARGET),
)
# Measured only while the survey screens are missing, to keep the harness honest.
STAND_IN = ("staff sign-in page GET (stand-in)", login_page, "login page", "read", "")


def surveys_available(port: int) -> bool:
    """Does the start page link to a survey a respondent can take?"""
    client = Client(port)
    try:
        return bool(journeys.survey_paths(client.get("/").text))
    finally:
        client.close()
