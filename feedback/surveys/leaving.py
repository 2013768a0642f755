"""Leaving: the quick exit on every survey screen, the plain page it leads to, and the
screen after "Save and come back later".

The quick exit makes this device forget the response it was answering. With JavaScript
the page posts to `leave` in the background (a beacon) and replaces itself with the
neutral page, so Back does not return to the survey. Without JavaScript the button is a
plain link to the same address: a GET that forgets and redirects. A GET that changes
something is normally wrong, but here it only drops this device's own cookie (nothing
in the database changes), and it is the one way out that works on every device.
"""

from __future__ import annotations

from datetime import date

from flask import current_app, redirect, render_template, session, url_for

from feedback.extensions import csrf
from feedback.surveys import bp, device
from feedback.surveys.pages import render, survey_or_404
from feedback.surveys.share import public_link


def exit_url() -> str:
    """Where the quick exit goes: QUICK_EXIT_URL, else our own page that looks like nothing."""
    return current_app.config.get("QUICK_EXIT_URL") or url_for("surveys.neutral")


def _forget_everything() -> None:
    device.forget()
    session.pop("help_first", None)


@bp.get("/leave")
def leave():
    """Quick exit without JavaScript: forget this device's answers and go somewhere neutral."""
    _forget_everything()
    return redirect(exit_url(), 303)


@bp.post("/leave")
@csrf.exempt  # a beacon carries no token; all this can do is make a device forget itself
def leave_beacon():
    """Quick exit with JavaScript: the page has already gone; forget this device's answers."""
    _forget_everything()
    return "", 204


@bp.get("/today")
def neutral():
    """A plain page that says nothing about us (where the quick exit goes by default)."""
    device.forget()  # in case the beacon did not arrive
    return render_template("surveys/neutral.html", today=f"{date.today():%A %d %B %Y}")


@bp.get("/s/<slug>/saved")
def saved(slug: str):
    """After "Save and come back later": how to come back, and who else could see them."""
    survey = survey_or_404(slug)
    return render("surveys/saved.html", survey, come_back=public_link(survey))
