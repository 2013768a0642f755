"""One question per screen, then Send, then Thank you. Every answer is saved as it is
given; a lost session or CSRF token re-shows the screen with the answer still there."""

from __future__ import annotations

from flask import abort, redirect, request, session, url_for

from feedback.alerts import email_after_this_response
from feedback.extensions import csrf, db
from feedback.surveys import bp, device, services
from feedback.surveys.forms import FinishForm, answer_form
from feedback.surveys.models import Question, Survey, SurveyClosed
from feedback.surveys.pages import (
    closed,
    commit_or_retry,
    posted_response,
    public_or_404,
    remembered_response,
    render,
    respondent_connection,
    screen_url,
    start_url,
    survey_or_404,
)
from feedback.surveys.screens import question_screen, stencil_page
from feedback.surveys.snapshot import survey_with_answer


def _question(survey: Survey, n: int) -> Question:
    if not 1 <= n <= len(survey.questions):
        abort(404)
    return survey.questions[n - 1]


@bp.get("/s/<slug>/<int:n>")
def question(slug: str, n: int):
    """Show question n with the answer already given, if any (so Back keeps answers)."""
    with respondent_connection() as connection:
        survey, found = survey_with_answer(connection, slug, n, device.remembered(slug))
    survey = public_or_404(survey)
    question = _question(survey, n)
    if not survey.is_open():
        return closed(survey)
    if found is None or found.status != "in_progress":  # only ever this survey's response
        return redirect(start_url(survey))
    saved = found if found.answer_id is not None else None
    page = stencil_page(survey, n, found.submission_id, saved)
    if page is not None:
        return page
    form = answer_form(question, answer=saved)
    form.submission_id.data = found.submission_id
    return question_screen(survey, n, form)


@bp.post("/s/<slug>/<int:n>")
@csrf.exempt  # checked by the form, so an expired token re-shows the answer, not an error
def answer(slug: str, n: int):
    """Save the answer to question n (or that it was skipped) and move on."""
    # The form's hidden submission id, else this device's: read here, before the form,
    # so the survey, the response and the stored answer come in one query.
    sid = device.valid_submission_id(request.form.get("submission_id"))
    with respondent_connection() as connection:
        survey, found = survey_with_answer(connection, slug, n, sid or device.remembered(slug))
        survey = public_or_404(survey)
        question = _question(survey, n)
        if not survey.is_open():
            return closed(survey)
        form = answer_form(question, request.form)
        if found is None:
            return redirect(start_url(survey), 303)
        if found.status != "in_progress":
            return redirect(url_for("surveys.thanks", slug=slug), 303)
        submission_id = form.submission_id.data = found.submission_id
        if not form.validate():
            return question_screen(survey, n, form, 400 if form.csrf_failed else 422)
        try:
            value = form.value()
            stored = commit_or_retry(
                lambda: services.store_answer(connection, found, question, **value),
                # After a clash with a double tap, look again for the answer it stored.
                again=lambda: services.store_answer(
                    connection,
                    services.answer_so_far(connection, submission_id, question.id),
                    question,
                    **value,
                ),
                bind=connection,
            )
        except SurveyClosed:  # sent in a parallel request a moment ago
            connection.rollback()
            return redirect(url_for("surveys.thanks", slug=slug), 303)
        except services.InvalidAnswer:  # the form checks the same things: a safety net
            connection.rollback()
            form.answer.errors = ["error_unknown"]
            return question_screen(survey, n, form, 422)
    if stored.new_alert:
        email_after_this_response()
    device.remember(slug, submission_id)
    return redirect(screen_url(survey, n + 1), 303)


def _finish_screen(survey: Survey, form: FinishForm, status: int = 200):
    back = screen_url(survey, len(survey.questions))
    return render("surveys/finish.html", survey, status, form=form, back_url=back)


@bp.get("/s/<slug>/send")
def finish(slug: str):
    """After the last question: send the answers (and a name, only if they want to)."""
    survey = survey_or_404(slug)
    if not survey.is_open():
        return closed(survey)
    response = remembered_response(survey)
    if response is None:
        return redirect(start_url(survey))
    form = FinishForm(formdata=None, submission_id=response.submission_id)
    return _finish_screen(survey, form)


@bp.post("/s/<slug>/send")
@csrf.exempt  # checked by the form, so a lost session re-shows the page, not an error
def send(slug: str):
    """Send the answers. Sending twice (double tap, retry, Back) keeps one response."""
    survey = survey_or_404(slug)
    form = FinishForm()
    response = posted_response(survey, form.submission_id.data)
    if response is None:
        return redirect(start_url(survey), 303)
    if response.status == "in_progress":
        form.submission_id.data = response.submission_id
        if not form.validate():
            return _finish_screen(survey, form, 400 if form.csrf_failed else 422)
        commit_or_retry(lambda: services.submit_response(db.session, response, form.name.data))
        if any(a.flagged for a in response.answers):
            session["help_first"] = True  # a comment may show harm: help goes at the top
    device.forget()
    return redirect(url_for("surveys.thanks", slug=slug), 303)


@bp.get("/s/<slug>/thanks")
def thanks(slug: str):
    """Thank them, say what happens next, and always show where to get help."""
    survey = survey_or_404(slug)
    return render("surveys/thanks.html", survey, help_first=session.pop("help_first", False))
