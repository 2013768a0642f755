"""The product under load: its database, its server settings, and what a user does.

Each scenario is one virtual user's loop body for `http_load.run`: it keeps its own
cookies (and so its own session and survey response) and CSRF token, as a browser would.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from benchmarks.http_load import Client

ROOT = Path(__file__).resolve().parents[1]
TARGET = "feedback:create_app()"
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


QUESTION_TARGET = ">= 70% of read baseline, p99 < 100 ms"
ANSWER_TARGET = ">= 70% of insert baseline, p99 < 100 ms"

# (table row, scenario, the label it times, the baseline it is compared with)
SCENARIOS = (
    ("staff sign-in page GET (until the survey screens land)", login_page, "login page", "read"),
)
MISSING = (
    ("survey question screen GET", QUESTION_TARGET),
    ("survey answer POST (CSRF token, redirect)", ANSWER_TARGET),
)
