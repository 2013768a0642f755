"""Flask-Limiter's check before every request is dropped only while it has nothing to
do: with an app-wide default limit set, it stays and still limits."""

from __future__ import annotations

import pytest

from feedback import create_app
from feedback.extensions import limiter
from tests.conftest import _config


def _hook_present(app) -> bool:
    return any(f == limiter._check_request_limit for f in app.before_request_funcs.get(None, []))


def test_without_default_limits_the_idle_check_is_dropped(tmp_path):
    app = create_app(_config(tmp_path, f"sqlite:///{tmp_path / 'a.sqlite'}"))
    assert not _hook_present(app)


@pytest.fixture
def default_limit_cleared():
    """The limiter is one object for every app in this process: take the default off."""
    yield
    limiter.limit_manager.set_default_limits([])


def test_with_a_default_limit_every_request_is_still_limited(tmp_path, default_limit_cleared):
    config = _config(
        tmp_path,
        f"sqlite:///{tmp_path / 'b.sqlite'}",
        RATELIMIT_ENABLED=True,
        RATELIMIT_DEFAULT="2 per minute",
    )
    app = create_app(config)
    assert _hook_present(app)
    client = app.test_client()
    statuses = [client.get("/accessibility").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_and_the_next_app_without_one_is_not_limited(tmp_path):
    app = create_app(_config(tmp_path, f"sqlite:///{tmp_path / 'c.sqlite'}"))
    assert not _hook_present(app)


@pytest.mark.ratelimit
def test_the_limiters_after_request_work_runs_only_after_one_of_its_checks(tmp_path):
    """A page with no limit (every survey screen) is left alone: Flask-Limiter's own
    hooks would have left their state on the request. The sign-in page has a limit, and
    its failed sign-ins are still counted after the response (see test_login_security)."""
    from flask.globals import request_ctx

    config = _config(tmp_path, f"sqlite:///{tmp_path / 'd.sqlite'}", RATELIMIT_ENABLED=True)
    app = create_app(config)
    requests = []
    app.before_request(lambda: requests.append(request_ctx._get_current_object()))
    client = app.test_client()
    client.get("/accessibility")
    client.get("/staff/login")
    assert [hasattr(r, "_limiter_request_context") for r in requests] == [False, True]
