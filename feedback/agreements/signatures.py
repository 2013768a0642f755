"""Check a drawn signature and keep a clean copy of it.

The browser sends a PNG data URL from the signature pad. We never trust it: the size is
limited before decoding, the PNG header is read before Pillow opens it, an empty drawing
is refused, and the image is cropped and re-encoded so no extra chunks or metadata stay.
"""

from __future__ import annotations

import base64
import binascii
import struct
from io import BytesIO

from PIL import Image

PREFIX = "data:image/png;base64,"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_DATA_URL = 400_000  # characters: about 300 KB of PNG
MAX_WIDTH, MAX_HEIGHT = 3000, 1500
PADDING = 8


class BadDrawing(ValueError):
    """A drawing we cannot take. `code` names the words to show (words.toml [errors])."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def clean_drawing(data_url: str) -> str:
    """Return a re-encoded, cropped PNG data URL, or raise BadDrawing."""
    if not data_url:
        raise BadDrawing("drawing_missing")
    if len(data_url) > MAX_DATA_URL:
        raise BadDrawing("drawing_too_big")
    if not data_url.startswith(PREFIX):
        raise BadDrawing("drawing_bad")
    try:
        raw = base64.b64decode(data_url[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise BadDrawing("drawing_bad") from None
    if len(raw) < 33 or not raw.startswith(PNG_MAGIC) or raw[12:16] != b"IHDR":
        raise BadDrawing("drawing_bad")
    width, height = struct.unpack(">II", raw[16:24])
    if not (0 < width <= MAX_WIDTH and 0 < height <= MAX_HEIGHT):
        raise BadDrawing("drawing_too_big")
    try:
        with Image.open(BytesIO(raw)) as img:
            img.load()
            rgba = img.convert("RGBA")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise BadDrawing("drawing_bad") from None
    box = rgba.getchannel("A").getbbox()
    if box is None:
        raise BadDrawing("drawing_empty")
    left, top, right, bottom = box
    cropped = rgba.crop(
        (
            max(0, left - PADDING),
            max(0, top - PADDING),
            min(rgba.width, right + PADDING),
            min(rgba.height, bottom + PADDING),
        )
    )
    out = BytesIO()
    cropped.save(out, "PNG", optimize=True)
    return PREFIX + base64.b64encode(out.getvalue()).decode("ascii")


def drawing_bytes(data_url: str) -> bytes:
    """The PNG bytes of a stored (already cleaned) drawing."""
    return base64.b64decode(data_url[len(PREFIX) :])
