"""The Easy Read edition for children, young people and families: one principle a page."""

from __future__ import annotations

from feedback.reports.data import PrincipleResult, Report
from feedback.reports.pdf import FAMILY_LOOK, PdfDocument
from feedback.reports.words import Service, shown, words

MOST = 2  # quotes and actions per section: Easy Read pages stay short


def feeling(principle: PrincipleResult) -> str:
    """One short sentence about how it is going, from the score (or too few answers)."""
    w = words()["family"]
    score = principle.score
    if score.suppressed:
        return w["too_few"]
    if score.value >= 75:
        return w["going_well"]
    return w["mixed"] if score.value >= 50 else w["not_well"]


def sections(principle: PrincipleResult) -> dict[str, list[str]]:
    """What goes under "You told us", "We did" and "What happens next" (also used by HTML)."""
    w = words()["family"]
    actions = principle.published_actions
    heard = []
    for action in actions:
        if action.you_told_us and action.you_told_us not in heard:
            heard.append(action.you_told_us)
    did = [a.we_did for a in actions if a.status in ("done", "in_progress")][:MOST]
    upcoming = [
        a.we_did + (" " + w["by_when"].format(month=f"{a.due_on:%B %Y}") if a.due_on else "")
        for a in actions
        if a.status == "planned"
    ][:MOST]
    return {
        "feeling": [feeling(principle)],
        "quotes": list(principle.quotes[:MOST]),
        "heard": heard[:MOST],
        "did": did or [w["nothing_done_yet"]],
        "next": upcoming or [w["next_default"]],
    }


def render_family(report: Report, service: Service) -> bytes:
    """The family edition as PDF bytes."""
    w = words()["family"]
    doc = PdfDocument(
        f"{w['title']}: {report.period.label}",
        FAMILY_LOOK,
        subject=w["subtitle"],
        author=service.name,
        footer=f"{w['title']} - {service.name}",
        page_word=w["page"],
    )
    doc.title_page(
        w["title"],
        w["for_whom"],
        [service.name, w["period"].format(period=report.period.label)],
        pictures=tuple(p.number for p in report.principles),
    )
    doc.spacer(6)
    for line in w["intro"]:
        doc.text(line, "centre")
    if report.responses.suppressed:
        doc.text(w["how_many_small"], "centre")
    else:
        doc.text(w["how_many"].format(count=shown(report.responses)), "centre")
    doc.page_break()
    for principle in report.principles:
        part = sections(principle)
        doc.picture(principle.number)
        doc.heading(principle.title, 1, bookmark=f"principle-{principle.number}")
        doc.heading(w["you_told_us"], 2)
        for line in part["feeling"]:
            doc.text(line)
        for quote in part["quotes"]:
            doc.quote(quote)
        for line in part["heard"]:
            doc.text(line)
        doc.heading(w["we_did"], 2)
        doc.bullets(part["did"])
        doc.heading(w["next"], 2)
        doc.bullets(part["next"])
        doc.page_break()
    doc.heading(w["tell_us_more"], 1, bookmark="tell-us-more")
    doc.bullets(w["tell_us_more_lines"])
    doc.text(w["contact"].format(contact=service.contact))
    doc.text(w["safe"])
    return doc.render()
