"""Taking surveys: the public start page, the screens a child or family sees, the
shared-tablet hand-back, and links and QR codes for sharing them."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)

from feedback.surveys import share, tablet, taking, views  # noqa: E402,F401
from feedback.surveys.words import privacy_url  # noqa: E402


@bp.app_context_processor
def survey_helpers() -> dict:
    return {"privacy_url": privacy_url}
