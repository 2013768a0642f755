"""Staff pages for family links: make one, show a live one again (to send it again)."""

from __future__ import annotations

import segno
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from feedback.agreements import bp, links
from feedback.agreements.views import audit, load_visible
from feedback.db import utcnow
from feedback.extensions import db
from feedback.staff.roles import STAFF_ROLES, role_required


def _key() -> bytes:
    return current_app.config["SECRET_KEY"].encode("utf-8")


def _show(agreement, link, token: str):
    """The link page: the address (query string, never a path) and a QR code."""
    url = url_for("agreements.family_link_page", t=token, _external=True)
    qr = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    return render_template("agreements/link.html", agreement=agreement, link=link, url=url, qr=qr)


@bp.post("/staff/agreements/<reference>/link")
@role_required(*STAFF_ROLES)
def family_link(reference: str):
    """Make a new link for the family; any earlier link to this agreement stops working."""
    agreement = load_visible(reference)
    signed = agreement.last_signed
    if signed is None:
        flash("The family can have a link once everyone has signed.")
        return redirect(url_for("agreements.detail", reference=agreement.reference)), 303
    config = current_app.config
    link, token = links.create_family_link(
        db.session,
        signed,
        current_user.id,
        _key(),
        days=config.get("AGREEMENT_LINK_DAYS", links.DEFAULT_DAYS),
        window_minutes=config.get("AGREEMENT_LINK_WINDOW_MINUTES", links.DEFAULT_WINDOW_MINUTES),
    )
    audit("agreement_link_created", agreement, detail=f"version {signed.number} link {link.id}")
    db.session.commit()
    return _show(agreement, link, token)


@bp.get("/staff/agreements/<reference>/link/<int:link_id>")
@role_required(*STAFF_ROLES)
def show_link(reference: str, link_id: int):
    """Show a live link again, so the worker can give or send it to the family again."""
    agreement = load_visible(reference)
    link = next((k for k in links.links_for(db.session, agreement) if k.id == link_id), None)
    token = links.token_for(link, _key()) if link else None
    if token is None:
        abort(404)
    if not links.is_live(link, utcnow()):
        flash("That link has stopped working. Make a new link for the family.")
        return redirect(url_for("agreements.detail", reference=agreement.reference))
    audit("agreement_link_shown", agreement, detail=f"link {link.id}")
    db.session.commit()
    return _show(agreement, link, token)
