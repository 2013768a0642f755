"""The co-production feedback app. `create_app` reads like a table of contents."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config, extensions, features, CLI, error pages."""
    test_config = test_config or {}
    app = Flask(
        __name__,
        instance_path=test_config.get("INSTANCE_PATH") or os.environ.get("FEEDBACK_INSTANCE"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from feedback.config import load_config

    app.config.from_mapping(load_config(Path(app.instance_path)))
    app.config.update(test_config)

    from feedback import extensions

    extensions.init_app(app)

    from feedback import (
        agreements,
        alerts,
        audiences,
        bodies,
        builder,
        cli,
        compress,
        dashboard,
        errors,
        forms,
        i18n,
        limits,
        privacy,
        reading,
        reports,
        results,
        staff,
        static,
        surveys,
        web,
    )

    forms.init_app(app)  # input cleaning for every request
    i18n.init_app(app)  # Flask-Babel: survey pages in the survey's language
    surveys.init_app(app)  # taking surveys, the shared tablet, links and QR codes
    staff.init_app(app)  # sign-in, roles, audit log
    agreements.init_app(app)  # Working Together Agreements
    builder.init_app(app)  # the survey builder
    audiences.init_app(app)  # who surveys are for: age bands, their words and notices
    reports.init_app(app)  # "You told us, we did"
    privacy.init_app(app)  # notices, retention, people's rights
    alerts.init_app(app)  # the safeguarding lead's alerts
    reading.init_app(app)  # every written comment read by a person
    dashboard.init_app(app)  # results by principle
    results.init_app(app)  # every question's answers, written answers, exports
    cli.init_app(app)
    errors.init_app(app)
    web.init_app(app)  # security headers, template globals
    static.init_app(app)  # content-hashed static files (WhiteNoise)
    compress.init_app(app)  # Flask-Compress, for same-site requests only
    bodies.init_app(app)  # form posts only, read with a time limit (docs/limits.md)
    limits.init_app(app)  # limits counted in the database, and their kind 429 page
    return app
