"""The embedded fonts, and turning any user string into safe, printable Paragraph markup."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

# Only escaping output here; nothing is parsed as XML.
from xml.sax.saxutils import escape  # nosec B406

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parent.parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
# Emoji the font lacks, drawn as a close sign it has; anything else missing is dropped.
STAND_INS = {
    **dict.fromkeys("😀🙂😊😃😄😁😆🤗", "☺"),
    **dict.fromkeys("🙁😞😢😭😠😡😟😔", "☹"),
    **dict.fromkeys("❤💖💕💙💚💛💜🥰😍", "♥"),
    **dict.fromkeys("⭐🌟", "★"),
    **dict.fromkeys("✅👍", "✓"),
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
        # reportlab's text layer (what copy-paste and screen readers get) only carries
        # characters up to U+FFFF, so emoji above it always get a stand-in instead.
        if (ord(char) <= 0xFFFF and ord(char) in glyphs) or char in "\n\t":
            out.append(char)
        elif char in STAND_INS:
            out.append(STAND_INS[char])
        elif unicodedata.category(char) == "Zs":
            out.append(" ")
    return "".join(out)


def markup(text: str) -> str:
    """Turn any user string into safe Paragraph markup: escaped, printable, line breaks kept."""
    return escape(printable(text)).replace("\n", "<br/>")
