"""The edition for managers and the board: scores, charts, trends, themes and actions."""

from __future__ import annotations

from datetime import date

from feedback.reports.data import Figure, PrincipleResult, Report
from feedback.reports.pdf import BOARD_LOOK, PdfDocument
from feedback.reports.words import Service, audience_name, change, shown, words


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


def _principle(doc: PdfDocument, p: PrincipleResult) -> None:
    w = words()["board"]
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
        doc.table(
            [w["col_audience"], w["col_responses"], w["col_score"]],
            [
                [audience_name(a.audience), shown(a.responses), shown(a.score)]
                for a in p.by_audience
            ],
            [0.5, 0.25, 0.25],
        )
    doc.text(w["themes"], "small")
    if p.themes:
        doc.table(
            [w["col_theme"], w["col_comments"]],
            [[t.name, shown(t.comments)] for t in p.themes],
            [0.7, 0.3],
        )
    else:
        doc.text(w["no_themes"], "small")
    doc.text(w["quotes"], "small")
    for quote in p.quotes:
        doc.quote(quote)
    if not p.quotes:
        doc.text(w["no_quotes"], "small")
    doc.text(w["actions"], "small")
    if p.actions:
        doc.table(
            [
                w["col_heard"],
                w["col_action"],
                w["col_owner"],
                w["col_status"],
                w["col_due"],
                w["col_published"],
            ],
            action_rows(p),
            [0.26, 0.3, 0.13, 0.11, 0.11, 0.09],
        )
    else:
        doc.text(w["no_actions"], "small")


def render_board(report: Report, service: Service, today: date | None = None) -> bytes:
    """The board edition as PDF bytes."""
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
        w["subtitle"],
        service.name,
        w["period"].format(period=report.period.label),
        w["previous"].format(period=report.previous_period.label),
    ]
    if today:
        lines.append(w["made_on"].format(day=today.isoformat()))
    lines.append(w["filters_surveys"].format(surveys=surveys_text(report)))
    if report.audience_filter:
        names = ", ".join(audience_name(a) for a in report.audience_filter)
        lines.append(w["filters_audiences"].format(audiences=names))
    doc.title_block(w["title"], lines)
    doc.page_break()

    doc.heading(w["summary"], 1, bookmark="summary")
    doc.text(
        w["key_responses"].format(
            now=shown(report.responses), before=shown(report.previous_responses)
        )
    )
    doc.text(w["key_comments"].format(count=shown(report.comments)))
    doc.heading(w["scores"], 2)
    doc.text(w["scores_note"], "small")
    doc.bar_chart(
        w["chart_title"],
        [f"{p.number}. {p.title}" for p in report.principles],
        [
            [_bar(p.score) for p in report.principles],
            [_bar(p.previous_score) for p in report.principles],
        ],
        [
            [shown(p.score) for p in report.principles],
            [shown(p.previous_score) for p in report.principles],
        ],
        maximum=100,
    )
    doc.table(
        [
            w["col_principle"],
            w["col_score"],
            w["col_previous"],
            w["col_change"],
            w["col_responses"],
            w["col_split"],
        ],
        summary_rows(report),
        [0.36, 0.1, 0.11, 0.1, 0.13, 0.2],
    )
    doc.heading(w["by_audience"], 2, bookmark="audiences")
    if report.by_audience:
        doc.bar_chart(
            w["audience_chart_title"],
            [audience_name(a.audience) for a in report.by_audience],
            [[_bar(a.responses) for a in report.by_audience]],
            [[shown(a.responses) for a in report.by_audience]],
        )
    doc.table(
        [w["col_audience"], w["col_responses"]],
        [[audience_name(a.audience), shown(a.responses)] for a in report.by_audience],
        [0.6, 0.4],
    )
    doc.page_break()
    for p in report.principles:
        _principle(doc, p)
    doc.page_break()
    doc.heading(w["method"], 1, bookmark="method")
    for line in method_lines(report):
        doc.text(line)
    return doc.render()
