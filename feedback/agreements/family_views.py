"""Pages with no sign-in: the family's copy by link, and checking a copy against the record.

The link's token arrives in the query string (GET, which changes nothing) and then in
the POST body; after that this browser's session holds the link's id, so no later
address carries the token.
"""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_wtf import FlaskForm
from wtforms import HiddenField

from feedback.agreements import bp, links
from feedback.agreements.family_copy import build_copy
from feedback.agreements.forms import CheckForm
from feedback.agreements.pdf import render_pdf
from feedback.agreements.record import check_record
from feedback.extensions import db
from feedback.limits import rules
from feedback.limits.public import by_address
from feedback.staff.audit import record

SESSION_KEY = "family_link"  # the id of the link this browser opened


class OpenLinkForm(FlaskForm):
    t = HiddenField()


def _expired():
    db.session.rollback()
    return render_template("agreements/link_expired.html"), 410


@bp.get("/copy")
@by_address(rules.FAMILY_LINK)
def family_link_page():
    """What a link opens: one button. Nothing changes, so a link preview uses nothing up."""
    form = OpenLinkForm(request.args, meta={"csrf": False})
    try:
        links.find_family_link(db.session, form.t.data or "")
    except links.LinkExpired:
        return _expired()
    except links.LinkNotFound:
        abort(404)
    return render_template("agreements/link_open.html", form=OpenLinkForm(t=form.t.data))


@bp.post("/copy")
@by_address(rules.FAMILY_LINK)
def family_open():
    """A person pressed "Open my agreement": start the download window, then show it."""
    form = OpenLinkForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        link = links.open_family_link(db.session, form.t.data or "")
    except links.LinkExpired:
        return _expired()
    except links.LinkNotFound:
        abort(404)
    session[SESSION_KEY] = link.id
    _audit("agreement_family_opened", link)
    db.session.commit()
    return redirect(url_for("agreements.family_copy"), 303)


def _opened():
    """The link this browser opened, or a 404 / a clear 410 page."""
    try:
        return links.opened_link(db.session, session.get(SESSION_KEY)), None
    except links.LinkExpired:
        return None, _expired()
    except links.LinkNotFound:
        abort(404)


def _audit(action: str, link) -> None:
    version = link.version
    record(
        db.session,
        action,
        target_type="agreement",
        target_id=version.agreement_id,
        detail=f"version {version.number} link {link.id}",
    )


@bp.get("/copy/agreement")
@by_address(rules.FAMILY_LINK)
def family_copy():
    """The family's own copy of their signed agreement, as an accessible web page."""
    link, expired = _opened()
    if expired:
        return expired
    _audit("agreement_family_viewed", link)
    db.session.commit()
    return render_template("agreements/family_copy.html", copy=build_copy(link.version))


@bp.get("/copy/agreement.pdf")
@by_address(rules.FAMILY_LINK)
def family_pdf():
    """The family's copy as a PDF to keep or print."""
    link, expired = _opened()
    if expired:
        return expired
    version = link.version
    body = render_pdf(build_copy(version))
    _audit("agreement_family_downloaded", link)
    db.session.commit()
    name = f"{version.agreement.reference}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return current_app.response_class(body, mimetype="application/pdf", headers=headers)


@bp.get("/agreements/check")
@by_address(rules.AGREEMENT_CHECK)
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
