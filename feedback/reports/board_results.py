"""Board edition pages from the results: the trend of each principle over four periods,
and question-by-question pages. Each block (a heading with its chart and table) is kept
together, so no table splits badly and no page is left with a stray line."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from feedback.reports.pdf import PdfDocument
from feedback.reports.words import audience_name, shown
from feedback.results import kinds
from feedback.results.board_data import BoardExtras


@cache
def _words() -> dict[str, str]:
    path = Path(__file__).resolve().parents[1] / "results" / "board_words.toml"
    with path.open("rb") as f:
        return tomllib.load(f)


def _period(p) -> str:
    return f"{p.start:%d %b %Y} to {p.end:%d %b %Y}"


def trend_pages(doc: PdfDocument, extras: BoardExtras) -> None:
    w = _words()
    labels = [_period(p) for p in extras.periods]
    with doc.together():
        doc.heading(w["trend"], 1, bookmark="trend")
        doc.text(w["trend_note"], "small")
        doc.table(
            [w["col_principle"], *labels],
            [[f"{t.number}. {t.title}", *(shown(s) for s in t.scores)] for t in extras.trend],
            [0.32, *([0.17] * len(labels))],
        )


def question_pages(doc: PdfDocument, extras: BoardExtras) -> None:
    results = extras.questions
    if results is None:
        return
    w = _words()
    doc.new_page_unless_room(120)
    doc.heading(w["questions"], 1, bookmark="questions")
    doc.text(w["questions_note"], "small")
    for survey in results.surveys:
        doc.heading(f"{survey.title} ({audience_name(survey.audience)})", 2)
        for q in survey.questions:
            with doc.together():
                doc.heading(f"{q.number}. {q.text}", 3)
                doc.text(
                    w["question_answered"].format(
                        answered=shown(q.answered), skipped=shown(q.skipped)
                    ),
                    "small",
                )
                if q.asked is not None:  # branching: as the results page says it
                    asked = w["question_asked"].format(asked=shown(q.asked), who=q.asked_when)
                    doc.text(asked, "small")
                if q.shape == kinds.WRITTEN:
                    continue
                doc.bar_chart(
                    "",
                    [o.label for o in q.options],
                    [[o.percent.value for o in q.options]],
                    [[shown(o.percent, "%") for o in q.options]],
                    maximum=100,
                )
                doc.table(
                    [w["col_answer"], w["col_people"], w["col_percent"], w["col_before"]],
                    [
                        [
                            o.label,
                            shown(o.count),
                            shown(o.percent, "%"),
                            shown(o.previous_percent, "%"),
                        ]
                        for o in q.options
                    ],  # fmt: skip
                    [0.46, 0.18, 0.18, 0.18],
                )
