"""Configuration read from the environment, with safe embedded defaults."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

MIN_SECRET_LENGTH = 32
OIDC_SETTINGS = (
    "OIDC_ISSUER",
    "OIDC_CLIENT_ID",
    "OIDC_CLIENT_SECRET",
    "OIDC_ROLE_MAP",
    "OIDC_TEAM_CLAIM",
    "OIDC_PROVIDER_NAME",
)


class ConfigError(RuntimeError):
    """The app cannot start safely with this configuration."""


def _instance_secret(instance_path: Path) -> str:
    """Return the secret kept in the instance folder, creating it once."""
    path = instance_path / "secret_key"
    if not path.exists():  # created readable by its owner only, never briefly by others
        with os.fdopen(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w") as f:
            f.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def _database_url(instance_path: Path) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{instance_path / 'feedback.sqlite'}"
    # Hosting platforms often hand out postgres:// URLs; we use psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def engine_options(url: str) -> dict:
    """The database engine's settings. Idle pooled connections are checked in
    `feedback.db`, not on every request. PostgreSQL statements are prepared on the server
    after a few uses (psycopg's default), unless PGBOUNCER_TRANSACTION_MODE is set: an
    older PgBouncer in transaction mode cannot keep them.

    PostgreSQL's JIT compiler is off for our connections: on a million responses it
    spent 2 to 5 seconds compiling each large GROUP BY or export query, longer than the
    query itself took to run (see docs/performance.md)."""
    options: dict = {"url": url}
    if url.startswith("postgresql"):
        connect: dict = {"options": "-c jit=off"}
        if os.environ.get("PGBOUNCER_TRANSACTION_MODE", "").strip():
            connect["prepare_threshold"] = None
        options["connect_args"] = connect
    return options


def _int_env(name: str, default: int, allow_zero: bool = False) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < (0 if allow_zero else 1):
        least = "zero or more" if allow_zero else "above zero"
        raise ConfigError(f"{name} must be a whole number {least}, not {value!r}.")
    return int(value)


def _public_url() -> str:
    """The address posters and QR codes print (never the Host header of a request)."""
    url = os.environ.get("PUBLIC_URL", "").strip().rstrip("/") or "http://localhost:5000"
    if not url.startswith(("https://", "http://")) or " " in url:
        raise ConfigError(
            f"PUBLIC_URL must be a web address like https://feedback.example.org, not {url!r}."
        )
    return url


def load_config(instance_path: Path) -> dict:
    """Build the Flask config mapping from the environment."""
    production = os.environ.get("FEEDBACK_ENV", "development") == "production"
    secret = os.environ.get("SECRET_KEY", "")
    if production and len(secret) < MIN_SECRET_LENGTH:
        raise ConfigError(
            f"SECRET_KEY must be set to at least {MIN_SECRET_LENGTH} characters in production."
        )
    if not secret:
        secret = _instance_secret(instance_path)
    url = _database_url(instance_path)
    return {
        "SECRET_KEY": secret,
        "PRODUCTION": production,
        "SQLALCHEMY_ENGINES": {"default": engine_options(url)},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": production,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        # Our forms' messages live in templates and data files. Flask-WTF's own i18n would
        # re-read WTForms' message catalogues from disk on every request that builds a form.
        "WTF_I18N_ENABLED": False,
        "SERVICE_NAME": os.environ.get("SERVICE_NAME", "Children's Services"),
        "SERVICE_CONTACT": os.environ.get(
            "SERVICE_CONTACT", "Call Children's Services on 01234 567890 (Monday to Friday, 9 to 5)"
        ),
        # The contact in a Welsh or Urdu survey's help box; empty: SERVICE_CONTACT is shown.
        # The example contact comes translated; a real SERVICE_CONTACT needs its own.
        "SERVICE_CONTACT_CY": os.environ.get(
            "SERVICE_CONTACT_CY",
            ""
            if "SERVICE_CONTACT" in os.environ
            else "Ffoniwch y Gwasanaethau Plant ar "
            "01234 567890 (dydd Llun i ddydd Gwener, 9 tan 5)",
        ),
        "SERVICE_CONTACT_UR": os.environ.get(
            "SERVICE_CONTACT_UR",
            ""
            if "SERVICE_CONTACT" in os.environ
            else "چلڈرن سروسز کو 01234 567890 پر فون کریں (پیر سے جمعہ، صبح 9 سے شام 5 بجے تک)",
        ),
        # A tel: link in the help box on every thank-you screen; out of hours only if set.
        "SERVICE_CONTACT_PHONE": os.environ.get("SERVICE_CONTACT_PHONE", "01234 567890"),
        "SERVICE_OUT_OF_HOURS": os.environ.get("SERVICE_OUT_OF_HOURS", ""),
        # Where "Exit this page" goes; empty: a plain page of our own that looks like nothing.
        "QUICK_EXIT_URL": os.environ.get("QUICK_EXIT_URL", "").strip(),
        "PUBLIC_URL": _public_url(),
        "PRIVACY_CONTACT": os.environ.get(
            "PRIVACY_CONTACT",
            "the Data Protection Officer, Children's Services, County Hall (dpo@example.org)",
        ),
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        "SMTP_PORT": _int_env("SMTP_PORT", 25),
        "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS", "").strip().lower()
        in ("1", "yes", "true"),
        "SMTP_USERNAME": os.environ.get("SMTP_USERNAME", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_TIMEOUT": _int_env("SMTP_TIMEOUT", 5),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "feedback@localhost"),
        "AGREEMENT_LINK_DAYS": _int_env("AGREEMENT_LINK_DAYS", 7),
        "AGREEMENT_LINK_WINDOW_MINUTES": _int_env("AGREEMENT_LINK_WINDOW_MINUTES", 30),
        "TRUSTED_PROXIES": _int_env("TRUSTED_PROXIES", 0, allow_zero=True),
        # Staff sessions: signed out after this long without using the app, and in any case
        # this long after signing in.
        "STAFF_IDLE_SECONDS": 60 * _int_env("STAFF_IDLE_MINUTES", 30),
        "STAFF_IDLE_WARNING_SECONDS": _int_env("STAFF_IDLE_WARNING_SECONDS", 120),
        # Shared tablets: the idle warning, going home (a go that ends this way is never
        # sent), the server's own check for a tablet without JavaScript, and how long the
        # thank-you screen stays.
        "TABLET_IDLE_WARNING_SECONDS": _int_env("TABLET_IDLE_WARNING_SECONDS", 120),
        "TABLET_IDLE_SECONDS": _int_env("TABLET_IDLE_SECONDS", 180),
        "TABLET_SERVER_IDLE_SECONDS": _int_env("TABLET_SERVER_IDLE_SECONDS", 900),
        "TABLET_THANKS_SECONDS": _int_env("TABLET_THANKS_SECONDS", 60),
        "STAFF_MAX_SESSION_SECONDS": 3600 * _int_env("STAFF_SESSION_HOURS", 12),
        # Staff sign-in through the council's identity provider: docs/sign-in-with-oidc.md
        "LOCAL_LOGIN": os.environ.get("LOCAL_LOGIN", "1").strip() != "0",
        "OIDC_ROLES_CLAIM": os.environ.get("OIDC_ROLES_CLAIM", "").strip() or "roles",
        **{name: os.environ.get(name, "").strip() for name in OIDC_SETTINGS},
        "RETENTION_DAYS": {
            "responses": _int_env("RETAIN_RESPONSES_DAYS", 730),
            "unfinished_responses": _int_env("RETAIN_UNFINISHED_DAYS", 30),
            "agreements": _int_env("RETAIN_AGREEMENTS_DAYS", 2190),
            "alerts": _int_env("RETAIN_ALERTS_DAYS", 2190),
        },
    }
