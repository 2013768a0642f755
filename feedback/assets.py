"""Static files with content-hashed names, long cache lifetimes and gzip.

Templates keep writing `url_for('static', filename='css/app.css')`; the URL comes out as
`/static/css/app.<hash>.css`. A tablet on weak Wi-Fi then fetches each file once and
keeps it for a year: a changed file gets a new name, so nobody sees stale styles.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from flask import Flask, Response, abort, current_app, has_request_context, request
from werkzeug.security import safe_join

from feedback.compress import TEXT_TYPES

HASH_LENGTH = 12
HASHED_NAME = re.compile(rf"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})(?P<ext>\.[\w]+)$")
FOREVER = "public, max-age=31536000, immutable"
# Unhashed or out-of-date names: the browser may keep the file but must check it first.
REVALIDATE = "no-cache"
RECHECK_SECONDS = 2.0


@dataclass(frozen=True)
class StaticFile:
    key: tuple[int, int]  # (mtime_ns, size): re-read the file when either changes
    digest: str
    body: bytes
    gzipped: bytes | None
    mimetype: str


_cache: dict[str, StaticFile] = {}


def _load(path: str) -> StaticFile | None:
    """Read one static file (cached until it changes on disk)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached.key == key:
        return cached
    body = Path(path).read_bytes()
    mimetype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    gzipped = None
    if mimetype in TEXT_TYPES:
        packed = gzip.compress(body, compresslevel=9, mtime=0)
        gzipped = packed if len(packed) < len(body) else None
    digest = hashlib.sha256(body).hexdigest()[:HASH_LENGTH]
    entry = StaticFile(key, digest, body, gzipped, mimetype)
    _cache[path] = entry
    return entry


_paths: dict[tuple[str, str], str | None] = {}


def _path(filename: str) -> str | None:
    """The file's path inside the static folder (None if the name tries to leave it)."""
    key = (current_app.static_folder, filename)
    if key not in _paths:
        if len(_paths) > 10_000:  # names come from URLs: do not grow without bound
            _paths.clear()
        _paths[key] = safe_join(*key)
    return _paths[key]


_names: dict[tuple[str, str], tuple[float, str]] = {}


def hashed_name(filename: str) -> str:
    """`css/app.css` -> `css/app.<hash>.css`, or the name unchanged if there is no such file.

    Pages ask for the same few names on every request: outside debug and testing, a
    name is looked up on disk at most every RECHECK_SECONDS.
    """
    key = (current_app.static_folder, filename)
    now = time.monotonic()
    known = _names.get(key)
    if (
        known
        and now - known[0] < RECHECK_SECONDS
        and not (current_app.debug or current_app.testing)
    ):
        return known[1]
    path = _path(filename)
    entry = _load(path) if path else None
    if entry is None:
        return filename
    stem, dot, ext = filename.rpartition(".")
    if not dot or "/" in ext:
        name = f"{filename}.{entry.digest}"
    else:
        name = f"{stem}.{entry.digest}.{ext}"
    _names[key] = (now, name)
    return name


def _resolve(filename: str) -> tuple[StaticFile, bool] | None:
    """Find the file a URL names; say whether its hash is the current one."""
    path = _path(filename)
    entry = _load(path) if path else None
    if entry is not None:
        return entry, False
    match = HASHED_NAME.match(filename)
    if not match:
        return None
    path = _path(match["stem"] + match["ext"])
    entry = _load(path) if path else None
    if entry is None:
        return None
    return entry, entry.digest == match["hash"]


def serve_static(filename: str) -> Response:
    """Serve a static file, gzipped when the browser accepts it."""
    found = _resolve(filename)
    if found is None:
        abort(404)
    entry, current = found
    use_gzip = entry.gzipped is not None and request.accept_encodings.quality("gzip") > 0
    response = Response(entry.gzipped if use_gzip else entry.body, mimetype=entry.mimetype)
    if use_gzip:
        response.headers["Content-Encoding"] = "gzip"
    if entry.gzipped is not None:
        response.vary.add("Accept-Encoding")
    response.set_etag(entry.digest + ("-gz" if use_gzip else ""))
    response.headers["Cache-Control"] = FOREVER if current else REVALIDATE
    return response.make_conditional(request)


def url_for(endpoint: str, **values) -> str:
    """Flask's `url_for` for templates, with a short cut for static files.

    A survey screen links a stylesheet, a script and a picture per answer; building
    each through the URL map cost more than the rest of the template around it.
    """
    if endpoint == "static" and len(values) == 1 and "filename" in values and has_request_context():
        name = quote(hashed_name(values["filename"]), safe="/!$&'()*+,:;=@")
        prefix = current_app.extensions.get("static_url_path") or current_app.static_url_path
        return f"{request.script_root}{prefix}/{name}"
    return current_app.url_for(endpoint, **values)


def init_app(app: Flask) -> None:
    app.view_functions["static"] = serve_static
    app.jinja_env.globals["url_for"] = url_for
    app.extensions["static_url_path"] = app.static_url_path  # a property worked out each time

    @app.url_defaults
    def hash_static_names(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values:
            values["filename"] = hashed_name(values["filename"])
