"""The edition for managers and the board: scores, charts, trends, themes and actions."""

from __future__ import annotations

from datetime import date

from feedback.reports.board_results import question_pages, trend_pages
from feedback.reports.data import Figure, PrincipleResult, Report
from feedback.reports.pdf import BOARD_LOOK, PdfDocument
from feedback.reports.words import Service, audience_name, change, shown, words
from feedback.results.board_data import BoardExtras


def split(p: PrincipleResult) -> str:
    if p.positive.suppressed:
        return words()["fewer_than_5"]
    return f"{p.positive.value}% / {p.neutral.value}% / {p.negative.value}%"


def summary_rows(report: Report) -> list[list[str]]:
    return [
        [
            f"{p.number}. {p.title}",
            shown(p.score),
            shown(p.previous_score),
            change(p.change),
            shown(p.responses),
            split(p),
        ]
        for p in report.principles
    ]


def surveys_text(report: Report) -> str:
    return (
        "; ".join(
            f"{title} ({audience_name(audience)}: {shown(n)})"
            for title, audience, n in report.surveys
        )
        or words()["board"]["all_surveys"]
    )


def method_lines(report: Report) -> list[str]:
    w = words()["board"]
    return [
        line.format(
            responses=shown(report.responses),
            period=report.period.label,
            surveys=surveys_text(report),
        )
        for line in w["method_lines"]
    ]


def action_rows(p: PrincipleResult) -> list[list[str]]:
    w = words()["board"]
    return [
        [
            a.you_told_us,
            a.we_did,
            a.owner,
            a.status_name,
            _day(a.due_on),
            w["yes"] if a.ready_to_publish else w["no"],
        ]
        for a in p.actions
    ]


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def _bar(figure: Figure) -> int | None:
    return figure.value


def _table(doc: PdfDocument, columns: list[str], rows: list[list[str]], widths) -> None:
    w = words()["board"]
    doc.table([w[c] for c in columns], rows, widths)


def _principle(doc: PdfDocument, p: PrincipleResult) -> None:
    w = words()["board"]
    # Each heading is kept with what it introduces, so no page ends with a lone heading.
    with doc.together():
        doc.heading(
            w["principle_heading"].format(number=p.number, title=p.title),
            2,
            bookmark=f"principle-{p.number}",
        )
        doc.text(
            w["principle_summary"].format(
                score=shown(p.score),
                previous=shown(p.previous_score),
                change=change(p.change),
                responses=shown(p.responses),
            )
        )
        if p.by_audience:
            rows = [
                [audience_name(a.audience), shown(a.responses), shown(a.score)]
                for a in p.by_audience
            ]
            _table(doc, ["col_audience", "col_responses", "col_score"], rows, [0.5, 0.25, 0.25])
    with doc.together():
        doc.heading(w["themes"], 3)
        if p.themes:
            rows = [[t.name, shown(t.comments)] for t in p.themes]
            _table(doc, ["col_theme", "col_comments"], rows, [0.7, 0.3])
        else:
            doc.text(w["no_themes"], "small")
    with doc.together():
        doc.heading(w["quotes"], 3)
        for quote in p.quotes:
            doc.quote(quote)
        if not p.quotes:
            doc.text(w["no_quotes"], "small")
    with doc.together():
        doc.heading(w["actions"], 3)
        if p.actions:
            columns = [
                "col_heard", "col_action", "col_owner", "col_status", "col_due", "col_published"
            ]  # fmt: skip
            _table(doc, columns, action_rows(p), [0.24, 0.28, 0.13, 0.11, 0.12, 0.12])
        else:
            doc.text(w["no_actions"], "small")


def outside_rows(report: Report) -> list[list[str]]:
    """Survey, question, people who answered and score for questions outside the principles."""
    return [
        [q.survey, q.text, shown(q.answered), shown(q.score)] for q in report.outside_principles
    ]


def _outside(doc: PdfDocument, report: Report) -> None:
    w = words()["board"]
    doc.new_page_unless_room(100)
    doc.heading(w["outside_title"], 2, bookmark="outside")
    doc.text(w["outside_note"])
    columns = ["col_survey", "col_question", "col_answered", "col_score"]
    _table(doc, columns, outside_rows(report), [0.25, 0.45, 0.15, 0.15])


def _summary(doc: PdfDocument, report: Report) -> None:
    w = words()["board"]
    principles = report.principles
    doc.heading(w["summary"], 1, bookmark="summary")
    now, before = shown(report.responses), shown(report.previous_responses)
    doc.text(w["key_responses"].format(now=now, before=before))
    doc.text(w["key_comments"].format(count=shown(report.comments)))
    doc.heading(w["scores"], 2, bookmark="scores")
    doc.text(w["scores_note"], "small")
    doc.bar_chart(
        w["chart_title"],
        [f"{p.number}. {p.title}" for p in principles],
        [[_bar(p.score) for p in principles], [_bar(p.previous_score) for p in principles]],
        [[shown(p.score) for p in principles], [shown(p.previous_score) for p in principles]],
        maximum=100,
    )
    columns = [
        "col_principle",
        "col_score",
        "col_previous",
        "col_change",
        "col_responses",
        "col_split",
    ]
    _table(doc, columns, summary_rows(report), [0.3, 0.09, 0.12, 0.11, 0.14, 0.24])
    with doc.together():  # a short section: moved on whole rather than split
        doc.heading(w["by_audience"], 2, bookmark="audiences")
        if report.by_audience:
            doc.bar_chart(
                "",  # the heading above says what it is
                [audience_name(a.audience) for a in report.by_audience],
                [[_bar(a.responses) for a in report.by_audience]],
                [[shown(a.responses) for a in report.by_audience]],
            )
        rows = [[audience_name(a.audience), shown(a.responses)] for a in report.by_audience]
        _table(doc, ["col_audience", "col_responses"], rows, [0.6, 0.4])


def render_board(
    report: Report, service: Service, today: date | None = None, extras: BoardExtras | None = None
) -> bytes:
    """The board edition as PDF bytes; `extras` adds the trend and question pages."""
    w = words()["board"]
    doc = PdfDocument(
        f"{w['title']}: {w['subtitle']}, {report.period.label}",
        BOARD_LOOK,
        subject=w["subtitle"],
        author=service.name,
        footer=f"{w['title']} - {w['subtitle']} - {report.period.label}",
        page_word=w["page"],
    )
    lines = [
        service.name,
        w["period"].format(period=report.period.label),
        w["previous"].format(period=report.previous_period.label),
        w["key_responses"].format(
            now=shown(report.responses), before=shown(report.previous_responses)
        ),
    ]
    if report.survey_filter:
        lines.append(w["filters_surveys"].format(surveys=surveys_text(report)))
    if report.audience_filter:
        names = ", ".join(audience_name(a) for a in report.audience_filter)
        lines.append(w["filters_audiences"].format(audiences=names))
    if today:
        lines.append(w["made_on"].format(day=today.isoformat()))
    doc.title_page(w["title"], w["subtitle"], lines)
    doc.page_break()
    _summary(doc, report)
    doc.new_page_unless_room(100)
    doc.heading(w["principles"], 1, bookmark="principles")
    for p in report.principles:
        _principle(doc, p)
    if report.outside_principles:
        _outside(doc, report)
    if extras is not None:
        doc.new_page_unless_room(100)
        trend_pages(doc, extras)
        question_pages(doc, extras)
    doc.page_break()
    doc.heading(w["method"], 1, bookmark="method")
    for line in method_lines(report):
        doc.text(line)
    return doc.render()
