"""Input hygiene shared by every form: Unicode normalised, control characters gone,
free text kept to a size a person could type.

Use `SafeForm` as the base of any form (it cleans every text field), or add
`filters=[clean_text]` to a single field. `FreeText` is a text area field with the
5,000-character limit and a clear message. Every form value is also cleaned once, on
the way in, by `CleanRequest` (see `init_app`), so a view reading `request.form` directly
is covered too.
"""

from __future__ import annotations

import hmac
import re
import unicodedata

from flask import Flask, Request, current_app, g, session
from flask_wtf import FlaskForm
from flask_wtf.csrf import generate_csrf, validate_csrf
from markupsafe import Markup, escape
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter
from wtforms import StringField, TextAreaField
from wtforms.csrf.core import CSRF
from wtforms.validators import Length
from wtforms.widgets import HiddenInput

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


MAX_SIGNED = 20000  # sessions whose signed CSRF token a worker keeps


def _kept_tokens() -> dict[str, str] | None:
    """Each session's signed CSRF token, by its raw token, as this worker last signed or
    checked it; None when tokens have a time limit (then a token's age matters)."""
    app = current_app._get_current_object()
    if app.config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return None
    return app.extensions.setdefault("csrf_signed", {})


def _keep(kept: dict[str, str], raw: str, signed: str) -> None:
    if len(kept) >= MAX_SIGNED:
        kept.clear()
    kept[raw] = signed


def signed_csrf_token() -> str:
    """Flask-WTF's CSRF token for this session, signed once per session by each worker.

    With no time limit on tokens (WTF_CSRF_TIME_LIMIT is None), a session's signed token
    means the same whenever it was signed, so a worker keeps the one it made (or last
    checked) for that session rather than signing again on every screen. With a time
    limit, or for a session without a token yet, Flask-WTF makes it as usual.
    """
    raw = session.get("csrf_token")
    kept = _kept_tokens()
    if raw is None or kept is None:
        return generate_csrf()
    signed = kept.get(raw)
    if signed is None:
        signed = generate_csrf()
        _keep(kept, raw, signed)
    else:
        g.csrf_token = signed  # as generate_csrf keeps it, so every form on the page agrees
    return signed


class KeptCSRF(CSRF):
    """Flask-WTF's CSRF protection for forms (the same tokens, checks and messages), with
    the signed token kept per session as `signed_csrf_token` explains. A posted token
    that is exactly the one kept for this session is the one this worker signed or
    checked for it, so it is not unsigned again; any other goes through Flask-WTF.
    """

    def generate_csrf_token(self, csrf_token_field) -> str:
        return signed_csrf_token()

    def validate_csrf_token(self, form, field) -> None:
        if g.get("csrf_valid", False):  # already checked by CSRFProtect
            return
        raw, kept = session.get("csrf_token"), _kept_tokens()
        signed = kept.get(raw) if kept is not None and raw is not None else None
        if signed is not None and isinstance(field.data, str):
            if hmac.compare_digest(field.data.encode(), signed.encode()):
                return
        validate_csrf(field.data)  # raises ValidationError with Flask-WTF's reason
        if kept is not None:
            _keep(kept, raw, field.data)


# Each form field's filters, with `clean_text` first for text: fields are declared once,
# on their form's class, so this stays as small as the forms are few.
_FILTERS: dict[object, tuple] = {}


def _with_cleaning(unbound_field, filters) -> tuple:
    filters = tuple(filters)
    if issubclass(unbound_field.field_class, StringField) and clean_text not in filters:
        return (clean_text, *filters)
    return filters


class SafeForm(FlaskForm):
    """A FlaskForm whose text fields are all cleaned with `clean_text` before validation,
    whose hidden fields render quickly, and whose CSRF token is signed once per session
    (`KeptCSRF`)."""

    class Meta:
        csrf_class = KeptCSRF

        def bind_field(self, form, unbound_field, options):
            if "filters" not in options:  # the usual case: the field's own, worked out once
                filters = _FILTERS.get(unbound_field)
                if filters is None:
                    if len(_FILTERS) > 10_000:  # only a form made afresh each time could
                        _FILTERS.clear()
                    filters = _FILTERS[unbound_field] = _with_cleaning(
                        unbound_field, unbound_field.kwargs.get("filters", ())
                    )
                options["filters"] = filters
            else:
                options["filters"] = _with_cleaning(unbound_field, options["filters"])
            return unbound_field.bind(form=form, **options)

        def render_field(self, field, render_kw):
            """Write plain hidden fields (the CSRF token, ids) directly, as WTForms would.

            Through WTForms' widgets each costs about 0.1 ms, which was the largest
            single cost of a survey question screen.
            """
            plain = not (render_kw or field.render_kw or field.validators)
            if plain and type(field.widget) is HiddenInput:
                # Every interpolated part is escaped above, so this is safe markup.
                return Markup(  # nosec B704
                    f'<input id="{escape(field.id)}" name="{escape(field.name)}" type="hidden"'
                    f' value="{escape(field._value())}">'
                )
            return super().render_field(field, render_kw)


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
