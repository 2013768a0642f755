"""The Easy Read edition for children, young people and families: one principle a page."""

from __future__ import annotations

from feedback.reports.data import PrincipleResult, Report
from feedback.reports.pdf import FAMILY_LOOK, PdfDocument
from feedback.reports.words import Service, shown, words


def feeling_key(principle: PrincipleResult) -> str:
    """Which short sentence says how it is going: from the score, or too few answers."""
    score = principle.score
    if score.suppressed:
        return "too_few"
    if score.value >= 75:
        return "going_well"
    return "mixed" if score.value >= 50 else "not_well"


def feeling(principle: PrincipleResult) -> str:
    """One short sentence about how it is going, from the score (or too few answers)."""
    return words()["family"][feeling_key(principle)]


def sections(principle: PrincipleResult) -> dict[str, list]:
    """What goes under "You told us", "We did" and "What happens next" (also used by HTML).

    Every action published for families is listed (pages flow on as needed); "we did"
    and "next" are empty lists when there is nothing yet, for the page to say so.
    """
    actions = principle.family_actions
    heard = list(dict.fromkeys(a.you_told_us for a in actions if a.you_told_us))
    return {
        "feeling": [feeling(principle)],
        "quotes": list(principle.quotes),
        "heard": heard,
        "did": [a.we_did for a in actions if a.status in ("done", "in_progress")],
        "next": [a for a in actions if a.status == "planned"],
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
        doc.heading(principle.child_title, 1, bookmark=f"principle-{principle.number}")
        doc.text(principle.child_meaning)
        doc.heading(w["you_told_us"], 2)
        for line in part["feeling"]:
            doc.text(line)
        for quote in part["quotes"]:
            doc.quote(quote)
        for line in part["heard"]:
            doc.text(line)
        doc.heading(w["we_did"], 2)
        doc.bullets(part["did"] or [w["nothing_done_yet"]])
        doc.heading(w["next"], 2)
        doc.bullets([_next(a) for a in part["next"]] or [w["next_default"]])
        doc.page_break()
    doc.heading(w["tell_us_more"], 1, bookmark="tell-us-more")
    doc.bullets(w["tell_us_more_lines"])
    doc.text(w["contact"].format(contact=service.contact))
    doc.text(w["safe"])
    return doc.render()


def _next(action) -> str:
    if action.due_on is None:
        return action.we_did
    return action.we_did + " " + words()["family"]["by_when"].format(month=f"{action.due_on:%B %Y}")
