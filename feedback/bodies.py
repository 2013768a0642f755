"""What a request body may be: a form post, and nothing else.

Every page that takes a POST is an HTML form, so its body is
`application/x-www-form-urlencoded` (or `multipart/form-data`). Flask-WTF would also
read a JSON body into a form, where values may be numbers, lists or objects and skip
the cleaning every form value gets (`feedback.forms.CleanRequest`): so any other body
is refused here with a clear 415 page, before any view, limit or password check runs.
A POST with no body at all (a bare button) is left alone.

The body is read here too, first of all, with a time limit on each read when gunicorn
serves the app: a client that stops sending part-way (a slow or broken upload, a chunked
body that never ends) gets a 408 after BODY_READ_SECONDS instead of holding a worker
thread, and a malformed body a 400, never a 500.

Values in the URL path are cleaned like form values, so that no way a value arrives
keeps a NUL byte or a right-to-left override.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.exceptions import BadRequest, HTTPException, RequestTimeout, UnsupportedMediaType

from feedback.forms import clean_text

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})
BODY_READ_SECONDS = 5.0  # the longest a read of the body may wait for the client


class NotAForm(UnsupportedMediaType):
    description = "This page only takes what its form sends. Please go back and use the form."


def has_body() -> bool:
    """Whether the request says it carries a body (a length above 0, or chunks)."""
    if request.content_length:
        return True
    return "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def refuse_other_bodies() -> None:
    """A 415 for a body that is not a form post (JSON, text, or no type given)."""
    if request.method not in WITH_BODY:
        return
    if request.mimetype not in FORM_TYPES:
        if request.mimetype or has_body():
            raise NotAForm()
        return
    if has_body():
        _read_form_in_time()


def _read_form_in_time() -> None:
    sock = request.environ.get("gunicorn.socket")  # gunicorn's documented environ key
    if sock is not None:
        sock.settimeout(BODY_READ_SECONDS)  # gunicorn resets it for the next request
    try:
        request.form  # noqa: B018  (parsed once here; every later use reads the result)
    except HTTPException:
        raise  # too large, a field too long: their own clear pages
    except TimeoutError as error:
        raise RequestTimeout() from error
    except Exception as error:  # the server's parser refusing a malformed body
        raise BadRequest(
            "That could not be read. Please go back and send the form again."
        ) from error


def clean_path_values(_endpoint: str | None, values: dict | None) -> None:
    """Clean the text taken from the URL's path, as form and query values are cleaned."""
    if values:
        for name, value in values.items():
            if isinstance(value, str):
                values[name] = clean_text(value)


def init_app(app: Flask) -> None:
    """Refuse non-form bodies before anything reads them, and clean path values."""
    # First of all: CSRF protection's own hook reads the form, and must find it read.
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_other_bodies)
    app.url_value_preprocessor(clean_path_values)
