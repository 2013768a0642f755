import pytest

from feedback import create_app
from feedback.config import ConfigError, load_config


def test_production_refuses_a_missing_secret(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        create_app({"INSTANCE_PATH": str(tmp_path)})


def test_production_refuses_a_short_secret(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ConfigError):
        create_app({"INSTANCE_PATH": str(tmp_path)})


def test_production_with_a_long_secret_sets_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_generates_a_secret_once_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("FEEDBACK_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    url = app.config["SQLALCHEMY_ENGINES"]["default"]["url"]
    assert url == f"sqlite:///{tmp_path / 'feedback.sqlite'}"


def test_postgres_urls_use_psycopg3(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db/feedback")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    url = app.config["SQLALCHEMY_ENGINES"]["default"]["url"]
    assert url == "postgresql+psycopg://u:p@db/feedback"


def test_postgresql_statements_are_prepared_unless_behind_pgbouncer(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.internal/feedback")
    monkeypatch.delenv("PGBOUNCER_TRANSACTION_MODE", raising=False)
    engine = load_config(tmp_path)["SQLALCHEMY_ENGINES"]["default"]
    assert engine == {
        "url": "postgresql+psycopg://u:p@db.internal/feedback",
        "connect_args": {"options": "-c jit=off"},
    }
    monkeypatch.setenv("PGBOUNCER_TRANSACTION_MODE", "1")
    engine = load_config(tmp_path)["SQLALCHEMY_ENGINES"]["default"]
    assert engine["connect_args"] == {"options": "-c jit=off", "prepare_threshold": None}
    monkeypatch.setenv("DATABASE_URL", "")
    assert "connect_args" not in load_config(tmp_path)["SQLALCHEMY_ENGINES"]["default"]


def test_plain_views_and_hooks_are_called_as_they_are_and_async_ones_are_not(app):
    def view():
        return "plain"

    async def later():
        return "async"

    assert app.ensure_sync(view) is view
    try:
        wrapped = app.ensure_sync(later)
    except RuntimeError as error:  # Flask's own answer without its async extra installed
        assert "async" in str(error).lower()
    else:
        assert wrapped is not later
