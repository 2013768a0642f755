"""Subject access PDF: everything held about one person, as a readable document.

Text goes through `markup` (feedback/pdf_fonts.py): escaped, and in embedded fonts that
print Welsh, Urdu and emoji as written.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from feedback.pdf_fonts import BOLD, REGULAR, markup, register


def _styles():
    """reportlab's sample styles, in the embedded fonts instead of Helvetica."""
    styles = getSampleStyleSheet()
    register()
    for style in styles.byName.values():
        if hasattr(style, "fontName"):
            style.fontName = BOLD if "Bold" in style.fontName else REGULAR
    return styles


KIND_TITLES = {
    "responses": "Survey responses",
    "agreements": "Working Together Agreements",
    "alerts": "Safeguarding records",
}


def _text(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str) and value.startswith("data:image/"):
        return "(a drawn signature, kept as a picture; in the JSON export)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def _add_fields(story: list, row: dict, styles, depth: int = 0) -> None:
    for key, value in row.items():
        label = key.replace("_", " ").capitalize()
        if isinstance(value, list) and value and isinstance(value[0], dict):
            story.append(Paragraph(markup(label), styles["Heading4"]))
            for item in value:
                _add_fields(story, item, styles, depth + 1)
                story.append(Spacer(1, 4))
        else:
            line = f"<b>{markup(label)}:</b> {markup(_text(value))}"
            story.append(Paragraph(line, styles["BodyText"]))


def render_pdf(data: dict[str, Any], service: str, made_at: str) -> bytes:
    """Render an export (from rights.export) as PDF bytes; same input, same bytes."""
    styles = _styles()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, invariant=1, title="Information we hold", author=service
    )
    who = data["searched_for"]
    story: list = [
        Paragraph(markup(f"Information {service} holds"), styles["Title"]),
        Paragraph(markup(f"Name: {who['name'] or '(not given)'}"), styles["BodyText"]),
        Paragraph(
            markup(f"Family reference: {who['family_reference'] or '(not given)'}"),
            styles["BodyText"],
        ),
        Paragraph(markup(f"Made on {made_at} (UTC)."), styles["BodyText"]),
    ]
    for kind, rows in data.items():
        if kind == "searched_for":
            continue
        story.append(Paragraph(markup(KIND_TITLES.get(kind, kind.title())), styles["Heading2"]))
        if not rows:
            story.append(Paragraph("We hold none.", styles["BodyText"]))
        for n, row in enumerate(rows, 1):
            story.append(Paragraph(f"{n}.", styles["Heading3"]))
            _add_fields(story, row, styles)
    doc.build(story)
    return buffer.getvalue()
