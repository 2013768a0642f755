"""Gzip for pages and other text the app builds, when the browser accepts it.

Static files are compressed once, in `feedback.assets`. Streamed responses (CSV
exports) are left alone: compressing them here would mean holding them in memory.
"""

from __future__ import annotations

import gzip
import secrets

from flask import Flask, Response, request

TEXT_TYPES = {
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
}
MIN_SIZE = 500  # below this the gzip header costs more than it saves
LEVEL = 6
# A survey screen is 2-8 KB: at the fastest level it comes out under 100 bytes bigger
# (less than one network packet) in two thirds of the time. Bigger pages get LEVEL.
SMALL, SMALL_LEVEL = 8 * 1024, 1
# "Heal the BREACH": a random-length gzip file name hides the compressed length a little,
# so an attacker who can inject text into a page cannot read a token byte by byte.
MAX_PADDING = 100


def gzip_bytes(data: bytes, padding: int = MAX_PADDING) -> bytes:
    """Compress `data`, with a file name of random length (0-`padding` bytes) in the header."""
    level = SMALL_LEVEL if len(data) < SMALL else LEVEL
    packed = gzip.compress(data, compresslevel=level, mtime=0)
    if not padding:
        return packed
    header = bytearray(packed[:10])
    header[3] |= gzip.FNAME
    name = b"a" * secrets.randbelow(padding + 1) + b"\x00"
    return bytes(header) + name + packed[10:]


def should_compress(response: Response, mimetype: str) -> bool:
    if response.direct_passthrough or response.is_streamed:
        return False
    if response.status_code < 200 or response.status_code in (204, 206, 304):
        return False
    if "Content-Encoding" in response.headers or mimetype not in TEXT_TYPES:
        return False
    return response.content_length is not None and response.content_length >= MIN_SIZE


def accepts_gzip() -> bool:
    offered = request.headers.get("Accept-Encoding", "")
    if "gzip" not in offered and "*" not in offered:
        return False
    # Parse properly only when there are weights ("gzip;q=0" means no).
    return "q=" not in offered or request.accept_encodings.quality("gzip") > 0


def add_vary(response: Response) -> None:
    vary = response.headers.get("Vary")
    if not vary:
        response.headers["Vary"] = "Accept-Encoding"
    elif "accept-encoding" not in vary.lower():
        response.headers["Vary"] = f"{vary}, Accept-Encoding"


def init_app(app: Flask) -> None:
    @app.after_request
    def compress(response: Response) -> Response:
        if request.endpoint == "static":  # already compressed once, in feedback.assets
            return response
        if 300 <= response.status_code < 400:  # a redirect's few words are never worth it
            return response
        mimetype = response.mimetype
        if mimetype not in TEXT_TYPES:
            return response
        add_vary(response)
        if not should_compress(response, mimetype) or not accepts_gzip():
            return response
        response.set_data(gzip_bytes(response.get_data()))
        response.headers["Content-Encoding"] = "gzip"
        etag, weak = response.get_etag()
        if etag:
            response.set_etag(etag + "-gz", weak)
        return response
