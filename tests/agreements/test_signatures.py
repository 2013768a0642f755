"""Drawn signatures: checked, size-limited, cropped and re-encoded."""

import base64
import struct
import zlib
from io import BytesIO

import pytest
from PIL import Image

from feedback.agreements.signatures import (
    MAX_DATA_URL,
    PREFIX,
    BadDrawing,
    clean_drawing,
    drawing_bytes,
)
from tests.agreements.conftest import drawn_png


def test_a_drawing_is_cropped_and_re_encoded():
    clean = clean_drawing(drawn_png(600, 220))
    assert clean.startswith(PREFIX)
    with Image.open(BytesIO(drawing_bytes(clean))) as image:
        assert image.width < 600 and image.height < 220  # cropped to the ink


def test_metadata_chunks_are_dropped():
    image = Image.new("RGBA", (50, 20), (0, 0, 0, 0))
    image.putpixel((10, 10), (0, 0, 0, 255))
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "tracking-id-123")
    out = BytesIO()
    image.save(out, "PNG", pnginfo=info)
    raw = out.getvalue()
    assert b"tracking-id-123" in raw
    clean = clean_drawing(PREFIX + base64.b64encode(raw).decode())
    assert b"tracking-id-123" not in drawing_bytes(clean)


def _png_header_only(width: int, height: int) -> str:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = (
        struct.pack(">I", len(ihdr))
        + b"IHDR"
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    )
    return PREFIX + base64.b64encode(b"\x89PNG\r\n\x1a\n" + chunk).decode()


@pytest.mark.parametrize(
    ("data_url", "code"),
    [
        ("", "drawing_missing"),
        (drawn_png(ink=False), "drawing_empty"),
        ("data:image/jpeg;base64,/9j/4AAQ", "drawing_bad"),
        (PREFIX + "not base64!!", "drawing_bad"),
        (PREFIX + base64.b64encode(b"GIF89a....").decode(), "drawing_bad"),
        (_png_header_only(100_000, 100_000), "drawing_too_big"),
        (_png_header_only(100, 50), "drawing_bad"),  # header but no image data
        (PREFIX + "A" * MAX_DATA_URL, "drawing_too_big"),
    ],
)
def test_bad_drawings_are_refused_with_a_reason(data_url, code):
    with pytest.raises(BadDrawing) as refused:
        clean_drawing(data_url)
    assert refused.value.code == code
