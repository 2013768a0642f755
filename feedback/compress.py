"""Compressed pages, from Flask-Compress, for same-site requests only.

BREACH: an attacker who can put words into a page and make the victim's browser load
it many times can learn a secret on the page (a CSRF token) from how well it compresses.
That needs requests from the attacker's site; browsers say where a request comes from
(`Sec-Fetch-Site`), so a page asked for from another site, or by a browser that does not
say, goes uncompressed and its length gives nothing away. Static files are served by
WhiteNoise (`feedback.static`); in production the reverse proxy may compress them.
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_compress import Compress

compress = Compress()
SAME_SITE = ("same-origin", "none")  # our own pages, or an address typed or bookmarked


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_REGISTER", False)  # only through the hook below
    app.config.setdefault("COMPRESS_ALGORITHM", ["gzip"])
    app.config.setdefault("COMPRESS_STREAMS", False)  # exports stream in constant memory
    compress.init_app(app)

    @app.after_request
    def compress_same_site(response: Response) -> Response:
        response.vary.add("Sec-Fetch-Site")
        if request.headers.get("Sec-Fetch-Site") in SAME_SITE:
            return compress.after_request(response)
        return response
