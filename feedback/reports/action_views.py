"""Leads' screens for actions ("we did") and for choosing which comments may be quoted."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from feedback.analysis import THEMES
from feedback.db import utcnow
from feedback.extensions import db
from feedback.language import check_language
from feedback.principles import PRINCIPLES
from feedback.reports import bp, services
from feedback.reports.forms import ActionForm
from feedback.reports.models import Action
from feedback.reports.queries import staff_names
from feedback.reports.redact import redact
from feedback.staff.audit import record
from feedback.staff.roles import role_required
from feedback.surveys.models import Answer, Question, Response

PAGE_SIZE = 40
ADVICE_AUDIENCE = "8-12"  # "we did" text is read by children in the family edition


def _themes(current: str = "") -> list[str]:
    names = [t.name for t in sorted(THEMES, key=lambda t: (t.principle, t.name))]
    return names + ([current] if current and current not in names else [])


def _advice(action: Action | None) -> dict[str, list]:
    """The language checker's findings on the words children will read: advice only."""
    if action is None:
        return {}
    return {
        "you_told_us": check_language(action.you_told_us, audience=ADVICE_AUDIENCE),
        "we_did": check_language(action.we_did, audience=ADVICE_AUDIENCE),
    }


@bp.get("/actions")
@role_required("lead")
def actions():
    """Every action, by principle, with its status."""
    rows = db.session.scalars(select(Action).order_by(Action.principle, Action.id)).all()
    by_principle = {p.number: [a for a in rows if a.principle == p.number] for p in PRINCIPLES}
    return render_template("reports/actions.html", by_principle=by_principle)


@bp.route("/actions/new", methods=["GET", "POST"])
@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@role_required("lead")
def action(action_id: int | None = None):
    """Record a new action, or change one (the language checker advises on the words)."""
    found = db.session.get(Action, action_id) if action_id else None
    if action_id and found is None:
        abort(404)
    form = ActionForm(obj=found, themes=_themes(found.theme if found else ""))
    if request.method == "GET" and found is None:
        principle = request.args.get("principle", type=int)
        if principle in {p.number for p in PRINCIPLES}:
            form.principle.data = principle
            form.theme.data = request.args.get("theme", "")
            form.you_told_us.data = services.suggest_you_told_us(
                db.session, principle, form.theme.data or ""
            )
    elif "suggest" in request.form:
        # Fill "you told us" for the chosen principle and theme; keep the rest; save nothing.
        form.you_told_us.data = services.suggest_you_told_us(
            db.session, form.principle.data, form.theme.data or ""
        )
        return render_template("reports/action_form.html", form=form, action=found, advice={})
    if form.validate_on_submit():
        saved = services.save_action(
            db.session,
            found,
            today=date.today(),
            actor_id=current_user.id,
            **form.fields_for_service(),
        )
        record(
            db.session,
            "action_saved" if found else "action_created",
            actor_id=current_user.id,
            target_type="action",
            target_id=saved.id,
        )
        db.session.commit()
        flash("Action saved.")
        return redirect(url_for("reports.action", action_id=saved.id))
    status = 422 if form.errors else 200
    return render_template(
        "reports/action_form.html", form=form, action=found, advice=_advice(found)
    ), status


def _comments(principle: int | None, start: datetime, page: int):
    stmt = (
        select(Answer, Question.principle, Response.audience, Response.respondent_name)
        .join(Question, Answer.question_id == Question.id)
        .join(Response, Answer.response_id == Response.id)
        .where(
            Question.kind == "text",
            Answer.value.is_not(None),
            Answer.flagged.is_(False),
            Response.status == "submitted",
            Response.submitted_at >= start,
        )
        .order_by(Response.submitted_at.desc(), Answer.id.desc())
    )
    if principle:
        stmt = stmt.where(Question.principle == principle)
    return db.session.execute(stmt.limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)).all()


def _quotes_page(problem: str = "", status: int = 200):
    principle = request.args.get("principle", type=int)
    page = max(1, request.args.get("page", 1, type=int))
    start = utcnow() - timedelta(days=365)
    rows = _comments(principle, start, page)
    flagged = db.session.scalar(
        select(func.count(Answer.id))
        .join(Question, Answer.question_id == Question.id)
        .where(Question.kind == "text", Answer.flagged.is_(True))
    )
    staff = staff_names(db.session)
    previews = {
        answer.id: redact(answer.value, names=[*staff, name or ""])
        for answer, _p, _a, name in rows[:PAGE_SIZE]
    }
    return render_template(
        "reports/quotes.html",
        rows=rows[:PAGE_SIZE],
        more=len(rows) > PAGE_SIZE,
        page=page,
        principle=principle,
        flagged=flagged,
        previews=previews,
        problem=problem,
    ), status


@bp.get("/quotes")
@role_required("lead")
def quotes():
    """Recent written comments, redacted as a report would show them, to mark OK to quote."""
    return _quotes_page()


@bp.post("/quotes/<int:answer_id>")
@role_required("lead")
def mark_quote(answer_id: int):
    """Mark a comment as OK to quote, or take that back."""
    answer = db.session.get(Answer, answer_id) or abort(404)
    allowed = request.form.get("ok_to_quote") == "yes"
    try:
        services.set_ok_to_quote(db.session, answer, allowed)
    except services.CannotQuote as error:
        return _quotes_page(str(error), 409)
    record(
        db.session,
        "quote_allowed" if allowed else "quote_withdrawn",
        actor_id=current_user.id,
        target_type="answer",
        target_id=answer.id,
    )
    db.session.commit()
    flash("Marked OK to quote." if allowed else "No longer quoted.")
    back = request.form.get("back", "")
    return redirect(back if back.startswith("/staff/reports/quotes") else url_for("reports.quotes"))
