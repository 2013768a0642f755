"""Interface words in the survey's language (Flask-Babel), and which way text runs.

Survey pages call `use_language(survey.language)`; every other page is in English.
The screen words in feedback/surveys/words.toml go through gettext as they are shown,
and `extract_words` lets `pybabel extract` (see babel.cfg) find them for translators.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from functools import lru_cache

from flask import Flask, current_app, g
from flask_babel import get_locale, gettext, refresh
from sqlalchemy import select

from feedback.extensions import babel
from feedback.languages import DEFAULT, languages

_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_]+)\s*=\s*(\".*\")\s*(?:#.*)?$")
_TABLE = re.compile(r"^\s*\[(.+)\]\s*$")


def select_locale() -> str:
    """Flask-Babel's locale: the language of the survey on screen, else English."""
    code = g.get("survey_language")
    return code if code in languages() else DEFAULT


def use_language(code: str | None) -> None:
    """Show the rest of this request's interface words in this language."""
    g.survey_language = code or DEFAULT
    refresh()


def translate_words(words: Mapping[str, str]) -> dict[str, str]:
    """Screen words in the current language (English where no translation exists).

    The same few word lists are shown in each language over and over, and a catalogue
    does not change while the app runs: translate each list once per language (a gettext
    call for every word on every page was a fifth of a survey screen's time).
    """
    return dict(_translated(str(get_locale() or DEFAULT), tuple(words.items())))


@lru_cache(maxsize=128)
def _translated(locale: str, items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((key, gettext(value) if value else value) for key, value in items)


def extract_words(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extractor for words.toml: each value is a message, its table and key a note."""
    table = ""
    for lineno, raw in enumerate(fileobj.read().decode("utf-8").splitlines(), start=1):
        if found := _TABLE.match(raw):
            table = found.group(1).strip('"')
            continue
        if found := _ASSIGNMENT.match(raw):
            key = found.group(1)
            value = tomllib.loads(f"v = {found.group(2)}")["v"]
            if value:
                yield lineno, None, value, [f"{table}.{key}"]


def survey_languages(survey) -> list[tuple]:
    """(language, survey) for each open version of this survey, itself included."""
    from feedback.extensions import db
    from feedback.surveys.models import Survey

    root = survey.translation_of_id or survey.id
    family = db.session.scalars(
        select(Survey)
        .where((Survey.id == root) | (Survey.translation_of_id == root))
        .order_by(Survey.id)
    )
    known = languages()
    return [
        (known[s.language], s)
        for s in family
        if s.language in known and (s.id == survey.id or s.is_open())
    ]


def service_contact() -> str:
    """How to reach the service, in the page's language (SERVICE_CONTACT_CY for Welsh...),
    else the one SERVICE_CONTACT."""
    config = current_app.config
    code = str(get_locale() or DEFAULT)
    return config.get(f"SERVICE_CONTACT_{code.upper()}") or config["SERVICE_CONTACT"]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.context_processor(
        lambda: {"survey_languages": survey_languages, "service_contact": service_contact}
    )
