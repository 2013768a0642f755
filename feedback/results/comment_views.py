"""Written answers to browse, filtered by question, theme, feeling, flag and words."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from feedback.extensions import db
from feedback.reports.quotes import staff_names
from feedback.results import bp
from feedback.results.access import may_see_names, shown_text
from feedback.results.comments import CommentFilters, written_answers
from feedback.results.forms import CommentsForm
from feedback.results.kinds import is_written
from feedback.results.scope import chosen
from feedback.staff.roles import role_required

KEPT = ("question", "theme", "sentiment", "flagged", "words")


@bp.get("/comments")
@role_required("lead", "safeguarding")
def comments():
    """Written answers, newest first; names taken out for anyone who may not see them."""
    c = chosen(db.session, CommentsForm)
    form = c.form
    questions = [q for s in (c.surveys or c.every) for q in s.questions if is_written(q.kind)]
    form.set_questions(questions)
    question = form.question.data or ""
    if question and question not in {str(q.id) for q in questions}:
        form.question.errors = ["Choose a question from the list."]
        return _page(c, form, [], False, 0), 422
    filters = CommentFilters(
        question=int(question) if question else None,
        theme=form.theme.data or "",
        sentiment=form.sentiment.data or "",
        flagged=form.flagged.data or "",
        words=form.words.data or "",
    )
    page = max(0, request.args.get("page", 0, type=int))
    rows, more = written_answers(db.session, c.scope, filters, page)
    return _page(c, form, rows, more, page), (200 if c.valid else 422)


def _page(c, form, rows, more: bool, page: int):
    sees = may_see_names(current_user)
    staff = staff_names(db.session) if rows and not sees else []
    shown = [
        (answer, question, survey, name if sees else None,
         shown_text(answer.value, held, sees, [*staff, name or ""]))
        for answer, question, survey, name, held in rows
    ]  # fmt: skip
    kept = {k: request.args[k] for k in KEPT if request.args.get(k)}
    return render_template(
        "results/comments.html",
        c=c,
        form=form,
        rows=shown,
        more=more,
        page=page,
        links={**c.links, **kept},
        sees_names=sees,
    )
