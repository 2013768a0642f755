"""Fonts for every PDF, and a font picked for each piece of text.

Every PDF (reports, agreements, subject access) embeds these, so a name or a comment in
Welsh, Urdu or with emoji prints as written:

- DejaVu Sans (shipped in feedback/reports/fonts): Latin, Welsh (ŵ ŷ), Greek, Cyrillic;
- Noto Naskh Arabic (Debian fonts-noto-core): Urdu and Arabic. reportlab does not shape
  Arabic script, so runs of right-to-left text are shaped with arabic-reshaper and put in
  visual order with python-bidi before they are drawn;
- Symbola (Debian fonts-symbola): emoji, in one colour (reportlab cannot draw colour fonts).

`markup(text)` turns any user string into safe Paragraph markup (escaped, one `<font>` tag
per run of text the body font cannot draw); `printable(text)` does the same for one-font
canvas strings (footers, bookmarks, metadata). Characters no font has get a close stand-in
or are left out. scripts/system-deps.sh installs the Debian fonts.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache
from pathlib import Path

# Only escaping output here; nothing is parsed as XML.
from xml.sax.saxutils import escape  # nosec B406

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SHIPPED = Path(__file__).resolve().parent / "reports" / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ARABIC, ARABIC_BOLD = "NotoNaskhArabic", "NotoNaskhArabic-Bold"
EMOJI = "Symbola"
FILES = {
    REGULAR: SHIPPED / "DejaVuSans.ttf",
    BOLD: SHIPPED / "DejaVuSans-Bold.ttf",
    ARABIC: Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
    ARABIC_BOLD: Path("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf"),
    EMOJI: Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
}
# Emoji no installed font has (newer than Symbola), drawn as a close sign; others dropped.
STAND_INS = {
    **dict.fromkeys("🤏", "·"),
    **dict.fromkeys("🛟🆘", "!"),
    **dict.fromkeys("🧸🥰", "☺"),
}
# Skin tones, the emoji joiner and the emoji-style selector only change a colour emoji;
# drawn alone in one colour they would be stray marks, so they are left out.
SILENT = frozenset("\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff\u200d\ufe0f")
RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# a right-to-left run: RTL letters, with the spaces, digits and marks between them
RTL_RUN = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"
    r"(?:[\s\d.,:;!?()\"'\u060c\u061b\u061f\u06d4-]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])*"
)
RTL_LINE = 30  # characters: fits a line of the narrowest column any PDF has
log = logging.getLogger(__name__)


class FullUnicodeFont(TTFont):
    """A TrueType font whose text layer also carries characters above U+FFFF (emoji).

    reportlab writes each character's code in the ToUnicode map as hex, which for emoji is
    five digits that PDF readers misread (😀 comes out as ὠ when copied or read aloud);
    the map wants them as UTF-16 pairs. This rewrites only those entries of this font's
    maps, after reportlab has made them.
    """

    def addObjects(self, doc):  # noqa: N802 (reportlab's name)
        before = {k for k in doc.idToObject if str(k).startswith("toUnicodeCMap:")}
        super().addObjects(doc)
        for key, stream in doc.idToObject.items():
            if str(key).startswith("toUnicodeCMap:") and key not in before:
                stream.content = re.sub(r"<([0-9A-F]{5,6})>", _utf16, stream.content)


def _utf16(match: re.Match) -> str:
    return "<" + chr(int(match.group(1), 16)).encode("utf-16-be").hex().upper() + ">"


@cache
def register() -> tuple[str, str]:
    """Register the fonts once (never downloaded); returns the body fonts (regular, bold)."""
    for name, file in FILES.items():
        if file.exists():
            pdfmetrics.registerFont(FullUnicodeFont(name, str(file)))
        elif name not in (REGULAR, BOLD):
            log.warning("PDF font %s is missing (%s): run scripts/system-deps.sh", name, file)
    family = pdfmetrics.registerFontFamily
    family(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    if ARABIC in _glyphs():
        bold = ARABIC_BOLD if ARABIC_BOLD in _glyphs() else ARABIC
        family(ARABIC, normal=ARABIC, bold=bold, italic=ARABIC, boldItalic=bold)
    return REGULAR, BOLD


@cache
def _glyphs() -> dict[str, frozenset[int]]:
    """The characters each registered font can draw."""
    found = {}
    for name in FILES:
        try:
            found[name] = frozenset(pdfmetrics.getFont(name).face.charToGlyph)
        except KeyError:
            continue  # not installed: warned about in register()
    return found


def _rtl_lines(run: str) -> str:
    """Shape a right-to-left run and put it in drawing order, a short line at a time.

    reportlab lays text out left to right and wraps it after we have reordered it, so a
    reordered passage wrapped over two lines would start on the second. Each piece of at
    most RTL_LINE characters is kept whole (no-break spaces) on a line of its own.
    """
    lines, line = [], ""
    for word in run.split():
        if line and len(line) + 1 + len(word) > RTL_LINE:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    shaped = (get_display(arabic_reshaper.reshape(x)).replace(" ", "\u00a0") for x in lines)
    return "\n".join(shaped)


def _visual(text: str) -> str:
    """Shape right-to-left runs (Urdu, Arabic) and put them in the order they are drawn."""
    return RTL_RUN.sub(lambda m: _rtl_lines(m.group()), text)


def _font_for(char: str) -> str | None:
    glyphs = _glyphs()
    order = (ARABIC, REGULAR, EMOJI) if RTL.match(char) else (REGULAR, EMOJI, ARABIC)
    return next((f for f in order if ord(char) in glyphs.get(f, ())), None)


def _runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs, in drawing order; characters no font has are swapped or dropped."""
    register()
    runs: list[tuple[str, str]] = []
    for char in _visual(unicodedata.normalize("NFC", text or "")):
        if char in SILENT:
            continue
        if char in "\n\t":
            font = REGULAR
        elif (font := _font_for(char)) is None:
            if char in STAND_INS:
                char, font = STAND_INS[char], REGULAR
            elif unicodedata.category(char) == "Zs":
                char, font = " ", REGULAR
            else:
                continue
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def markup(text: str) -> str:
    """Any user string as safe Paragraph markup: escaped, each run in a font that has it."""
    out = []
    for font, run in _runs(text):
        safe = escape(run).replace("\n", "<br/>")
        out.append(safe if font == REGULAR else f'<font name="{font}">{safe}</font>')
    return "".join(out)


def printable(text: str) -> str:
    """Any user string for one-font canvas text: shaped, with what the body font lacks
    swapped for a stand-in or left out."""
    return "".join(run for font, run in _runs(text) if font == REGULAR)
