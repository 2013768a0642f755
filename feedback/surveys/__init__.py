"""Taking surveys: the public start page and the screens a child or family sees."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)

from feedback.surveys import views  # noqa: E402,F401
