"""A small PDF builder on reportlab: the ONLY module that imports reportlab for reports.

Editions (`family.py`, `board.py`) describe the pages with this builder; it escapes every
string before it reaches a Paragraph (so `I feel <b>sad` or `<img src=...>` print as plain
text and nothing is fetched), swaps characters the font lacks (emoji) for safe ones, embeds
DejaVu Sans, adds bookmarks and page numbers, and renders with `invariant=1` so the same
report gives the same bytes.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Only escaping output here; nothing is parsed as XML.
from xml.sax.saxutils import escape  # nosec B406

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from feedback.reports.pictures import PICTURES

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
INK, BRAND, SOFT, LIGHT = (
    colors.HexColor("#1b1b1b"),
    colors.HexColor("#0b5394"),
    colors.HexColor("#f3f6f9"),
    colors.HexColor("#9fc5e8"),
)
# Emoji the font lacks, drawn as a close sign it has; anything else missing is dropped.
STAND_INS = {
    "😀": "☺",
    "🙂": "☺",
    "😊": "☺",
    "😃": "☺",
    "😄": "☺",
    "😁": "☺",
    "🥰": "♥",
    "😍": "♥",
    "🙁": "☹",
    "😞": "☹",
    "😢": "☹",
    "😭": "☹",
    "😠": "☹",
    "😡": "☹",
    "☹️": "☹",
    "❤": "♥",
    "💖": "♥",
    "💕": "♥",
    "💙": "♥",
    "⭐": "★",
    "🌟": "★",
    "✅": "✓",
    "👍": "✓",
}


@cache
def fonts() -> tuple[str, str]:
    """Register the embedded TrueType fonts once (shipped in the repo, never downloaded)."""
    for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    return REGULAR, BOLD


@cache
def _glyphs() -> frozenset[int]:
    fonts()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


def printable(text: str) -> str:
    """Replace characters the font cannot draw: emoji get a stand-in or are dropped."""
    glyphs = _glyphs()
    out = []
    for char in unicodedata.normalize("NFC", text or ""):
        if ord(char) in glyphs or char in "\n\t":
            out.append(char)
        elif char in STAND_INS:
            out.append(STAND_INS[char])
        elif unicodedata.category(char) == "Zs":
            out.append(" ")
    return "".join(out)


def markup(text: str) -> str:
    """Turn any user string into safe Paragraph markup: escaped, printable, line breaks kept."""
    return escape(printable(text)).replace("\n", "<br/>")


@dataclass(frozen=True)
class Look:
    """Type sizes for an edition: Easy Read wants large type and plenty of space."""

    body: float
    h1: float
    h2: float
    title: float
    margin: float = 18 * mm


FAMILY_LOOK = Look(body=17, h1=30, h2=22, title=40, margin=20 * mm)
BOARD_LOOK = Look(body=10, h1=18, h2=13, title=28)


def _drawing(number: int, size: float) -> Drawing:
    """Turn a principle's picture (plain shapes on a 100 x 100 grid) into a Drawing."""
    drawing = Drawing(size, size, initialFontName=REGULAR)
    drawing.hAlign = "CENTER"
    k = size / 100
    for s in PICTURES[number]:
        p = [v * k for v in s.points]
        paint = {
            "fillColor": colors.HexColor(s.fill) if s.fill else None,
            "strokeColor": colors.HexColor(s.stroke) if s.stroke else None,
            "strokeWidth": s.width * k,
            "strokeLineCap": 1,
            "strokeLineJoin": 1,
        }
        if s.kind == "circle":
            shape = Circle(p[0], p[1], p[2], **paint)
        elif s.kind == "ellipse":
            shape = Ellipse(p[0], p[1], p[2], p[3], **paint)
        elif s.kind == "rect":
            shape = Rect(p[0], p[1], p[2], p[3], rx=p[4], ry=p[4], **paint)
        elif s.kind == "line":
            paint.pop("fillColor")
            shape = Line(p[0], p[1], p[2], p[3], **paint)
        elif s.closed:
            shape = Polygon(p, **paint)
        else:
            paint.pop("fillColor")
            shape = PolyLine(p, **paint)
        drawing.add(shape)
    return drawing


class _Bookmark(Flowable):
    """An invisible mark that puts an entry in the PDF's bookmarks (outline)."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(printable(self.title), self.key, level=self.level)


class PdfDocument:
    """Collect the flowables of one report, then `render()` them to PDF bytes."""

    def __init__(
        self,
        title: str,
        look: Look,
        *,
        lang: str = "en-GB",
        subject: str = "",
        author: str = "",
        footer: str = "",
        page_word: str = "Page {n}",
    ) -> None:
        regular, bold = fonts()
        self.title, self.look, self.lang, self.subject, self.author = (
            title,
            look,
            lang,
            subject,
            author,
        )
        self.footer, self.page_word = footer, page_word
        self.story: list[Flowable] = []
        size = look.body
        self.styles = {
            "body": ParagraphStyle(
                "body",
                fontName=regular,
                fontSize=size,
                leading=size * 1.45,
                textColor=INK,
                spaceAfter=size * 0.6,
            ),
            "bullet": ParagraphStyle(
                "bullet",
                fontName=regular,
                fontSize=size,
                leading=size * 1.45,
                textColor=INK,
                spaceAfter=size * 0.4,
                bulletFontName=regular,
                leftIndent=size * 1.3,
                bulletIndent=size * 0.2,
            ),
            "small": ParagraphStyle(
                "small", fontName=regular, fontSize=size * 0.85, leading=size * 1.2, textColor=INK
            ),
            "cell": ParagraphStyle(
                "cell", fontName=regular, fontSize=size * 0.9, leading=size * 1.15, textColor=INK
            ),
            "h1": ParagraphStyle(
                "h1",
                fontName=bold,
                fontSize=look.h1,
                leading=look.h1 * 1.2,
                textColor=BRAND,
                spaceAfter=look.h1 * 0.5,
            ),
            "h2": ParagraphStyle(
                "h2",
                fontName=bold,
                fontSize=look.h2,
                leading=look.h2 * 1.25,
                textColor=INK,
                spaceBefore=look.h2 * 0.7,
                spaceAfter=look.h2 * 0.35,
            ),
            "title": ParagraphStyle(
                "title",
                fontName=bold,
                fontSize=look.title,
                leading=look.title * 1.2,
                textColor=BRAND,
                alignment=TA_CENTER,
                spaceAfter=look.title * 0.5,
            ),
            "centre": ParagraphStyle(
                "centre",
                fontName=regular,
                fontSize=size * 1.1,
                leading=size * 1.5,
                alignment=TA_CENTER,
                textColor=INK,
                spaceAfter=size * 0.6,
            ),
            "quote": ParagraphStyle(
                "quote",
                fontName=regular,
                fontSize=size,
                leading=size * 1.45,
                textColor=INK,
                leftIndent=size,
                borderColor=LIGHT,
                borderWidth=0,
                backColor=SOFT,
                borderPadding=size * 0.5,
                spaceBefore=size * 0.5,
                spaceAfter=size * 0.9,
            ),
        }

    # --- content -------------------------------------------------------------------
    def heading(self, text: str, level: int = 1, bookmark: str | None = None) -> None:
        if bookmark:
            self.story.append(_Bookmark(bookmark, text, level=max(0, level - 1)))
        self.story.append(Paragraph(markup(text), self.styles[f"h{level}"]))

    def title_block(self, title: str, lines: list[str], bookmark: str = "title") -> None:
        self.story.append(_Bookmark(bookmark, title))
        self.story.append(Spacer(1, 30 * mm))
        self.story.append(Paragraph(markup(title), self.styles["title"]))
        for line in lines:
            self.story.append(Paragraph(markup(line), self.styles["centre"]))

    def text(self, text: str, style: str = "body") -> None:
        self.story.append(Paragraph(markup(text), self.styles[style]))

    def bullets(self, items: list[str], style: str = "bullet") -> None:
        for item in items:
            self.story.append(Paragraph(markup(item), self.styles[style], bulletText="•"))

    def quote(self, text: str) -> None:
        self.story.append(Paragraph(f"\u201c{markup(text)}\u201d", self.styles["quote"]))

    def picture(self, number: int, size: float = 45 * mm) -> None:
        self.story.append(_drawing(number, size))

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def keep_together(self, build) -> None:
        """Run `build()` and keep what it adds on one page where it fits."""
        start = len(self.story)
        build()
        self.story[start:] = [KeepTogether(self.story[start:])]

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """A table of plain strings; `widths` are fractions of the text width."""
        cell = self.styles["cell"]
        head = ParagraphStyle("head", parent=cell, fontName=BOLD)
        data = [[Paragraph(markup(h), head) for h in header]]
        data += [[Paragraph(markup(str(v)), cell) for v in row] for row in rows]
        width = A4[0] - 2 * self.look.margin
        table = Table(data, colWidths=[w * width for w in widths], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#767676")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        self.story.append(table)
        self.story.append(Spacer(1, 4 * mm))

    def bar_chart(
        self,
        title: str,
        labels: list[str],
        series: list[list[int | None]],
        shown: list[list[str]],
        maximum: int | None = None,
    ) -> None:
        """Horizontal bars; None draws no bar, and `shown` gives each bar's printed label."""
        regular, bold = fonts()
        width = A4[0] - 2 * self.look.margin
        row = 14 * len(series) + 10
        height = row * len(labels) + 40
        drawing = Drawing(width, height, initialFontName=regular)
        drawing.add(String(0, height - 12, printable(title), fontName=bold, fontSize=10))
        chart = HorizontalBarChart()
        chart.x, chart.y = width * 0.42, 10
        chart.width, chart.height = width * 0.48, height - 40
        chart.data = [[v or 0 for v in reversed(s)] for s in series]
        chart.categoryAxis.categoryNames = [printable(x) for x in reversed(labels)]
        chart.categoryAxis.labels.fontName = regular
        chart.categoryAxis.labels.fontSize = 8
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = maximum or max(1, *(v or 0 for s in series for v in s))
        chart.valueAxis.labels.fontName = regular
        chart.valueAxis.labels.fontSize = 7
        chart.barLabelFormat = "values"
        chart.barLabelArray = [list(reversed(s)) for s in shown]
        chart.barLabels.fontName = regular
        chart.barLabels.fontSize = 7
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        chart.bars.strokeColor = None
        for n, colour in enumerate((BRAND, LIGHT, colors.HexColor("#6fa8dc"))[: len(series)]):
            chart.bars[n].fillColor = colour
        drawing.add(chart)
        self.story.append(drawing)
        self.story.append(Spacer(1, 4 * mm))

    # --- output --------------------------------------------------------------------
    def _decorate(self, canvas, doc) -> None:
        regular, _ = fonts()
        canvas.saveState()
        canvas.setFont(regular, 9 if self.look.body < 14 else 12)
        canvas.setFillColor(INK)
        y = self.look.margin / 2
        canvas.drawString(self.look.margin, y, printable(self.footer))
        canvas.drawRightString(
            A4[0] - self.look.margin, y, self.page_word.format(n=canvas.getPageNumber())
        )
        canvas.restoreState()

    def render(self) -> bytes:
        buffer = io.BytesIO()
        margin = self.look.margin
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin * 1.2,
            title=printable(self.title),
            author=printable(self.author),
            subject=printable(self.subject),
            creator="feedback",
            lang=self.lang,
            displayDocTitle=True,
            invariant=1,
            initialFontName=REGULAR,
        )
        doc.build(self.story, onFirstPage=self._first_page, onLaterPages=self._decorate)
        return buffer.getvalue()

    def _first_page(self, canvas, doc) -> None:
        canvas.showOutline()
        self._decorate(canvas, doc)
