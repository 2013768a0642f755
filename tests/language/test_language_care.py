"""The checker knows blaming phrases in their usual variants, names our own guidance,
and warns about reading age only when text is above the audience's target."""

import pytest

from feedback.language import check_language, default_glossary
from feedback.language.glossary import DEFAULT_PATH, load_glossary


@pytest.mark.parametrize(
    "text",
    [
        "They refuse to engage.",
        "Mum refuses to engage with us.",
        "Dad refused to engage.",
        "He is refusing to engage.",
        "She will kick off at school.",
        "He kicks off at bedtime.",
        "He kicked off in the car.",
        "She was kicking off all day.",
        "Mum failed to engage.",
        "Dad fails to engage.",
        "The family fail to engage.",
        "Mum was non-compliant.",
        "Dad is noncompliant.",
        "They refuse to comply.",
        "They refuse to cooperate.",
    ],
)
def test_blaming_phrases_are_found_in_their_usual_variants(text):
    assert [f.kind for f in check_language(text, audience="parent")] == ["blaming"]


@pytest.mark.parametrize("text", ["The match will kick off at three.", "We refuse to give up."])
def test_everyday_uses_are_left_alone(text):
    assert not check_language(text, audience="parent")


def test_advice_names_our_own_guidance_not_another_councils():
    glossary = default_glossary()
    for entry in glossary.entries:
        for words in (entry.reason, entry.suggestion):
            for council in ("Bradford", "Torbay", "Telford", "Wrekin"):
                assert council not in words, entry.term
    [finding] = check_language("Mum failed to engage.", audience="parent")
    assert "Our Language that cares guide" in finding.reason


def test_a_council_sets_the_name_of_its_own_guide(tmp_path):
    text = DEFAULT_PATH.read_text(encoding="utf-8").replace(
        'guidance = "Our Language that cares guide"', 'guidance = "Our Words Matter guide"'
    )
    path = tmp_path / "glossary.toml"
    path.write_text(text, encoding="utf-8")
    [finding] = check_language("Mum failed to engage.", "parent", load_glossary(path))
    assert "Our Words Matter guide" in finding.reason


PLAIN = "Family time with your mum is every other Sunday at the park."
HARD = (
    "Consideration of the appropriateness of contact arrangements will be undertaken "
    "following comprehensive multi-agency assessment of the circumstances."
)


def test_reading_age_warning_only_above_the_audiences_target():
    assert not [f for f in check_language(PLAIN, "4-7") if f.kind == "reading-level"]
    [warning] = [f for f in check_language(HARD, "4-7") if f.kind == "reading-level"]
    age = int(warning.reason.split("about ")[1].split(".")[0])
    assert age > 9  # the age it names is above the target it names
    assert not [f for f in check_language(HARD, "staff") if f.kind == "reading-level"]


def test_no_warning_whose_rounded_age_is_on_target(monkeypatch):
    import feedback.language.checker as checker

    monkeypatch.setattr(checker, "reading_age", lambda text: 9.4)  # shown as "about 9"
    assert not [f for f in check_language(HARD, "4-7") if f.kind == "reading-level"]
    monkeypatch.setattr(checker, "reading_age", lambda text: 9.6)  # "about 10": above 9
    assert [f for f in check_language(HARD, "4-7") if f.kind == "reading-level"]
