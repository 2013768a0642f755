"""Drawings a child makes instead of (or as well as) writing: a PNG as a data URL."""

from __future__ import annotations

import base64
import binascii
import re

PREFIX = "data:image/png;base64,"
MAX_CHARS = 600_000  # about 450 KB of PNG: a finger drawing is usually 10-60 KB
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


def is_drawing(value: str | None) -> bool:
    """True if `value` is a PNG data URL of a sensible size (and nothing else)."""
    if not value or len(value) > MAX_CHARS or not value.startswith(PREFIX):
        return False
    data = value[len(PREFIX) :]
    if not _BASE64.match(data):
        return False
    try:
        head = base64.b64decode(data[:24], validate=True)
    except (binascii.Error, ValueError):
        return False
    return head.startswith(PNG_SIGNATURE)


def png_bytes(value: str) -> bytes:
    """The PNG bytes of a stored drawing; ValueError if it is not one."""
    if not is_drawing(value):
        raise ValueError("not a drawing")
    try:
        return base64.b64decode(value[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not a drawing") from None
