"""A theme's comments, and moving a comment to another theme (kept by `flask reanalyse`)."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import Text, cast, func, select

from feedback.alerts.withheld import is_withheld, shown
from feedback.analysis import THEMES
from feedback.analysis.overrides import NotSentYet, UnknownTheme, move_comment
from feedback.analysis.scores import in_scope
from feedback.dashboard import bp
from feedback.dashboard.forms import MoveForm
from feedback.dashboard.views import filters
from feedback.extensions import db
from feedback.reports.quotes import staff_names
from feedback.reports.redact import redact
from feedback.staff.roles import role_required
from feedback.surveys.kinds import WORD_KINDS
from feedback.surveys.models import Answer, Question, Response

PAGE_SIZE = 30
KEPT = ("period", "start", "end", "audience", "survey")  # filters a move keeps


def _theme(number: int) -> str | None:
    """Theme number n (from 1); 0 is "no theme yet"."""
    if number == 0:
        return None
    if not 1 <= number <= len(THEMES):
        abort(404)
    return THEMES[number - 1].name


def _comments_in(theme: str | None, page: int, form):
    """Comments from sent responses in this theme and the chosen period, audience and
    survey, newest first, except withheld ones (they belong to the safeguarding lead's
    queue until the alert is closed as no concern)."""
    text = cast(Answer.themes, Text)
    stmt = (
        select(Answer, Response.respondent_name)
        .join(Response, Answer.response_id == Response.id)
        .join(Question, Answer.question_id == Question.id)
        .where(
            Question.kind.in_(WORD_KINDS),
            Answer.sentiment.is_not(None),
            shown(),
        )
    )
    period = form.chosen_period(date.today())
    stmt = in_scope(stmt, period.bounds(), form.surveys(), form.audiences())
    if theme is None:
        stmt = stmt.where((Answer.themes.is_(None)) | (func.coalesce(text, "[]") == "[]"))
    else:
        stmt = stmt.where(text.contains(f'"{theme}"', autoescape=True))
    stmt = stmt.order_by(Answer.answered_at.desc(), Answer.id.desc())
    return db.session.execute(stmt.limit(PAGE_SIZE + 1).offset(page * PAGE_SIZE)).all()


def _theme_page(number: int, problem: str = "", status: int = 200):
    name = _theme(number)
    page = max(0, request.args.get("page", 0, type=int))
    _, valid, chosen = filters()
    rows = _comments_in(name, page, chosen)
    staff = staff_names(db.session)
    comments = [
        (answer, redact(answer.value or "", names=[*staff, who or ""]))
        for answer, who in rows[:PAGE_SIZE]
    ]
    form = MoveForm(formdata=None, themes=[t.name for t in THEMES], from_theme=name or "")
    return render_template(
        "dashboard/theme.html",
        number=number,
        name=name,
        comments=comments,
        form=form,
        page=page,
        more=len(rows) > PAGE_SIZE,
        problem=problem,
        period=chosen.chosen_period(date.today()),
        links=chosen.links(),
    ), status


@bp.get("/themes/<int:number>")
@role_required("lead")
def theme(number: int):
    """A theme's comments (redacted), each with a way to move it to another theme."""
    return _theme_page(number)


@bp.post("/comments/<int:answer_id>/theme")
@role_required("lead")
def move(answer_id: int):
    """Move one comment out of a theme into another; the choice is kept over re-analysis."""
    answer = db.session.get(Answer, answer_id)
    if answer is None or answer.sentiment is None or is_withheld(db.session, answer):
        abort(404)
    form = MoveForm(themes=[t.name for t in THEMES])
    back = request.form.get("back", type=int, default=0)
    back = back if 0 <= back <= len(THEMES) else 0
    if not form.validate():
        return _theme_page(back, "Choose one of the themes in the list.", 422)
    try:
        themes = move_comment(
            db.session,
            answer,
            form.from_theme.data or None,
            form.to_theme.data or None,
            current_user.id,
        )
    except UnknownTheme as error:
        return _theme_page(back, str(error), 422)
    except NotSentYet:  # not listed on any theme page: as if it were not there
        abort(404)
    db.session.commit()
    flash(f"Moved the comment. Its themes now: {', '.join(themes) or 'no theme'}.")
    kept = {k: v for k, v in request.form.items() if k.startswith("keep_") and v}
    kept = {k.removeprefix("keep_"): v for k, v in kept.items() if k[5:] in KEPT}
    return redirect(url_for("dashboard.theme", number=back, **kept), 303)
