"""Helpers shared by the survey screens: find the survey, render in the audience's
words, commit safely when a double tap races us."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.i18n import translate_words, use_language
from feedback.languages import text_direction
from feedback.surveys import device, services
from feedback.surveys.models import Response, Survey
from feedback.surveys.words import words_for

T = TypeVar("T")
HIDDEN = ("draft", "archived")  # statuses whose public link is a 404


def survey_or_404(slug: str) -> Survey:
    """The survey behind a public link, with its current questions (404 if not public)."""
    survey = services.open_survey(db.session, slug)
    if survey is None or survey.status in HIDDEN:
        abort(404)
    if survey.slug != slug:  # typed in another case: carry on at the one address
        if request.method != "GET":
            abort(404)
        abort(redirect(url_for(request.endpoint, **{**request.view_args, "slug": survey.slug})))
    return survey


def render(template: str, survey: Survey, status: int = 200, **context):
    """Render a survey screen in the audience's words and the survey's language."""
    use_language(survey.language)
    html = render_template(
        template,
        survey=survey,
        w=translate_words(words_for(survey.band)),
        page_lang=survey.language,
        page_dir=text_direction(survey.language),
        tablet=device.current_tablet(),
        **context,
    )
    return html, status


def closed(survey: Survey):
    return render("surveys/closed.html", survey, 410)


def start_url(survey: Survey) -> str:
    """Where a person goes to begin: the tablet's welcome screen, or the survey's start."""
    if device.current_tablet():
        return url_for("surveys.tablet_welcome")
    return url_for("surveys.start", slug=survey.slug)


def screen_url(survey: Survey, n: int) -> str:
    """The question screen n, or the 'send' screen after the last question."""
    if n > len(survey.questions):
        return url_for("surveys.finish", slug=survey.slug)
    return url_for("surveys.question", slug=survey.slug, n=max(n, 1))


def remembered_response(survey: Survey) -> Response | None:
    """The response this device is part-way through for this survey, if any."""
    response = services.find_response(db.session, device.remembered(survey.slug))
    if response is None or response.status != "in_progress" or response.survey_id != survey.id:
        return None
    return response


def posted_response(survey: Survey, submission_id: str | None) -> Response | None:
    """The response a form belongs to: its hidden submission id, else this device's."""
    sid = device.valid_submission_id(submission_id) or device.remembered(survey.slug)
    response = services.find_response(db.session, sid)
    if response is None or response.survey_id != survey.id:
        return None
    return response


def commit_or_retry(action: Callable[[], T]) -> T:
    """Run one service call and commit. If a parallel request (a double tap) stored the
    same thing first, the unique constraint stops us: roll back and run it once more,
    when it finds and reuses what the other request stored."""
    try:
        result = action()
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        result = action()
        db.session.commit()
    return result
