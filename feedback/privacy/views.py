"""Public privacy notices and the accessibility statement; the staff record of processing."""

from __future__ import annotations

import re

from flask import abort, current_app, render_template, request

from feedback.audiences.services import get_audience, list_audiences
from feedback.extensions import db
from feedback.i18n import translate_words, use_language
from feedback.languages import DEFAULT, languages, text_direction
from feedback.privacy import bp
from feedback.privacy.cookies import cookie_names, cookie_periods
from feedback.privacy.retention import describe_days
from feedback.staff.roles import STAFF_ROLES, role_required
from feedback.surveys.words import words_for


def _retention() -> dict[str, str]:
    return {k: describe_days(v) for k, v in current_app.config["RETENTION_DAYS"].items()}


@bp.get("/privacy")
def notices():
    """List the privacy notices, one for each group of people we ask."""
    audiences = list_audiences(db.session)
    choose = {a.key: words_for(a)["choose"] for a in audiences}
    return render_template("privacy/notices.html", audiences=audiences, choose=choose)


# A survey screen's own address: the only place "Back to the survey" may lead.
SURVEY_SCREEN = re.compile(r"^/s/[A-Za-z0-9_-]{1,32}(/([0-9]{1,3}|send|thanks|saved))?$")


def _back_to_survey() -> str | None:
    """The survey screen the person came from (from ?back=), if it is one."""
    back = request.args.get("back", "")
    return back if SURVEY_SCREEN.match(back) else None


@bp.get("/privacy/<audience>")
def notice(audience: str):
    """Show the privacy notice written for one audience, in their own words, and in the
    language of the survey it was reached from (`?lang=cy`: the footer of a Welsh survey),
    with a way back to the survey screen they came from."""
    band = get_audience(db.session, audience)
    if band is None:
        abort(404)
    lang = request.args.get("lang", DEFAULT)
    if lang not in languages():
        lang = DEFAULT  # an unknown language is not an error: the English notice is right
    use_language(lang)
    return render_template(
        # A band's own notice, else the shipped notice of the words it starts from.
        "privacy/notice_own.html"
        if band.privacy_notice
        else f"privacy/notice_{band.words_from}.html",
        audience=audience,
        band=band,
        w=translate_words(words_for(band)),
        retention=_retention(),
        lang=None if lang == DEFAULT else lang,  # links between notices keep the language
        page_lang=lang,
        page_dir=text_direction(lang),
        back_url=_back_to_survey(),
        cookie_names=cookie_names(),
        cookie_periods=cookie_periods(),
    )


@bp.get("/accessibility")
def accessibility():
    """Show the accessibility statement."""
    return render_template("privacy/accessibility.html")


@bp.get("/staff/privacy")
@role_required(*STAFF_ROLES)
def record():
    """Show staff what the service processes, why, on what lawful basis, and for how long."""
    return render_template("privacy/record.html", retention=_retention())
