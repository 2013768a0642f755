"""Staff pages to list, add and change audiences (participation leads and admins)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from feedback.audiences import bp, services
from feedback.audiences.forms import WORD_LABELS, AudienceForm
from feedback.extensions import db
from feedback.language import check_language
from feedback.staff.roles import role_required


def _page(form: AudienceForm, audience=None, status: int = 200):
    level = services.reading_level(audience)

    def advice(text: str | None) -> list:
        # Advice on the words this audience reads, judged at its own reading age.
        return check_language(text, level) if text and text.strip() and level else []

    return (
        render_template(
            "audiences/edit.html", form=form, audience=audience, labels=WORD_LABELS, advice=advice
        ),
        status,
    )


@bp.get("/")
@role_required("lead")
def index():
    """List every audience, with its ages and reading age."""
    return render_template("audiences/index.html", audiences=services.list_audiences(db.session))


@bp.route("/new", methods=["GET", "POST"])
@role_required("lead")
def new():
    """Add an age band (or another group of people a survey is for)."""
    form = AudienceForm()
    if form.validate_on_submit():
        try:
            audience = services.save_audience(
                db.session, None, actor_id=current_user.id, **form.fields()
            )
        except services.AudienceError as error:
            form.key.errors.append(str(error))
            return _page(form, status=422)
        db.session.commit()
        flash("Audience added. Any advice on its words is shown below.")
        return redirect(url_for("audiences.edit", key=audience.key))
    if not form.is_submitted():
        form.words_from.data = "8-12"
    return _page(form, status=422 if form.errors else 200)


@bp.route("/<key>", methods=["GET", "POST"])
@role_required("lead")
def edit(key: str):
    """Change an audience's name, ages, reading age, words and privacy notice."""
    audience = services.get_audience(db.session, key) or abort(404)
    form = AudienceForm()
    if form.is_submitted():
        form.key.data = audience.key  # the key is in links and stored answers: it stays
    else:
        form.fill(audience)
    if form.validate_on_submit():
        try:
            services.save_audience(db.session, audience, actor_id=current_user.id, **form.fields())
        except services.AudienceError as error:
            form.words_from.errors.append(str(error))
            return _page(form, audience, 422)
        db.session.commit()
        flash("Audience saved. Any advice on its words is shown below.")
        return redirect(url_for("audiences.edit", key=audience.key))
    return _page(form, audience, 422 if form.errors else 200)
