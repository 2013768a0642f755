"""Staff pages for people's rights: see, export (JSON, PDF), correct and erase.

Names travel in POST bodies, never in URLs, so they stay out of logs and history.
Every search, export, correction and erasure is audited, without the name; each record
erased gets its own audit row naming it by reference. A search shows only what the
signed-in member of staff may open on the pages of each kind of record (rights.py).
"""

from __future__ import annotations

import json

from flask import Response, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from feedback.db import utcnow
from feedback.extensions import db
from feedback.privacy import bp, rights
from feedback.privacy.forms import CorrectAnswerForm, CorrectNameForm, EraseForm, PersonForm
from feedback.privacy.pdf import render_pdf
from feedback.staff.audit import log
from feedback.staff.roles import role_required

RIGHTS_ROLES = ("lead",)  # and admins, who may use every staff route


def _holdings(form: PersonForm) -> rights.Holdings:
    name, reference = form.name.data or "", form.reference.data or ""
    return rights.find_holdings(db.session, name, reference, current_user)


def _counts(holdings: rights.Holdings) -> str:
    return ", ".join(f"{k} {len(v)}" for k, v in holdings.records.items())


def _results(holdings: rights.Holdings, status: int = 200, **forms):
    return render_template(
        "privacy/people.html",
        form=forms.pop("form", None) or PersonForm(),
        holdings=holdings,
        data=rights.export(holdings),
        holders=rights.HOLDERS,
        **forms,
    ), status


@bp.route("/staff/privacy/people", methods=["GET", "POST"])
@role_required(*RIGHTS_ROLES)
def people():
    """Find everything held about a named person or a family reference."""
    form = PersonForm()
    if not form.validate_on_submit():
        status = 422 if form.errors else 200
        return render_template("privacy/people.html", form=form, holdings=None), status
    holdings = _holdings(form)
    log("viewed", "person", "", f"rights search: {_counts(holdings)}")
    db.session.commit()
    return _results(holdings, form=form)


def _export_or_back(form: PersonForm):
    if form.validate_on_submit():
        return _holdings(form)
    flash("Search again, then choose the export.")
    return None


@bp.post("/staff/privacy/people/export.json")
@role_required(*RIGHTS_ROLES)
def export_json():
    """Download everything held about this person as JSON."""
    holdings = _export_or_back(PersonForm())
    if holdings is None:
        return redirect(url_for("privacy.people"))
    log("exported", "person", "", f"json: {_counts(holdings)}")
    db.session.commit()
    body = json.dumps(rights.export(holdings), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="information-we-hold.json"'},
    )


@bp.post("/staff/privacy/people/export.pdf")
@role_required(*RIGHTS_ROLES)
def export_pdf():
    """Download everything held about this person as a PDF."""
    holdings = _export_or_back(PersonForm())
    if holdings is None:
        return redirect(url_for("privacy.people"))
    made_at = utcnow().strftime("%d %B %Y %H:%M")
    pdf = render_pdf(rights.export(holdings), current_app.config["SERVICE_NAME"], made_at)
    log("pdf", "person", "", f"subject access: {_counts(holdings)}")
    db.session.commit()
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="information-we-hold.pdf"'},
    )


@bp.post("/staff/privacy/people/correct")
@role_required(*RIGHTS_ROLES)
def correct_name():
    """Put right the name on every record found."""
    form = CorrectNameForm()
    if not form.validate_on_submit():
        return _results(_holdings(form), 422, name_form=form)
    holdings = _holdings(form)
    changed = rights.correct_name(holdings, form.new_name.data.strip())
    log("corrected", "person", "", f"name on {changed} record(s)")
    db.session.commit()
    flash(f"The name was corrected on {changed} record(s).")
    form.name.data = form.new_name.data
    return _results(_holdings(form), form=form)


@bp.post("/staff/privacy/people/answer")
@role_required(*RIGHTS_ROLES)
def correct_answer():
    """Put right the words of one written answer."""
    form = CorrectAnswerForm()
    holdings = _holdings(form)
    if not form.validate_on_submit():
        return _results(holdings, 422, answer_form=form)
    try:
        answer = rights.correct_answer(db.session, holdings, form.answer_id.data, form.text.data)
    except LookupError:
        db.session.rollback()
        return _results(holdings, 404, answer_error="That answer is not one of theirs.")
    log("corrected", "answer", answer.id, "written answer")
    db.session.commit()
    flash("The answer was corrected.")
    return _results(_holdings(form), form=form)


@bp.post("/staff/privacy/people/erase")
@role_required(*RIGHTS_ROLES)
def erase():
    """Erase what the law allows us to erase about this person."""
    form = EraseForm()
    holdings = _holdings(form)
    if not form.validate_on_submit():
        return _results(holdings, 422, erase_form=form)
    counts = rights.erase(db.session, holdings)
    kept = ", ".join(f"{n} {k}" for k, n in holdings.kept.items())
    for table, reference in holdings.erased:
        log("erased", table, reference, "rights request")
    db.session.commit()
    flash("Erased: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + ".")
    if kept:
        flash(f"Kept because the law requires it, or a record we must keep needs it: {kept}.")
    return _results(_holdings(form), form=form)
