"""Static files, served by WhiteNoise with a year-long cache, at addresses that change
when the file does: `url_for('static', filename='css/app.css')` gives
`/static/css/app.css?v=<hash of its content>`. A tablet on weak Wi-Fi fetches each file
once; a changed file has a new address, so nobody sees stale styles."""

from __future__ import annotations

import hashlib
import os
import stat as stat_mode
from functools import lru_cache

from flask import Flask
from werkzeug.security import safe_join
from whitenoise import WhiteNoise

YEAR = 365 * 24 * 3600


@lru_cache(maxsize=512)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:12]


def content_hash(folder: str, filename: str) -> str | None:
    """A short hash of the file's content (None if there is no such file)."""
    path = safe_join(folder, filename)
    try:
        stat = os.stat(path) if path else None
    except OSError:
        return None
    if stat is None or not stat_mode.S_ISREG(stat.st_mode):  # one look at the disk, not two
        return None
    return _digest(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=512)
def _content_hash_at_start(folder: str, filename: str) -> str | None:
    return content_hash(folder, filename)


def init_app(app: Flask) -> None:
    from feedback.web import security_headers_for

    def add_security_headers(headers, path: str, url: str) -> None:
        for name, value in security_headers_for(app):
            headers[name] = value

    app.wsgi_app = WhiteNoise(
        app.wsgi_app,
        root=app.static_folder,
        prefix=app.static_url_path,
        max_age=YEAR,
        autorefresh=app.debug or app.testing,
        add_headers_function=add_security_headers,
        allow_all_origins=False,
    )

    # Like WhiteNoise, which (without autorefresh) finds the files once, at start: in
    # production each file's hash is worked out once per worker, not looked up on disk
    # on every page (a page links three to eight files; a deploy restarts the workers).
    hashed = content_hash if app.debug or app.testing else _content_hash_at_start

    @app.url_defaults
    def version_static_files(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            version = hashed(app.static_folder, values["filename"])
            if version:
                values["v"] = version
