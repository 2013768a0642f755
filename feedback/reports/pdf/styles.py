"""Type sizes and paragraph styles for each edition."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from feedback.reports.pdf.text import BOLD, REGULAR, fonts

INK, BRAND, SOFT, LIGHT, LINE = (
    colors.HexColor("#1b1b1b"),
    colors.HexColor("#0b5394"),
    colors.HexColor("#f3f6f9"),
    colors.HexColor("#9fc5e8"),
    colors.HexColor("#767676"),
)


@dataclass(frozen=True)
class Look:
    """Type sizes for an edition: Easy Read wants large type and plenty of space."""

    body: float
    h1: float
    h2: float
    title: float
    margin: float = 18 * mm


FAMILY_LOOK = Look(body=17, h1=30, h2=22, title=40, margin=20 * mm)
BOARD_LOOK = Look(body=10, h1=18, h2=14, title=30)


def styles(look: Look) -> dict[str, ParagraphStyle]:
    """The named paragraph styles for one look. Headings stay with what follows them."""
    fonts()
    size = look.body

    def style(name: str, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", REGULAR)
        kw.setdefault("fontSize", size)
        kw.setdefault("leading", kw["fontSize"] * 1.45)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, **kw)

    return {
        "body": style("body", spaceAfter=size * 0.6),
        "bullet": style(
            "bullet",
            spaceAfter=size * 0.4,
            bulletFontName=REGULAR,
            bulletFontSize=size,
            leftIndent=size * 1.3,
            bulletIndent=size * 0.2,
        ),
        "small": style("small", fontSize=size * 0.85, leading=size * 1.2),
        "cell": style("cell", fontSize=size * 0.85, leading=size * 1.1),
        "head": style("head", fontName=BOLD, fontSize=size * 0.85, leading=size * 1.1),
        "h1": style(
            "h1",
            fontName=BOLD,
            fontSize=look.h1,
            leading=look.h1 * 1.2,
            textColor=BRAND,
            spaceAfter=look.h1 * 0.5,
            keepWithNext=1,
        ),
        "h2": style(
            "h2",
            fontName=BOLD,
            fontSize=look.h2,
            leading=look.h2 * 1.25,
            spaceBefore=look.h2 * 0.7,
            spaceAfter=look.h2 * 0.35,
            keepWithNext=1,
        ),
        "h3": style(
            "h3",
            fontName=BOLD,
            fontSize=size * 1.1,
            leading=size * 1.4,
            textColor=BRAND,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.2,
            keepWithNext=1,
        ),
        "title": style(
            "title",
            fontName=BOLD,
            fontSize=look.title,
            leading=look.title * 1.2,
            textColor=BRAND,
            alignment=TA_CENTER,
            spaceAfter=look.title * 0.5,
        ),
        "subtitle": style(
            "subtitle",
            fontName=BOLD,
            fontSize=look.h2,
            leading=look.h2 * 1.3,
            alignment=TA_CENTER,
            spaceAfter=look.h2 * 0.8,
        ),
        "centre": style(
            "centre",
            fontSize=size * 1.1,
            leading=size * 1.5,
            alignment=TA_CENTER,
            spaceAfter=size * 0.6,
        ),
        "quote": style(
            "quote",
            leftIndent=size,
            rightIndent=size * 0.5,
            backColor=SOFT,
            borderColor=LIGHT,
            borderWidth=0,
            borderPadding=size * 0.5,
            spaceBefore=size * 0.8,
            spaceAfter=size * 1.1,
        ),
    }
