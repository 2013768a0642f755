"""Pages with no sign-in: the family's copy by link, and checking a copy against the record."""

from __future__ import annotations

from flask import abort, current_app, render_template, request

from feedback.agreements import bp, links
from feedback.agreements.family_copy import build_copy
from feedback.agreements.forms import CheckForm
from feedback.agreements.pdf import render_pdf
from feedback.agreements.record import check_record
from feedback.extensions import db, limiter
from feedback.staff.audit import record


def _open(token: str):
    """The link's version, or a 404 / a clear 410 page."""
    try:
        link = links.open_family_link(db.session, token)
    except links.LinkExpired:
        db.session.rollback()
        return None, (render_template("agreements/link_expired.html"), 410)
    except links.LinkNotFound:
        abort(404)
    return link, None


@bp.get("/copy/<token>")
@limiter.limit("30 per minute")
def family_copy(token: str):
    """The family's own copy of their signed agreement, as an accessible web page."""
    link, expired = _open(token)
    if expired:
        return expired
    version = link.version
    record(
        db.session,
        "agreement_family_viewed",
        target_type="agreement",
        target_id=version.agreement_id,
        detail=f"version {version.number} link {link.id}",
    )
    db.session.commit()
    return render_template("agreements/family_copy.html", copy=build_copy(version), token=token)


@bp.get("/copy/<token>/agreement.pdf")
@limiter.limit("30 per minute")
def family_pdf(token: str):
    """The family's copy as a PDF to keep or print."""
    link, expired = _open(token)
    if expired:
        return expired
    version = link.version
    body = render_pdf(build_copy(version))
    record(
        db.session,
        "agreement_family_downloaded",
        target_type="agreement",
        target_id=version.agreement_id,
        detail=f"version {version.number} link {link.id}",
    )
    db.session.commit()
    name = f"{version.agreement.reference}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return current_app.response_class(body, mimetype="application/pdf", headers=headers)


@bp.get("/agreements/check")
@limiter.limit("20 per minute")
def check():
    """Say whether an agreement, or a printed copy, matches what was signed."""
    form = CheckForm(request.args)
    result = None
    if request.args and form.validate():
        result = check_record(db.session, form.reference.data, form.code.data or "")
        if result.agreement_id:
            record(
                db.session,
                "agreement_checked",
                target_type="agreement",
                target_id=result.agreement_id,
                detail=result.outcome,
            )
            db.session.commit()
    status = 422 if form.errors else 200
    return render_template("agreements/check.html", form=form, result=result), status
