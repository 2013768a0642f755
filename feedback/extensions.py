"""Flask extensions, created once and bound to the app in create_app."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from feedback.db import db

csrf = CSRFProtect()
login_manager = LoginManager()
babel = Babel()

__all__ = ["babel", "csrf", "db", "login_manager"]


def init_app(app) -> None:
    """Bind the extensions to the app."""
    db.init_app(app)
    # We use no async engines, and the extension's async teardown starts an event loop
    # bridge on every request (and breaks under gevent or a running loop): see
    # https://github.com/pallets-eco/flask-sqlalchemy-lite/issues/11 and issues/25.
    app.teardown_appcontext_funcs[:] = [
        f for f in app.teardown_appcontext_funcs if f.__name__ != "_close_async_sessions"
    ]
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "staff.login"
    login_manager.login_message = "Please sign in to see that page."
