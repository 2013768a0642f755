"""One question per screen, then Send, then Thank you. Every answer is saved as it is
given, filed under the question the screen showed; a lost session or CSRF token
re-shows the screen with the answer still there."""

from __future__ import annotations

from flask import abort, redirect, request, session, url_for

from feedback.alerts import models as alerts_services
from feedback.extensions import csrf, db
from feedback.limits.public import public_write
from feedback.surveys import bp, branching, device, services
from feedback.surveys.forms import FinishForm, TalkForm, answer_form
from feedback.surveys.models import Question, Survey, SurveyClosed
from feedback.surveys.pages import (
    closed,
    commit_or_retry,
    posted_response,
    remembered_response,
    render,
    screen_url,
    start_url,
    survey_or_404,
)


def _question(survey: Survey, n: int) -> Question:
    if not 1 <= n <= len(survey.questions):
        abort(404)
    return survey.questions[n - 1]


def _screens(survey: Survey, response) -> list[int]:
    """The screen numbers this person is asked (or may yet be), in order: the path their
    answers so far take through the survey (`feedback.surveys.branching`)."""
    asked = {q.id for q in branching.path(survey, response)}
    return [n for n, q in enumerate(survey.questions, start=1) if q.id in asked]


def _next_screen(survey: Survey, response, n: int) -> int:
    """The first screen after n on their path (one past the last: the Send screen)."""
    return next((s for s in _screens(survey, response) if s > n), len(survey.questions) + 1)


def _back_url(survey: Survey, screens: list[int], n: int) -> str:
    """Back follows the path they took: the screen before n on it, else the start."""
    before = [s for s in screens if s < n]
    return screen_url(survey, before[-1]) if before else url_for("surveys.start", slug=survey.slug)


def question_screen(survey: Survey, n: int, form, response, status: int = 200, screens=None):
    """Render question n with this form (its answer, errors and tokens), numbered along
    their path ("question 3 of 7", counting questions they may yet be asked). `screens`:
    that path, if the caller has just worked it out for this request."""
    screens = _screens(survey, response) if screens is None else screens
    return render(
        "surveys/question.html",
        survey,
        status,
        question=survey.questions[n - 1],
        form=form,
        n=n,
        step=screens.index(n) + 1 if n in screens else len([s for s in screens if s < n]) + 1,
        total=max(len(screens), 1),
        back_url=_back_url(survey, screens, n),
        help_first=session.get("help_first", False),
    )


@bp.get("/s/<slug>/<int:n>")
def question(slug: str, n: int):
    """Show question n with the answer already given, if any (so Back keeps answers)."""
    survey = survey_or_404(slug)
    if not survey.is_open():
        return closed(survey)
    question = _question(survey, n)
    response = remembered_response(survey)
    if response is None:
        return redirect(start_url(survey))
    screens = _screens(survey, response)
    if n not in screens:  # their answers do not lead here
        return redirect(screen_url(survey, _next_screen(survey, response, n)))
    form = answer_form(question, answer=services.saved_answer(response, question.id))
    form.submission_id.data = response.submission_id
    return question_screen(survey, n, form, response, screens=screens)


def _after(survey: Survey, question: Question, response) -> int:
    """The screen after this question on their path (answers so far, this one included),
    or (if the survey changed since the screen was shown) the first one still to answer."""
    if question in survey.questions:
        return _next_screen(survey, response, survey.questions.index(question) + 1)
    return services.next_position(response, survey.questions)


@bp.post("/s/<slug>/<int:n>")
@public_write("answer")
@csrf.exempt  # checked by the form, so an expired token re-shows the answer, not an error
def answer(slug: str, n: int):
    """Save the answer to the question the screen showed (or that it was skipped) and move on."""
    survey = survey_or_404(slug)
    if not survey.is_open():
        return closed(survey)
    response = posted_response(survey, request.form.get("submission_id"))
    if response is None:
        return redirect(start_url(survey), 303)
    if response.status != "in_progress":
        return redirect(url_for("surveys.thanks", slug=slug), 303)
    question = survey.question_by_id(request.form.get("question_id"))
    if question is None:  # the survey changed under them: show what is there now
        return redirect(screen_url(survey, n), 303)
    form = answer_form(question, request.form)
    submission_id = form.submission_id.data = response.submission_id
    if not form.validate():
        return question_screen(survey, n, form, response, 400 if form.csrf_failed else 422)
    if form.saving and form.blank:  # "Save and come back later" with nothing given here:
        device.remember(slug, submission_id, keep=True)  # this question waits for them
        return redirect(url_for("surveys.saved", slug=slug), 303)

    def store() -> tuple[bool, str]:
        answer = services.record_answer(db.session, response, question, **form.value())
        # The next screen depends on this answer; worked out before the commit, which
        # expires everything read so far.
        after = screen_url(survey, _after(survey, question, response))
        return services.is_worrying(question, answer), after

    try:
        worrying, next_screen = commit_or_retry(store)
    except SurveyClosed:  # sent in a parallel request a moment ago
        db.session.rollback()
        return redirect(url_for("surveys.thanks", slug=slug), 303)
    except services.InvalidAnswer:  # the form checks the same things: a safety net
        db.session.rollback()
        form.answer.errors = ["error_unknown"]
        return question_screen(survey, n, form, response, 422)
    if worrying:  # help goes first on every screen from now on, and they are asked
        session["help_first"] = True  # if they want someone to talk to them
    device.remember(slug, submission_id, keep=form.saving)
    if form.saving:  # "Save and come back later": kept what was on screen
        next_screen = url_for("surveys.saved", slug=slug)
    return redirect(next_screen, 303)


def _finish_screen(survey: Survey, form: FinishForm, response, status: int = 200):
    screens = _screens(survey, response)
    back = screen_url(survey, screens[-1] if screens else 1)
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
    return _finish_screen(survey, form, response)


@bp.post("/s/<slug>/send")
@public_write("answer")
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
            return _finish_screen(survey, form, response, 400 if form.csrf_failed else 422)
        commit_or_retry(lambda: services.submit_response(db.session, response, form.name.data))
    if session.pop("help_first", False):
        session["talk_to"] = response.submission_id  # for "someone to talk to you" only
    device.forget()
    return redirect(url_for("surveys.thanks", slug=slug), 303)


def _talk_response(survey: Survey):
    """The response just sent whose answers worried us, if this browser sent it."""
    response = services.find_response(db.session, session.get("talk_to"))
    return response if response is not None and response.survey_id == survey.id else None


@bp.get("/s/<slug>/thanks")
def thanks(slug: str):
    """Thank them, say what happens next, and always show where to get help (first, and
    with an offer of someone to talk to, when their answers worried us)."""
    survey = survey_or_404(slug)
    worried = _talk_response(survey) is not None
    return render(
        "surveys/thanks.html",
        survey,
        help_first=worried,
        talk_form=TalkForm(formdata=None) if worried else None,
    )


@bp.post("/s/<slug>/talk")
@public_write("answer")
@csrf.exempt  # checked by the form, so a lost session re-shows the page, not an error
def talk(slug: str):
    """Pass a name or a way to reach them to the safeguarding lead, and no one else."""
    survey = survey_or_404(slug)
    response = _talk_response(survey)
    if response is None:
        return redirect(url_for("surveys.thanks", slug=slug), 303)
    form = TalkForm()
    if not form.validate():
        return render("surveys/thanks.html", survey, 422, help_first=True, talk_form=form)
    if form.contact.data:
        alerts_services.add_contact(db.session, response, form.contact.data)
        db.session.commit()
    session.pop("talk_to", None)
    return render("surveys/thanks.html", survey, help_first=True, talked=bool(form.contact.data))
