"""Print a family's copy as a PDF: large clear type, page numbers, reference and check code.

Every string from a person (section text, names, typed signatures) goes through
`markup` (feedback/pdf_fonts.py: escaped, in fonts that print Welsh, Urdu and emoji)
before it reaches a Paragraph: reportlab reads Paragraph text as markup, so
`<b>` would break the build and `<img src=...>` would make the server fetch a URL.
`invariant=1` makes the same copy give the same bytes.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from feedback.agreements.family_copy import AgreementCopy
from feedback.agreements.signatures import drawing_bytes
from feedback.pdf_fonts import BOLD, REGULAR, markup, printable, register

INK = colors.HexColor("#1b1b1b")
BRAND = colors.HexColor("#073763")

BODY = ParagraphStyle(
    "body", fontName=REGULAR, fontSize=14, leading=20, textColor=INK, spaceAfter=6
)
H1 = ParagraphStyle("h1", parent=BODY, fontName=BOLD, fontSize=26, leading=32)
H2 = ParagraphStyle(
    "h2",
    parent=BODY,
    fontName=BOLD,
    fontSize=18,
    leading=24,
    textColor=BRAND,
    spaceBefore=14,
    spaceAfter=4,
)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=12, spaceAfter=3)
TYPED = ParagraphStyle(
    "typed", parent=BODY, fontSize=22, leading=28, textColor=BRAND, leftIndent=12
)
CODE = ParagraphStyle("code", parent=BODY, fontName="Courier", fontSize=11, leading=15)
MAX_SIGNATURE = (7 * cm, 2.8 * cm)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(markup(text), style)


def _numbered_canvas(footer: str, page_word: str, of_word: str):
    """A canvas that writes 'footer · Page n of m' once it knows how many pages there are."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(REGULAR, 11)
                self.setFillColor(INK)
                text = f"{footer}   {page_word} {self._pageNumber} {of_word} {total}"
                self.drawCentredString(A4[0] / 2, 1.2 * cm, printable(text))
                super().showPage()
            super().save()

    return NumberedCanvas


def _signature_image(data_url: str) -> Image:
    image = Image(BytesIO(drawing_bytes(data_url)))
    scale = min(MAX_SIGNATURE[0] / image.imageWidth, MAX_SIGNATURE[1] / image.imageHeight, 1)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    image.hAlign = "LEFT"
    return image


def _signatures(copy: AgreementCopy) -> list:
    w = copy.words
    story: list = [_p(w["signed_by"], H2)]
    for person in copy.people:
        who = f"<b>{markup(person.name)}</b> ({markup(person.role)})"
        block = [Paragraph(who, ITEM)]
        if not person.signed:
            story.append(KeepTogether(block))
            continue
        if person.method == "drawn" and person.drawing:
            block.append(_signature_image(person.drawing))
            block.append(_p(w["drawn"], ITEM))
        else:
            block.append(_p(person.typed_name, TYPED))
            block.append(_p(w["typed"], ITEM))
        if person.feeling:
            block.append(_p(f"{w['feeling']}: {person.feeling}", ITEM))
        block.append(_p(f"{w['signed_on']} {person.signed_on}", ITEM))
        block.append(Spacer(1, 8))
        story.append(KeepTogether(block))
    return story


def render_pdf(copy: AgreementCopy) -> bytes:
    """Render one version of an agreement as PDF bytes."""
    register()
    w = copy.words
    story: list = [
        _p(w["title"], H1),
        _p(f"{w['reference']}: {copy.reference}    {w['version']} {copy.version}"),
    ]
    warning = [_p(w["changed_title"], H2), _p(w["changed_text"])] if copy.changed else []
    story += warning
    for section in copy.sections:
        paragraphs = [_p(text) for text in section["paragraphs"]]
        items = [
            Paragraph(f"<b>{markup(item['label'])}:</b> {markup(item['text'])}", ITEM)
            for item in section["items"]
        ]
        body = items + paragraphs if section.get("items_first") else paragraphs + items
        story.append(KeepTogether([_p(section["heading"], H2), *body]))
    story += _signatures(copy)
    if copy.sha256:
        story += [
            Spacer(1, 10),
            _p(f"{w['locked']} {copy.locked_on}."),
            _p(w["check"], H2),
            _p(copy.check_code, TYPED),
            _p(copy.sha256, CODE),
            *(warning or [_p(w["check_hint"])]),
        ]
    else:
        story.append(_p(w["not_signed"], H2))
    footer = f"{w['reference']} {copy.reference}"
    if copy.check_code:
        footer += f"   {w['check']} {copy.check_code}"
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        invariant=1,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2.2 * cm,
        title=f"{w['title']} {copy.reference}",
        author="",
        subject="",
        lang="en-GB",
    )
    doc.build(story, canvasmaker=_numbered_canvas(footer, w["page"], w["of"]))
    return out.getvalue()
