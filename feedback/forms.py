"""Input hygiene shared by every form: Unicode normalised, control characters gone,
free text kept to a size a person could type.

Use `SafeForm` as the base of any form (it cleans every text field), or add
`filters=[clean_text]` to a single field. `FreeText` is a text area field with the
5,000-character limit and a clear message. Every form value is also cleaned once, on
the way in, by `CleanRequest` (see `init_app`), so a view reading `request.form` directly
is covered too.
"""

from __future__ import annotations

import re
import unicodedata

from flask import Flask, Request
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter
from wtforms import StringField, TextAreaField
from wtforms.validators import Length

FREE_TEXT_MAX = 5000
# Fields allowed past FREE_TEXT_MAX on the way in (drawn signatures are long data URLs).
LONG_FIELD_MARKERS = ("signature", "drawing")
# C0 and C1 controls, DEL, and the invisible formatting characters that can hide text
# (bidi overrides and isolates, byte-order mark). Tab and newline stay: people type them.
# Zero-width joiner/non-joiner stay: emoji sequences and some scripts need them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def clean_text(value):
    """Return `value` NFC-normalised with control characters removed (non-strings as they are).

    Windows and old-Mac line endings become plain newlines.
    """
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", value))


class SafeForm(FlaskForm):
    """A FlaskForm whose text fields are all cleaned with `clean_text` before validation."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = tuple(options.get("filters") or unbound_field.kwargs.get("filters", ()))
            if issubclass(unbound_field.field_class, StringField) and clean_text not in filters:
                filters = (clean_text, *filters)
            options["filters"] = filters
            return unbound_field.bind(form=form, **options)


class FreeText(TextAreaField):
    """A text area for what people write: at most 5,000 characters, with a clear message."""

    def __init__(self, label=None, validators=None, max_length: int = FREE_TEXT_MAX, **kwargs):
        message = f"Please keep this to {max_length:,} characters or fewer."
        validators = [*(validators or []), Length(max=max_length, message=message)]
        render_kw = {"maxlength": max_length, **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)


class FieldTooLong(RequestEntityTooLarge):
    """One form field was far longer than anyone could type."""


def _is_long_field(name: str) -> bool:
    return any(marker in name for marker in LONG_FIELD_MARKERS) or "password" in name


class CleanRequest(Request):
    """A request whose form and query values are cleaned once, as they are parsed.

    Passwords are left exactly as typed (a password may contain anything). A field over
    the limit is refused with a friendly 413 page rather than stored cut short.
    """

    def _clean(self, data: ImmutableMultiDict) -> ImmutableMultiDict:
        items = []
        for key, value in data.items(multi=True):
            if "password" not in key:
                value = clean_text(value)
            if isinstance(value, str) and len(value) > FREE_TEXT_MAX and not _is_long_field(key):
                raise FieldTooLong(f"The field {key!r} was longer than {FREE_TEXT_MAX} characters.")
            items.append((clean_text(key), value))
        return ImmutableMultiDict(items)

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = self._clean(self.__dict__["form"])

    @property
    def args(self):  # type: ignore[override]
        cleaned = self.__dict__.get("_clean_args")
        if cleaned is None:
            cleaned = self.__dict__["_clean_args"] = self._clean(super().args)
        return cleaned


class DatabaseIntConverter(IntegerConverter):
    """`<int:...>` in URLs, but only numbers a database id column can hold.

    A made-up id like 99999999999999999999 is then a 404, not an overflow in the database.
    """

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits, min, 2**31 - 1 if max is None else max, signed)


def init_app(app: Flask) -> None:
    """Clean every request's input; bound URL ids. Call before registering blueprints."""
    app.request_class = CleanRequest
    app.url_map.converters["int"] = DatabaseIntConverter
    proxies = app.config.get("TRUSTED_PROXIES", 0)
    if proxies:
        # Behind a load balancer, sign-in limits must count the visitor's address, not
        # the balancer's: trust exactly this many X-Forwarded-For hops, no more.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
