"""Going through the agreement with the family on one tablet, screen by screen, and signing.

These are staff routes (the worker is signed in on the tablet) but the family reads every
screen, so the pages use family words and hide the staff menu.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from wtforms import SelectChoice

from feedback.agreements import bp, family_screens, services
from feedback.agreements.content import missing, words
from feedback.agreements.family_copy import build_copy
from feedback.agreements.forms import SignForm
from feedback.agreements.models import AgreementError, AlreadySigned, NotReady, VersionLocked
from feedback.agreements.signatures import BadDrawing
from feedback.agreements.views import audit, load_visible
from feedback.extensions import db
from feedback.staff.roles import STAFF_ROLES, role_required


@bp.get("/staff/agreements/<reference>/together/<int:n>")
@role_required(*STAFF_ROLES)
def together(reference: str, n: int):
    """Show one part of the agreement to the family."""
    agreement = load_visible(reference)
    sections = agreement.current.content
    if not 1 <= n <= len(sections):
        abort(404)
    family_screens.enter(agreement.reference)
    audit("agreement_viewed", agreement, detail=f"together {n}")
    db.session.commit()
    return render_template(
        "agreements/together.html",
        agreement=agreement,
        section=sections[n - 1],
        n=n,
        total=len(sections),
    )


def _not_ready(agreement, gaps: list[str], status: int = 200):
    """The signing screen saying, in the family's words, what is still to fill in."""
    return render_template(
        "agreements/signers.html",
        agreement=agreement,
        copy=build_copy(agreement.current),
        missing=gaps,
        ready=words()["ready"],
    ), status


@bp.get("/staff/agreements/<reference>/signing")
@role_required(*STAFF_ROLES)
def signers(reference: str):
    """Who signs, and who has signed already (or what must be filled in first)."""
    agreement = load_visible(reference)
    family_screens.enter(agreement.reference)
    version = agreement.current
    if services.complete(db.session, version):  # everyone signed, but it was not locked
        audit("agreement_locked", agreement, detail=f"version {version.number}")
        db.session.commit()
    if version.status == "signed":
        return redirect(url_for("agreements.signed", reference=agreement.reference))
    audit("agreement_viewed", agreement, detail="signing")
    db.session.commit()
    return _not_ready(agreement, missing(version.fields, agreement.audience))


@bp.route("/staff/agreements/<reference>/signing/<int:n>", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def sign(reference: str, n: int):
    """One person signs, by drawing or typing their name; a child may choose a face."""
    agreement = load_visible(reference)
    family_screens.enter(agreement.reference)
    version = agreement.current
    if version.status == "signed":
        return redirect(url_for("agreements.signed", reference=agreement.reference))
    if not 1 <= n <= len(version.people):
        abort(404)
    gaps = missing(version.fields, agreement.audience)
    if gaps:
        return _not_ready(agreement, gaps, 409)
    person = version.people[n - 1]
    if version.signature_for(n - 1):
        flash(words()["messages"]["already_signed"].format(name=person["name"]))
        return redirect(url_for("agreements.signers", reference=agreement.reference))
    form = SignForm()
    form.feeling.choices = [SelectChoice(k, v["label"]) for k, v in words()["feelings"].items()]
    if form.validate_on_submit():
        try:
            services.sign(
                db.session,
                version,
                n - 1,
                method=form.method.data,
                typed_name=form.typed_name.data or "",
                drawing=form.drawing.data or "",
                feeling=form.feeling.data or "",
            )
        except BadDrawing as bad:
            db.session.rollback()
            form.drawing.errors.append(words()["errors"][bad.code])
        except (AlreadySigned, VersionLocked):
            # A double tap, or someone else signed at the same moment: carry on from there.
            db.session.rollback()
            return redirect(url_for("agreements.signers", reference=reference))
        except NotReady as not_ready:
            db.session.rollback()
            return _not_ready(agreement, not_ready.missing, 409)
        except AgreementError as error:
            db.session.rollback()
            form.method.errors.append(str(error))
        else:
            audit("agreement_signed", agreement, detail=f"version {version.number} person {n}")
            db.session.commit()
            if version.status == "signed":
                audit("agreement_locked", agreement, detail=f"version {version.number}")
                db.session.commit()
                return redirect(url_for("agreements.signed", reference=agreement.reference))
            following = version.unsigned()
            if not following:  # the last other signer finished a moment ago
                return redirect(url_for("agreements.signers", reference=reference))
            return redirect(url_for("agreements.sign", reference=reference, n=following[0] + 1))
    if not form.errors:
        audit("agreement_viewed", agreement, detail=f"sign {n}")
        db.session.commit()
    status = 422 if form.errors else 200
    return render_template(
        "agreements/sign.html",
        agreement=agreement,
        version=version,
        person=person,
        n=n,
        form=form,
        feelings=words()["feelings"],
        roles=words()["roles"],
    ), status


@bp.get("/staff/agreements/<reference>/signed")
@role_required(*STAFF_ROLES)
def signed(reference: str):
    """Everyone has signed: the agreement is locked."""
    agreement = load_visible(reference)
    family_screens.enter(agreement.reference)
    version = agreement.last_signed
    if version is None:
        return redirect(url_for("agreements.signers", reference=agreement.reference))
    audit("agreement_viewed", agreement, detail="signed")
    db.session.commit()
    return render_template("agreements/signed.html", agreement=agreement, copy=build_copy(version))
