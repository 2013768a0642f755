"""The comments to read, for participation leads (and administrators)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from feedback.alerts import SEES_ALERTS
from feedback.alerts.work import AlertStateError, raise_by_hand
from feedback.extensions import db
from feedback.reading import bp, services
from feedback.reading.forms import RaiseForm, ReadForm
from feedback.reports.quotes import staff_names
from feedback.reports.redact import redact
from feedback.staff import audit
from feedback.staff.roles import role_required
from feedback.surveys.drawing import png_bytes
from feedback.web import private_png


def _shown_words(rows) -> dict[int, str]:
    """The words as each reader may see them: names taken out unless their role may see
    who wrote what (the safeguarding lead's roles)."""
    if current_user.has_role(*SEES_ALERTS):
        return {row[0].id: row[0].value or "" for row in rows}
    staff = staff_names(db.session)
    return {
        row[0].id: redact(row[0].value, names=[*staff, row[1].respondent_name or ""])
        if row[0].value
        else ""
        for row in rows
    }


def _list_page(problem: str = "", status: int = 200, raise_form: RaiseForm | None = None):
    show_read = request.args.get("show") == "read"
    page = max(0, request.args.get("page", 0, type=int))
    finder = services.recently_read if show_read else services.to_read
    rows = finder(db.session, page)
    shown = rows[: services.PAGE_SIZE]
    audit.log(
        "comments_listed", "comments", "", f"{'read' if show_read else 'unread'}: {len(shown)}"
    )
    db.session.commit()
    return render_template(
        "reading/index.html",
        rows=shown,
        words=_shown_words(shown),
        drawings=services.with_drawings(db.session, [row[0].id for row in shown]),
        more=len(rows) > services.PAGE_SIZE,
        page=page,
        show_read=show_read,
        read_form=ReadForm(formdata=None),
        raise_form=raise_form or RaiseForm(formdata=None),
        failed_id=request.form.get("answer", type=int) if raise_form else None,
        problem=problem,
    ), status


@bp.get("/")
@role_required("lead")
def index():
    """Comments nobody has read yet, worrying ones first (or, with ?show=read, read ones)."""
    return _list_page()


@bp.get("/<int:answer_id>/drawing")
@role_required("lead")
def drawing(answer_id: int):
    """The picture a child drew in answer to a words question, for the person reading it."""
    found = services.drawing_of(db.session, answer_id)
    try:
        return private_png(png_bytes(found or ""))
    except ValueError:
        abort(404)


def _comment_or_404(answer_id: int):
    answer = services.comment_or_none(db.session, answer_id)
    if answer is None:
        abort(404)
    return answer


@bp.post("/<int:answer_id>/read")
@role_required("lead")
def mark_read(answer_id: int):
    """Mark one comment read by the signed-in person."""
    answer = _comment_or_404(answer_id)
    if not ReadForm().validate():
        return _list_page("The page had expired. Please try again.", 400)
    newly = services.mark_read(db.session, answer, current_user.id)
    audit.log("comment_read", "answer", answer.id, "" if newly else "already read")
    db.session.commit()
    flash("Marked read." if newly else "Someone had already marked that comment read.")
    return redirect(url_for("reading.index"), 303)


@bp.post("/<int:answer_id>/alert")
@role_required("lead")
def raise_alert(answer_id: int):
    """Raise a safeguarding alert about a comment, with the reader's reason; it is
    marked read too. The safeguarding leads are emailed as for any alert."""
    answer = _comment_or_404(answer_id)
    form = RaiseForm()
    if not form.validate():
        return _list_page("", 422, raise_form=form)
    try:
        alert = raise_by_hand(db.session, answer, current_user.id, form.reason.data)
    except AlertStateError as error:
        db.session.rollback()
        return _list_page(str(error), 409)
    services.mark_read(db.session, answer, current_user.id)
    audit.log("alert_raised", "safeguarding_alert", alert.id)
    db.session.commit()
    flash(f"Raised alert {alert.id}: it is with the safeguarding lead now.")
    return redirect(url_for("reading.index"), 303)
