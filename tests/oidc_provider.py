"""A real OpenID Connect provider for the tests: PyPI oidc-provider-mock, run on 127.0.0.1
in its own process, with staff users whose claims the tests choose.

`oidc_provider` issues normal ID tokens; `expired_oidc_provider` issues ID tokens that
expired five minutes before they were issued (well past the clock leeway).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

USERS = {
    "lead-1": {
        "email": "lee.lead@example.org",
        "name": "Lee Lead",
        "roles": ["Feedback.Lead"],
        "team": "North",
    },
    "worker-1": {
        "email": "pat.worker@example.org",
        "name": "Pat Worker",
        "roles": ["Other.App", "Feedback.Worker"],
        "team": ["South", "East"],
    },
    "no-role-1": {"email": "sam.visitor@example.org", "name": "Sam Visitor", "roles": []},
}
ROLE_MAP = "Feedback.Admin=admin,Feedback.Lead=lead,Feedback.Worker=practitioner"
CLIENT_ID = "feedback-tests"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(*extra: str) -> Iterator[str]:
    port = _free_port()
    args = [sys.executable, "-m", "oidc_provider_mock", "-p", str(port)]
    for sub, claims in USERS.items():
        args += ["--user-claims", json.dumps({"sub": sub, **claims})]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [*args, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    reader = None
    try:
        # Its server logs "Uvicorn running on http://127.0.0.1:PORT" once it listens.
        for line in process.stderr:
            if "running on" in line.lower():
                break
        else:
            raise RuntimeError("oidc-provider-mock did not start")
        # Keep reading its log, so a full pipe never blocks it.
        reader = threading.Thread(target=process.stderr.read, daemon=True)
        reader.start()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=5)
        if reader is not None:
            reader.join(timeout=5)
        process.stderr.close()


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[str]:
    """The provider's issuer URL."""
    yield from _start()


@pytest.fixture(scope="session")
def expired_oidc_provider() -> Iterator[str]:
    """A provider whose ID tokens are already five minutes out of date when issued."""
    yield from _start("--token-max-age=-300")


def oidc_config(issuer: str, **extra) -> dict:
    """App settings for signing in through this provider."""
    return {
        "OIDC_ISSUER": issuer,
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": "not-checked-by-the-mock",
        "OIDC_ROLE_MAP": ROLE_MAP,
        "OIDC_TEAM_CLAIM": "team",
        "OIDC_PROVIDER_NAME": "Test Council account",
        **extra,
    }
