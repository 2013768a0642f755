"""The Welsh and Urdu catalogues: complete, compiled, and found by `make translations`."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from feedback.surveys.loader import options_for
from feedback.surveys.words import _all_words

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "feedback" / "translations"


def template_ids() -> set[str]:
    with (CATALOGUES / "messages.pot").open("rb") as f:
        return {m.id for m in read_po(f) if m.id}


def catalogue(lang: str, kind: str = "po"):
    path = CATALOGUES / lang / "LC_MESSAGES" / f"messages.{kind}"
    with path.open("rb") as f:
        return read_po(f) if kind == "po" else read_mo(f)


def test_every_word_on_a_survey_screen_is_extracted():
    found = {
        m[1]
        for m in extract_from_file(
            "feedback.i18n.extract_words", ROOT / "feedback/surveys/words.toml"
        )
    }
    wanted = {v for table in _all_words().values() for v in table.values() if v}
    assert found == wanted
    template = template_ids()
    assert wanted <= template and "Skip to main content" in template and "Language" in template


def _words(value) -> tuple[str, ...]:
    """A message's id or translation as a tuple: one string, or one for each plural form."""
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


@pytest.mark.parametrize("lang", ["cy", "ur"])
def test_catalogue_is_complete_keeps_placeholders_and_is_compiled(lang):
    template = {_words(i) for i in template_ids()}
    po, mo = catalogue(lang), catalogue(lang, "mo")
    translated = {_words(m.id): _words(m.string) for m in po if m.id}
    assert set(translated) == template
    assert all(all(v) for v in translated.values()), [
        k for k, v in translated.items() if not all(v)
    ]
    for msgid, text in translated.items():
        for slot in ("{n}", "{total}", "{service}", "%(num)d", "%(period)s", "%(contact)s"):
            assert (slot in msgid[0]) == all(slot in t for t in text), (lang, msgid)
    compiled = {_words(m.id): _words(m.string) for m in mo if m.id}
    assert compiled == translated  # .mo made from this .po
    assert "native" in po.header_comment  # marked for review by a native speaker


def test_scale_answers_can_be_reworded_but_keep_their_values_and_scores():
    welsh = options_for("yesno", [{"value": "no", "label": "Naddo"}, {"value": "x", "label": "?"}])
    assert [(o["value"], o["label"], o["score"]) for o in welsh] == [
        ("yes", "Yes", 100),
        ("not-sure", "Not sure", 50),
        ("no", "Naddo", 0),
    ]
