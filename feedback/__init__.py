"""The co-production feedback app. `create_app` reads like a table of contents."""

from __future__ import annotations

import os
from functools import partial
from inspect import CO_COROUTINE
from pathlib import Path
from types import FunctionType

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


class FeedbackApp(Flask):
    """Flask, asking more cheaply whether a view or hook is async.

    Flask asks on every call of every view and hook (a dozen a request); a plain function
    is answered from its code flags at once, anything else as Flask always does.
    """

    def ensure_sync(self, func):
        if (
            type(func) is FunctionType
            and not func.__code__.co_flags & CO_COROUTINE
            and not hasattr(func, "_is_coroutine_marker")  # inspect.markcoroutinefunction
        ):
            return func
        return super().ensure_sync(func)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: config, extensions, blueprints, CLI, error pages."""
    test_config = test_config or {}
    app = FeedbackApp(
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

    from feedback.extensions import csrf, db, limiter, login_manager

    db.init_app(app)
    # We use no async engines; the extension's async teardown would spin up an event
    # loop bridge on every request (and clash with any loop already running).
    app.teardown_appcontext_funcs[:] = [
        f for f in app.teardown_appcontext_funcs if f.__name__ != "_close_async_sessions"
    ]
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "staff.login"
    login_manager.login_message = "Please sign in to see that page."

    from feedback import (
        agreements,
        alerts,
        builder,
        dashboard,
        forms,
        i18n,
        privacy,
        reports,
        staff,
        surveys,
    )

    forms.init_app(app)
    i18n.init_app(app)  # Flask-Babel: survey pages in the survey's language
    app.register_blueprint(surveys.bp)
    app.register_blueprint(staff.bp)
    app.register_blueprint(agreements.bp)
    app.register_blueprint(builder.bp)
    reports.init_app(app)
    app.register_blueprint(privacy.bp)
    alerts.init_app(app)
    dashboard.init_app(app)

    from feedback import assets, cli, compress, errors, web
    from feedback.privacy import cli as privacy_cli

    cli.init_app(app)
    privacy_cli.init_app(app)
    errors.init_app(app)
    web.init_app(app)
    assets.init_app(app)
    compress.init_app(app)
    _skip_idle_rate_limit_check(app, limiter)
    _limiter_hooks_only_after_a_check(app, limiter)
    return app


def _skip_idle_rate_limit_check(app: Flask, limiter) -> None:
    """Every rate limit in this app is a decorator on its view, which checks itself.
    With no default or application-wide limits, Flask-Limiter's check before every
    request has nothing to do, and it cost a tenth of a survey screen's time."""
    limits = limiter.limit_manager
    if limits.default_limits or limits.application_limits or app.config.get("RATELIMIT_DEFAULT"):
        return
    app.before_request_funcs[None] = [
        f for f in app.before_request_funcs.get(None, []) if f != limiter._check_request_limit
    ]


def _limiter_hooks_only_after_a_check(app: Flask, limiter) -> None:
    """Flask-Limiter's after-request hook (deductions for failed sign-ins, headers) and its
    teardown work on what its checks leave on the request. A request no limit looked at,
    every survey screen, has nothing there, so they run only when a check did."""
    from flask.globals import request_ctx

    def checked() -> bool:
        return hasattr(request_ctx._get_current_object(), "_limiter_request_context")

    def wrap_after(hook):
        def after_a_check(response):
            return hook(response) if checked() else response

        return after_a_check

    def wrap_teardown(hook):
        def after_a_check(error=None):
            if checked():
                hook(error)

        return after_a_check

    ours = {getattr(limiter, "_Limiter__release_context", None)}
    after = app.after_request_funcs.get(None, [])
    for i, hook in enumerate(after):
        if isinstance(hook, partial) and hook.args == (limiter,):
            after[i] = wrap_after(hook)
    teardown = app.teardown_request_funcs.get(None, [])
    for i, hook in enumerate(teardown):
        if hook in ours:
            teardown[i] = wrap_teardown(hook)
