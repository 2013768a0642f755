"""What a request body may be: a form post, and nothing else.

Every page that takes a POST is an HTML form, so its body is
`application/x-www-form-urlencoded` (or `multipart/form-data`). Flask-WTF would also
read a JSON body into a form, where values may be numbers, lists or objects and skip
the cleaning every form value gets (`feedback.forms.CleanRequest`): so any other body
is refused here with a clear 415 page, before any view, limit or password check runs.
A POST with no body at all (a bare button) is left alone.

Values in the URL path are cleaned like form values, so that no way a value arrives
keeps a NUL byte or a right-to-left override.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.exceptions import UnsupportedMediaType

from feedback.forms import clean_text

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})


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
    if request.mimetype in FORM_TYPES:
        return
    if request.mimetype or has_body():
        raise NotAForm()


def clean_path_values(_endpoint: str | None, values: dict | None) -> None:
    """Clean the text taken from the URL's path, as form and query values are cleaned."""
    if values:
        for name, value in values.items():
            if isinstance(value, str):
                values[name] = clean_text(value)


def init_app(app: Flask) -> None:
    """Refuse non-form bodies before any view, and clean path values."""
    app.before_request(refuse_other_bodies)
    app.url_value_preprocessor(clean_path_values)
