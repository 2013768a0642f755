"""Short public links and printable QR codes for posters and letters (staff only)."""

from __future__ import annotations

import io

import segno
from flask import Response, abort, current_app, render_template, url_for
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff.roles import role_required
from feedback.surveys import bp, services
from feedback.surveys.models import Survey
from feedback.surveys.words import words_for


def _shareable(slug: str) -> Survey:
    survey = services.open_survey(db.session, slug)
    if survey is None or survey.status != "open":
        abort(404)
    return survey


def public_link(survey: Survey) -> str:
    """The short link people type or scan: PUBLIC_URL/s/<code>. Built from the configured
    address, never the request's Host header, which whoever sends the request chooses."""
    return current_app.config["PUBLIC_URL"] + url_for("surveys.start", slug=survey.slug)


@bp.get("/staff/share")
@role_required("practitioner", "lead")
def staff_share():
    """Every open survey with its short link and a poster to print."""
    surveys = db.session.scalars(
        select(Survey).where(Survey.status == "open").order_by(Survey.id)
    ).all()
    links = [(s, public_link(s), words_for(s.band)["choose"]) for s in surveys]
    return render_template("surveys/staff_share.html", links=links)


@bp.get("/staff/share/<slug>")
@role_required("practitioner", "lead")
def staff_poster(slug: str):
    """A printable poster: the QR code, the short link, and who it is for."""
    survey = _shareable(slug)
    return render_template(
        "surveys/staff_poster.html",
        survey=survey,
        link=public_link(survey),
        choose=words_for(survey.band)["choose"],
    )


@bp.get("/staff/share/<slug>/qr.svg")
@role_required("practitioner", "lead")
def staff_qr(slug: str):
    """The QR code for a survey's short link, as SVG (sharp at any print size)."""
    survey = _shareable(slug)
    qr = segno.make(public_link(survey), error="m")
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=8, border=4, title=f"QR code for {public_link(survey)}")
    return Response(out.getvalue(), mimetype="image/svg+xml")
