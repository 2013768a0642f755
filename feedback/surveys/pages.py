"""Helpers shared by the survey screens: find the survey, render in the audience's
words, commit safely when a double tap races us."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from flask import abort, current_app, render_template, request, url_for
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.i18n import translate_words, use_language
from feedback.languages import text_direction
from feedback.surveys import device, services
from feedback.surveys.models import Response, Survey
from feedback.surveys.services import Bind
from feedback.surveys.snapshot import SurveyView, survey_view
from feedback.surveys.words import words_for

T = TypeVar("T")
AnySurvey = Survey | SurveyView  # builder previews pass the ORM survey
HIDDEN = ("draft", "archived")  # statuses whose public link is a 404


def public_or_404(survey: SurveyView | None) -> SurveyView:
    """The survey, if its public link may be used (404 for none, a draft or archived)."""
    if survey is None or survey.status in HIDDEN:
        abort(404)
    return survey


def survey_or_404(slug: str) -> SurveyView:
    """The survey behind a public link, with its current questions (404 if not public)."""
    return public_or_404(survey_view(db.session, slug))


def render(template: str, survey: AnySurvey, status: int = 200, **context):
    """Render a survey screen in the audience's words and the survey's language."""
    use_language(survey.language)
    html = render_template(
        template,
        survey=survey,
        w=translate_words(words_for(survey.audience)),
        page_lang=survey.language,
        page_dir=text_direction(survey.language),
        tablet=device.current_tablet(),
        **context,
    )
    return html, status


def closed(survey: AnySurvey):
    return render("surveys/closed.html", survey, 410)


def start_url(survey: AnySurvey) -> str:
    """Where a person goes to begin: the tablet's welcome screen, or the survey's start."""
    if device.current_tablet():
        return url_for("surveys.tablet_welcome")
    return url_for("surveys.start", slug=survey.slug)


MAX_URLS = 50000  # screen addresses a worker keeps


def screen_url(survey: AnySurvey, n: int) -> str:
    """The question screen n, or the 'send' screen after the last question. Worked out
    once per worker: the same few addresses are given on every screen."""
    n = 0 if n > len(survey.questions) else max(n, 1)
    key = (request.script_root, survey.slug, n)
    urls = current_app.extensions.setdefault("screen_urls", {})
    url = urls.get(key)
    if url is None:
        if n == 0:
            url = url_for("surveys.finish", slug=survey.slug)
        else:
            url = url_for("surveys.question", slug=survey.slug, n=n)
        if len(urls) >= MAX_URLS:
            urls.clear()
        urls[key] = url
    return url


def remembered_response(survey: AnySurvey) -> Response | None:
    """The response this device is part-way through for this survey, if any."""
    response = services.find_response(db.session, device.remembered(survey.slug))
    if response is None or response.status != "in_progress" or response.survey_id != survey.id:
        return None
    return response


def posted_response(survey: AnySurvey, submission_id: str | None) -> Response | None:
    """The response a form belongs to: its hidden submission id, else this device's."""
    sid = device.valid_submission_id(submission_id) or device.remembered(survey.slug)
    response = services.find_response(db.session, sid)
    if response is None or response.survey_id != survey.id:
        return None
    return response


@contextmanager
def respondent_connection() -> Iterator[Connection]:
    """A database connection for one of a respondent's screens, used without an ORM
    session: these screens read one row and write one, and are what the service does
    most, so the session's own bookkeeping would be a large part of their time.

    What the block leaves uncommitted (a screen's reading) ends with COMMIT, not the
    ROLLBACK a closing connection gets: on PostgreSQL a ROLLBACK makes psycopg forget
    the statements it has prepared on that connection, so a screen's query would be
    planned again on every request. An error in the block rolls back as usual.
    """
    with db.engine.connect() as connection:
        yield connection
        if connection.in_transaction():
            connection.commit()


def commit_or_retry(
    action: Callable[[], T], again: Callable[[], T] | None = None, bind: Bind | None = None
) -> T:
    """Run one service call and commit (the request's ORM session, or `bind`). If a
    parallel request (a double tap) stored the same thing first, the unique constraint
    stops us: roll back and run it again (or `again`, which must not trust anything read
    before), when it finds and reuses what the other request stored."""
    bind = db.session if bind is None else bind
    try:
        result = action()
        bind.commit()
    except IntegrityError:
        bind.rollback()
        result = (again or action)()
        bind.commit()
    return result
