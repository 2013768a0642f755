"""The glossary is a data file a participation lead can read and extend."""

import pytest

from feedback.language import GlossaryError, check_language, default_glossary, load_glossary
from feedback.language.glossary import DEFAULT_PATH

HEADER = """
[reading_level]
reason = "age {age} for {audience}, aim {ceiling}"
suggestion = "shorter"
[audiences.parent]
name = "parents"
ceiling = 12
[kinds.cold]
reason = "“{phrase}” is cold"
"""


def write(tmp_path, body):
    path = tmp_path / "glossary.toml"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_the_shipped_glossary_names_what_the_seeds_ask_for():
    terms = {entry.term for entry in default_glossary().entries}
    seeds = "CIN CP LAC CIC PLO MASH IRO SGO EHCP CAMHS TAC TAF LADO"
    others = "CLA CME CSE CCE DSL EHA ICPC RCPC PEP YOT"
    for acronym in (seeds + " " + others).split():
        assert acronym in terms
    assert {"placement", "contact", "respite", "sibling", "core group"} <= terms
    assert set(default_glossary().audiences) == {"4-7", "8-12", "13-18", "parent", "staff"}


def test_every_shipped_acronym_says_what_it_means():
    for entry in default_glossary().entries:
        assert entry.suggestion
        if entry.kind == "acronym":
            assert entry.means, entry.term


def test_a_lead_can_add_a_local_word(tmp_path):
    path = write(tmp_path, '[[cold]]\nterm = "pod"\nsuggestion = "your room"\n')
    (finding,) = check_language("Your pod is ready.", glossary=load_glossary(path))
    assert (finding.phrase, finding.reason, finding.suggestion) == (
        "pod",
        "“pod” is cold",
        "your room",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[cold]]\nterm = "pod"\n', "needs a suggestion"),
        ('[[cold]]\nterm = "pod"\nsuggestion = "x"\nnot_befor = ["a"]\n', "not_befor"),
        ('[[acronym]]\nterm = "POD"\nsuggestion = "x"\n', "means"),
        ('[[cold]]\nterm = "(pod"\nsuggestion = "x"\n', "never closed"),
        ('[[cold]]\nterm = "pod"\nsuggestion = "x"\nonly_after = ["{pets}"]\n', "unknown list"),
        ('[[cold]]\nterm = "pod"\nsuggestion = "x"\nreason = "{colour}"\n', "colour"),
        ("[[cold]\n", "glossary.toml"),
    ],
)
def test_mistakes_in_the_glossary_are_named(tmp_path, body, message):
    with pytest.raises(GlossaryError, match=message):
        load_glossary(write(tmp_path, body))


def test_the_shipped_glossary_is_where_the_docs_say():
    assert DEFAULT_PATH.name == "language_glossary.toml"
    assert DEFAULT_PATH.parent.name == "feedback"
