"""Question screens: rendered in full, or filled in from a stencil.

Every respondent sees the same page for question 3 of a survey, apart from a few
values: their CSRF token and submission id, and what they answered before (which
choices are ticked, the words they wrote, their drawing, the "you can quote me" box).
So the first time a worker shows a question screen it renders the page once with
markers where those values go, keeps that stencil for the survey's revision, and from
then on fills the markers in: a few string joins instead of a template, a form and the
translations. A change to the survey or its questions moves its revision on (see
`feedback.surveys.snapshot`), and the stencil is made again.

A screen with anything else on it is rendered in full: a staff member signed in (the
staff header), a message waiting to be shown, an error, or a drawing kept on a question
that no longer has a drawing area. `tests/surveys/test_screens.py` checks that a filled
stencil is the page a full render gives, byte for byte.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from flask import current_app, request, session, url_for
from markupsafe import Markup, escape

from feedback.forms import signed_csrf_token
from feedback.staff.sessions import may_be_staff
from feedback.surveys import device
from feedback.surveys.forms import CHECKED, answer_form
from feedback.surveys.pages import AnySurvey, render, screen_url

MAX_KEPT = 2000  # stencils a worker keeps: one per question screen in use
# Markers are letters and digits only, so escaping leaves them as they are; the random
# part (new in each process) cannot turn up in a survey's own words by chance.
_TOKEN = secrets.token_hex(8)
_MARK = re.compile(rf"q{_TOKEN}n(\d+)q")


def question_screen(survey: AnySurvey, n: int, form, status: int = 200):
    """Render question n in full, with this form (its answer, errors and tokens)."""
    question = survey.questions[n - 1]
    back = screen_url(survey, n - 1) if n > 1 else url_for("surveys.start", slug=survey.slug)
    return render(
        "surveys/question.html",
        survey,
        status,
        question=question,
        form=form,
        n=n,
        total=len(survey.questions),
        back_url=back,
    )


@dataclass(frozen=True, slots=True)
class Stencil:
    """A rendered page cut at its markers: text, slot, text, slot, ..., text."""

    texts: tuple[str, ...]
    slots: tuple[tuple[str, str | None], ...]  # (what goes there, for which choice)
    status: int

    def fill(self, values: dict[str, str], chosen: frozenset[str]) -> str:
        parts = [self.texts[0]]
        for (kind, choice), text in zip(self.slots, self.texts[1:], strict=True):
            if kind == "choice":
                parts.append(CHECKED if choice in chosen else "")
            else:
                parts.append(values[kind])
            parts.append(text)
        return "".join(parts)


class _Marks:
    """Hands out markers while a stencil is rendered, and remembers what each stands for."""

    def __init__(self) -> None:
        self.slots: list[tuple[str, str | None]] = []

    def __call__(self, kind: str, choice: str | None = None) -> Markup:
        self.slots.append((kind, choice))
        # Letters and digits only: nothing in it needs escaping.
        return Markup(f"q{_TOKEN}n{len(self.slots) - 1}q")  # nosec B704


def _can_draw(survey: AnySurvey, question) -> bool:
    return question.kind == "text" and survey.audience == "4-7"


def _make_stencil(survey: AnySurvey, n: int) -> Stencil:
    question = survey.questions[n - 1]
    marks = _Marks()
    form = answer_form(question)
    form.submission_id.data = marks("submission_id")
    if form.meta.csrf:
        form.csrf_token.current_token = marks("csrf_token")
    if question.kind == "text":
        form.answer.data = marks("text")
        form.quote_checked = lambda: marks("quote")
        if _can_draw(survey, question):
            form.drawing.data = marks("drawing")
    else:
        form.checked = lambda value: marks("choice", value)
    html, status = question_screen(survey, n, form)
    pieces = _MARK.split(html)
    texts = tuple(pieces[0::2])
    slots = tuple(marks.slots[int(i)] for i in pieces[1::2])
    return Stencil(texts, slots, status)


def _stencil(survey: AnySurvey, n: int) -> Stencil:
    kept = current_app.extensions.setdefault("question_stencils", {})
    key = (survey.id, survey.revision, n, device.current_tablet() is not None, request.script_root)
    stencil = kept.get(key)
    if stencil is None:
        stencil = _make_stencil(survey, n)
        if len(kept) >= MAX_KEPT:
            kept.clear()
        kept[key] = stencil
    return stencil


def stencil_page(survey: AnySurvey, n: int, submission_id: str, saved=None):
    """Question n for this respondent, filled in from the stencil; None if this screen
    must be rendered in full. `saved` is their earlier answer (a row or an Answer)."""
    if not current_app.config.get("SURVEY_STENCILS", True):
        return None
    if session.get("_flashes") or may_be_staff():
        return None
    question = survey.questions[n - 1]
    answered = saved is not None and not saved.skipped
    drawing = (saved.drawing or "") if answered and question.kind == "text" else ""
    if drawing and not _can_draw(survey, question):
        return None
    values = {
        "submission_id": str(escape(submission_id)),
        "text": str(escape(saved.value or "")) if answered and question.kind == "text" else "",
        "drawing": str(escape(drawing)),
        "quote": CHECKED if answered and saved.ok_to_quote else "",
    }
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        values["csrf_token"] = str(escape(signed_csrf_token()))
    chosen: frozenset[str] = frozenset()
    if answered and question.kind == "multi":
        chosen = frozenset(saved.choices or ())
    elif answered and saved.value is not None:
        chosen = frozenset((saved.value,))
    stencil = _stencil(survey, n)
    return stencil.fill(values, chosen), stencil.status
