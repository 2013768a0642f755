"""A small PDF builder on reportlab: the ONLY package that imports reportlab for reports.

Editions (`family.py`, `board.py`) describe their pages with `PdfDocument`; it escapes
every string before it reaches a Paragraph (so `I feel <b>sad` or `<img src=...>` print as
plain text and nothing is fetched), swaps characters the font lacks (emoji) for safe ones,
embeds DejaVu Sans, adds bookmarks and page numbers, and renders with `invariant=1` so the
same report gives the same bytes.
"""

from feedback.reports.pdf.document import PdfDocument
from feedback.reports.pdf.styles import BOARD_LOOK, FAMILY_LOOK, Look
from feedback.reports.pdf.text import markup, printable

__all__ = ["BOARD_LOOK", "FAMILY_LOOK", "Look", "PdfDocument", "markup", "printable"]
