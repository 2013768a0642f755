"""Staff pages: the list and reviews, preparing, editing, reading and PDFs."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from feedback.agreements import access, advice, bp, content, links, services
from feedback.agreements.family_copy import build_copy
from feedback.agreements.forms import PrepareForm, agreement_form
from feedback.agreements.models import Agreement, AgreementError, AgreementTemplate
from feedback.agreements.pdf import render_pdf
from feedback.agreements.record import check_record
from feedback.db import utcnow
from feedback.extensions import db
from feedback.staff.audit import record
from feedback.staff.roles import STAFF_ROLES, role_required

PREPARERS = ("practitioner", "lead", "team_manager")


def load_visible(reference: str) -> Agreement:
    """The agreement, if this member of staff may see it; otherwise 404 (never 403)."""
    agreement = services.find_agreement(db.session, reference)
    if agreement is None or not access.can_see(current_user, agreement):
        abort(404)
    return agreement


def audit(action: str, agreement: Agreement, detail: str = "") -> None:
    record(
        db.session,
        action,
        actor_id=current_user.id,
        target_type="agreement",
        target_id=agreement.id,
        detail=detail,
    )


def pdf_response(agreement: Agreement, number: int):
    version = agreement.version(number)
    if version is None:
        abort(404)
    body = render_pdf(build_copy(version))
    name = f"{agreement.reference}-v{number}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return current_app.response_class(body, mimetype="application/pdf", headers=headers)


@bp.get("/staff/agreements/")
@role_required(*PREPARERS)
def index():
    """List the agreements this member of staff may see, reviews due first."""
    overdue, soon = access.due_for_review(db.session, current_user, date.today())
    rows = db.session.scalars(
        access.visible(current_user).order_by(Agreement.created_at.desc()).limit(200)
    ).all()
    return render_template(
        "agreements/index.html", agreements=rows, overdue=overdue, soon=soon, today=date.today()
    )


@bp.route("/staff/agreements/new", methods=["GET", "POST"])
@role_required(*PREPARERS)
def prepare():
    """Start an agreement for a family from a template."""
    form = PrepareForm()
    templates = db.session.scalars(
        select(AgreementTemplate).where(AgreementTemplate.active).order_by(AgreementTemplate.name)
    ).all()
    form.template.choices = [SelectChoice(t.id, t.name) for t in templates]
    if not templates:
        flash("There is no agreement template yet. Ask a participation lead to add one.")
    if form.validate_on_submit():
        template = db.session.get(AgreementTemplate, form.template.data)
        people = [{"name": e.form.name.data or "", "role": e.form.role.data} for e in form.people]
        try:
            agreement = services.create_agreement(
                db.session,
                template=template,
                audience=form.audience.data,
                family_reference=form.family_reference.data,
                people=people,
                worker=current_user,
            )
        except AgreementError as error:
            form.family_reference.errors.append(str(error))
        else:
            audit("agreement_created", agreement)
            db.session.commit()
            return redirect(url_for("agreements.edit", reference=agreement.reference))
    status = 422 if form.errors else 200
    return render_template("agreements/prepare.html", form=form), status


@bp.route("/staff/agreements/<reference>/edit", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def edit(reference: str):
    """Fill in or change the words; a signed agreement gets a new version to sign."""
    agreement = load_visible(reference)
    current = agreement.current
    sections = current.fields["sections"]
    if request.method == "GET":
        form = agreement_form(sections, current.fields, current.people)
    else:
        form = agreement_form(sections)
    if form.validate_on_submit():
        fields = form.to_fields(sections)
        version = services.save_fields(
            db.session, agreement, fields, current_user, people=form.people_data()
        )
        if version is current and not current.is_editable:
            flash(f"Nothing was changed, so version {current.number} stays as it is.")
            return redirect(url_for("agreements.edit", reference=agreement.reference))
        audit("agreement_edited", agreement, detail=f"version {version.number}")
        db.session.commit()
        if version.number != current.number:
            flash(f"Saved as version {version.number}. Everyone needs to sign it again.")
        else:
            flash("Saved.")
        return redirect(url_for("agreements.edit", reference=agreement.reference))
    audit("agreement_viewed", agreement, detail="edit")
    db.session.commit()
    found = advice.advise(current.fields, agreement.audience)
    status = 422 if form.errors else 200
    return render_template(
        "agreements/edit.html", agreement=agreement, form=form, sections=sections, advice=found
    ), status


@bp.get("/staff/agreements/<reference>")
@role_required(*STAFF_ROLES)
def detail(reference: str):
    """One agreement: its versions, who has signed, copies, links and the record check."""
    agreement = load_visible(reference)
    audit("agreement_viewed", agreement)
    db.session.commit()
    check = check_record(db.session, agreement.reference)
    current, now = agreement.current, utcnow()
    gaps = [] if current.status == "signed" else content.missing(current.fields, agreement.audience)
    made = [(link, links.is_live(link, now)) for link in links.links_for(db.session, agreement)]
    return render_template(
        "agreements/detail.html",
        agreement=agreement,
        check=check,
        missing=gaps,
        family_links=made[:5],
        can_hand_over=access.can_hand_over(current_user, agreement),
    )


@bp.get("/staff/agreements/<reference>/v/<int:number>")
@role_required(*STAFF_ROLES)
def version(reference: str, number: int):
    """Read one version exactly as it was shown and signed."""
    agreement = load_visible(reference)
    found = agreement.version(number)
    if found is None:
        abort(404)
    audit("agreement_viewed", agreement, detail=f"version {number}")
    db.session.commit()
    return render_template("agreements/version.html", agreement=agreement, copy=build_copy(found))


@bp.get("/staff/agreements/<reference>/v/<int:number>/agreement.pdf")
@role_required(*STAFF_ROLES)
def pdf(reference: str, number: int):
    """Download one version as a PDF to print or give to the family."""
    agreement = load_visible(reference)
    response = pdf_response(agreement, number)
    audit("agreement_pdf_downloaded", agreement, detail=f"version {number}")
    db.session.commit()
    return response
