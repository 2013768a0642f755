"""The embedded fonts, and turning any user string into safe, printable Paragraph markup.

Both come from the one module every PDF shares (feedback/pdf_fonts.py): Welsh, Urdu
(shaped, right to left) and emoji print as written.
"""

from __future__ import annotations

from feedback.pdf_fonts import BOLD, REGULAR, markup, printable, register

__all__ = ["BOLD", "REGULAR", "fonts", "markup", "printable"]


def fonts() -> tuple[str, str]:
    """Register the embedded TrueType fonts once (never downloaded)."""
    return register()
