"""Agreement templates, for participation leads and admins."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from feedback.agreements import bp, template_services
from feedback.agreements.models import AgreementError, AgreementTemplate
from feedback.agreements.template_forms import TemplateForm, template_form
from feedback.extensions import db
from feedback.staff.audit import record
from feedback.staff.roles import role_required


@bp.get("/staff/agreements/templates/")
@role_required("lead")
def templates():
    """List the agreement templates."""
    rows = db.session.scalars(select(AgreementTemplate).order_by(AgreementTemplate.name)).all()
    return render_template("agreements/templates.html", templates=rows, form=FlaskForm())


@bp.post("/staff/agreements/templates/standard")
@role_required("lead")
def install_standard():
    """Add the shipped Working Together Agreement template."""
    form = FlaskForm()
    if form.validate_on_submit():
        made = template_services.install_default_template(db.session)
        if made:
            record(
                db.session,
                "agreement_template_added",
                actor_id=current_user.id,
                target_type="agreement_template",
                target_id=made.id,
            )
            flash("The standard Working Together Agreement template has been added.")
        db.session.commit()
    return redirect(url_for("agreements.templates"))


@bp.route("/staff/agreements/templates/<int:template_id>", methods=["GET", "POST"])
@role_required("lead")
def edit_template(template_id: int):
    """Change a template's sections, words for children and adults, and promises."""
    template = db.session.get(AgreementTemplate, template_id)
    if template is None:
        abort(404)
    form: TemplateForm = template_form(template)
    if form.validate_on_submit():
        try:
            template_services.update_template(
                db.session,
                template,
                name=form.name.data,
                description=form.description.data or "",
                sections=[e.form.data for e in form.sections],
                promises=[e.form.data for e in form.promises],
                actor=current_user,
            )
        except AgreementError as error:
            db.session.rollback()
            form.name.errors.append(str(error))
        else:
            record(
                db.session,
                "agreement_template_changed",
                actor_id=current_user.id,
                target_type="agreement_template",
                target_id=template.id,
                detail=f"version {template.version}",
            )
            db.session.commit()
            flash(f"Saved. New agreements will use version {template.version} of this template.")
            return redirect(url_for("agreements.edit_template", template_id=template.id))
    status = 422 if form.errors else 200
    return render_template("agreements/template_edit.html", template=template, form=form), status
