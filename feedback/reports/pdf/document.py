"""`PdfDocument`: collect a report's content, then render it to PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from feedback.reports.pdf.drawings import Bookmark, bar_chart, picture
from feedback.reports.pdf.styles import INK, LINE, SOFT, Look, styles
from feedback.reports.pdf.text import REGULAR, fonts, markup, printable


class PdfDocument:
    """One report's pages. Every string given to it is escaped and made printable."""

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
        fonts()
        self.title, self.look, self.lang = title, look, lang
        self.subject, self.author, self.footer, self.page_word = subject, author, footer, page_word
        self.styles = styles(look)
        self.story: list = []
        self.width = A4[0] - 2 * look.margin

    # --- content -------------------------------------------------------------------
    def heading(self, text: str, level: int = 1, bookmark: str | None = None) -> None:
        """A heading; with `bookmark`, also an entry in the PDF's bookmarks."""
        if bookmark:
            self.story.append(Bookmark(bookmark, text, level=max(0, level - 1)))
        self.story.append(Paragraph(markup(text), self.styles[f"h{level}"]))

    def title_page(
        self, title: str, subtitle: str, lines: list[str], pictures: tuple[int, ...] = ()
    ) -> None:
        """The first page's heading block (bookmarked), with an optional row of pictures."""
        self.story.append(Bookmark("title", title))
        self.story.append(Spacer(1, 20 * mm))
        if pictures:
            self.picture_row(pictures, size=self.width / (len(pictures) + 1))
            self.story.append(Spacer(1, 8 * mm))
        self.story.append(Paragraph(markup(title), self.styles["title"]))
        self.story.append(Paragraph(markup(subtitle), self.styles["subtitle"]))
        for line in lines:
            self.story.append(Paragraph(markup(line), self.styles["centre"]))

    def text(self, text: str, style: str = "body") -> None:
        self.story.append(Paragraph(markup(text), self.styles[style]))

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.story.append(Paragraph(markup(item), self.styles["bullet"], bulletText="•"))

    def quote(self, text: str) -> None:
        self.story.append(Paragraph(f"\u201c{markup(text)}\u201d", self.styles["quote"]))

    def picture(self, number: int, size: float = 36 * mm) -> None:
        self.story.append(picture(number, size))

    def picture_row(self, numbers: tuple[int, ...], size: float) -> None:
        row = Table([[picture(n, size * 0.85) for n in numbers]], colWidths=[size] * len(numbers))
        row.setStyle(
            TableStyle(
                [("ALIGN", (0, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 0), (-1, -1), REGULAR)]
            )
        )
        self.story.append(row)

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    @contextmanager
    def together(self) -> Iterator[None]:
        """Keep what is added inside on one page (moved on whole if it would split)."""
        start = len(self.story)
        yield
        block, self.story[start:] = self.story[start:], []
        self.story.append(KeepTogether(block))

    def new_page_unless_room(self, height_mm: float) -> None:
        """Start a new page only if less than `height_mm` is left on this one (a hard
        break after a section that just overflowed would leave a page almost empty)."""
        self.story.append(CondPageBreak(height_mm * mm))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """A table of plain strings; `widths` are fractions of the text width."""
        head, cell = self.styles["head"], self.styles["cell"]
        data = [[Paragraph(markup(h), head) for h in header]]
        data += [[Paragraph(markup(str(v)), cell) for v in row] for row in rows]
        table = Table(data, colWidths=[w * self.width for w in widths], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, LINE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
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
        """Horizontal bars (see `drawings.bar_chart`)."""
        self.story.append(bar_chart(self.width, title, labels, series, shown, maximum))
        self.story.append(Spacer(1, 3 * mm))

    # --- output --------------------------------------------------------------------
    def _decorate(self, canvas, doc) -> None:
        """Footer on every page: the report's name and its page number."""
        canvas.saveState()
        canvas.setFont(REGULAR, 9 if self.look.body < 14 else 12)
        canvas.setFillColor(INK)
        y = self.look.margin / 2
        canvas.drawString(self.look.margin, y, printable(self.footer))
        canvas.drawRightString(
            A4[0] - self.look.margin, y, self.page_word.format(n=canvas.getPageNumber())
        )
        canvas.restoreState()

    def _first_page(self, canvas, doc) -> None:
        canvas.showOutline()  # open the bookmarks panel: one entry per principle
        self._decorate(canvas, doc)

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
