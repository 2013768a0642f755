"""Shared fixtures: a fresh database per test, a client, a CLI runner, staff factories,
and a live server + Chromium for browser tests.

Set TEST_DATABASE_URL=postgresql+psycopg://... to run everything on PostgreSQL.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server

from feedback import create_app
from feedback.audiences.shipped import add_shipped
from feedback.db import Model
from feedback.extensions import db
from feedback.staff.models import User

pytest_plugins = ["tests.oidc_provider"]  # a real OpenID Connect provider, when asked for
ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
PASSWORD = "correct horse battery staple"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def shared_data(name: str) -> Path:
    """A file from ../shared/data beside the repository (or /work/shared/data)."""
    for base in (ROOT.parent / "shared" / "data", Path("/work/shared/data")):
        if (base / name).exists():
            return base / name
    raise FileNotFoundError(name)


def _config(tmp_path: Path, url: str, **extra) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SQLALCHEMY_ENGINES": {"default": {"url": url}},
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        **extra,
    }


def _truncate_all(url: str) -> None:
    engine = create_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Model.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def app(request, tmp_path):
    """A fresh app and empty database for each test.

    Mark a test `@pytest.mark.csrf` to switch CSRF protection on, `@pytest.mark.ratelimit`
    to switch rate limits on.
    """
    url = PG_URL or f"sqlite:///{tmp_path / 'test.sqlite'}"
    extra = {}
    if request.node.get_closest_marker("csrf"):
        extra["WTF_CSRF_ENABLED"] = True
    if request.node.get_closest_marker("ratelimit"):
        extra["RATELIMIT_ENABLED"] = True
    app = create_app(_config(tmp_path, url, **extra))
    with app.app_context():
        Model.metadata.create_all(db.engine)
        with db.engine.begin() as conn:
            add_shipped(conn)  # the shipped audiences (again, after a PostgreSQL truncation)
    yield app
    with app.app_context():
        db.engine.dispose()
    if PG_URL:
        _truncate_all(PG_URL)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    """The app's database session, inside an app context."""
    with app.app_context():
        yield db.session


@pytest.fixture
def make_user(app):
    """Create a staff account: make_user("lead", email=..., team=...)."""

    def make(role: str = "lead", **overrides) -> User:
        with app.app_context():
            n = db.session.query(User).count() + 1
            user = User(
                email=overrides.pop("email", f"{role}{n}@example.org"),
                name=overrides.pop("name", f"{role.title()} {n}"),
                role=role,
                team=overrides.pop("team", "North"),
                **overrides,
            )
            user.set_password(PASSWORD)
            db.session.add(user)
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


def login(client, user: User, password: str = PASSWORD):
    """Sign a user in through the real login form."""
    return client.post("/staff/login", data={"email": user.email, "password": password})


@pytest.fixture
def login_as(client, make_user):
    """Make a user with this role and sign them in; returns the user."""

    def do(role: str, **overrides) -> User:
        user = make_user(role, **overrides)
        response = login(client, user)
        assert response.status_code == 302, response.text
        return user

    return do


# --- browser tests ------------------------------------------------------------------


def _live_database_url(tmp_dir: Path) -> str:
    if not PG_URL:
        return f"sqlite:///{tmp_dir / 'live.sqlite'}"
    # A second database beside the test one, so per-test truncation does not touch it.
    base, _, _name = PG_URL.rpartition("/")
    live = f"{base}/feedback_live"
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS feedback_live WITH (FORCE)"))
        conn.execute(text("CREATE DATABASE feedback_live"))
    engine.dispose()
    return live


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """One app with demo content, shared by all browser tests."""
    from feedback import demo, migrate

    tmp = tmp_path_factory.mktemp("live")
    app = create_app(_config(tmp, _live_database_url(tmp), WTF_CSRF_ENABLED=True))
    with app.app_context():
        migrate.upgrade(db.engine)
        demo.seed(db.session, responses=40)
        db.session.commit()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(live_app):
    """Serve the live app on 127.0.0.1 in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server
