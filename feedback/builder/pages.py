"""Helpers shared by the builder's views: find a survey, show its page, refuse clearly."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import abort, render_template
from flask_login import current_user

from feedback.audiences.services import list_audiences
from feedback.builder import services
from feedback.builder.conditions import describe
from feedback.builder.errors import BuilderError
from feedback.builder.forms import OpenForm
from feedback.builder.labels import KIND_NAMES, STATUS_NAMES
from feedback.builder.questions import has_responses
from feedback.extensions import db
from feedback.languages import language
from feedback.surveys.models import Survey

LOCAL = ZoneInfo("Europe/London")


def survey_or_404(survey_id: int) -> Survey:
    survey = db.session.get(Survey, survey_id)
    if survey is None:
        abort(404)
    return survey


def actor_id() -> int:
    return current_user.id


def start_of(day: date | None) -> datetime | None:
    """Midnight at the start of a day in England, as UTC."""
    return datetime.combine(day, time(0), tzinfo=LOCAL) if day else None


def local_day(moment: datetime | None, *, last: bool = False) -> str:
    """A date as people in England say it; `last` shows the day before a closing time."""
    if moment is None:
        return ""
    local = moment.astimezone(LOCAL) - (timedelta(days=1) if last else timedelta(0))
    return f"{local.day} {local:%B %Y}"


def render(template: str, status: int = 200, **context):
    """Render a builder page with the names staff screens use."""
    context.setdefault("audience_names", {a.key: a.name for a in list_audiences(db.session)})
    context.setdefault("kind_names", KIND_NAMES)
    context.setdefault("status_names", STATUS_NAMES)
    context.setdefault("language", language)
    context.setdefault("local_day", local_day)
    return render_template(template, **context), status


def overview(survey: Survey, status: int = 200, problem: str = "", open_form=None):
    """The survey's page in the builder: its words, questions, advice and actions."""
    return render(
        "builder/survey.html",
        status,
        survey=survey,
        problem=problem,
        answered=has_responses(db.session, survey),
        family=services.translations(db.session, survey),
        conditions=describe(survey.questions),
        open_form=open_form or OpenForm(formdata=None),
    )


def refuse(survey: Survey, error: BuilderError):
    """Show the survey's page with what could not be done, and a 4xx status."""
    db.session.rollback()
    return overview(survey, error.status, problem=str(error))
