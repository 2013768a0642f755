"""Leads' screens for actions ("we did") and for choosing which comments may be quoted."""

from __future__ import annotations

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from feedback.analysis import THEMES
from feedback.audiences.services import level_for
from feedback.db import utcnow
from feedback.extensions import db
from feedback.principles import PRINCIPLES
from feedback.reports import bp, services
from feedback.reports.forms import ActionForm
from feedback.reports.models import Action
from feedback.reports.publishing import advise
from feedback.reports.quotes import quotable
from feedback.staff.audit import record
from feedback.staff.roles import role_required
from feedback.surveys.models import Answer

PAGE_SIZE = 40


def _themes(current: str = "") -> list[str]:
    names = [t.name for t in sorted(THEMES, key=lambda t: (t.principle, t.name))]
    return names + ([current] if current and current not in names else [])


def _advice(action: Action | None) -> dict[str, list]:
    """The language checker's findings on the words families will read, for its audience."""
    if action is None:
        return {}
    return advise(
        action.you_told_us, action.we_did, level_for(db.session, action.audience)
    ).findings


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
        try:
            saved = services.save_action(
                db.session,
                found,
                today=date.today(),
                actor_id=current_user.id,
                **form.fields_for_service(),
            )
        except services.NotForFamilies as refused:
            db.session.rollback()
            form.publish.errors = [str(refused)]
            return render_template(
                "reports/action_form.html",
                form=form,
                action=found,
                advice=refused.advice.findings,
            ), 422
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


def _quotes_page(problem: str = "", status: int = 200):
    principle = request.args.get("principle", type=int)
    page = max(1, request.args.get("page", 1, type=int))
    start = utcnow() - timedelta(days=365)
    rows = quotable(
        db.session,
        bounds=(start, utcnow() + timedelta(days=1)),
        principle=principle,
        include_withheld=True,
        limit=PAGE_SIZE + 1,
        offset=(page - 1) * PAGE_SIZE,
    )
    return render_template(
        "reports/quotes.html",
        rows=rows[:PAGE_SIZE],
        more=len(rows) > PAGE_SIZE,
        page=page,
        principle=principle,
        problem=problem,
    ), status


@bp.get("/quotes")
@role_required("lead")
def quotes():
    """Comments their writers let us quote, redacted as shown, to leave out or use again."""
    return _quotes_page()


@bp.post("/quotes/<int:answer_id>")
@role_required("lead")
def mark_quote(answer_id: int):
    """Leave a comment out of quotes, or use it again."""
    answer = db.session.get(Answer, answer_id) or abort(404)
    withheld = request.form.get("withhold") == "yes"
    try:
        services.withhold_quote(db.session, answer, withheld, current_user.id)
    except services.CannotQuote as error:
        return _quotes_page(str(error), 409)
    record(
        db.session,
        "quote_withheld" if withheld else "quote_allowed",
        actor_id=current_user.id,
        target_type="answer",
        target_id=answer.id,
    )
    db.session.commit()
    flash("Left out of quotes." if withheld else "May be quoted again.")
    back = request.form.get("back", "")
    return redirect(back if back.startswith("/staff/reports/quotes") else url_for("reports.quotes"))
