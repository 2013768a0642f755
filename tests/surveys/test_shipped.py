"""The shipped surveys: four audiences, plain words, every question on a principle, and
shared question-bank keys so answers can be compared across ages."""

import re

import pytest

from feedback.surveys.kinds import KINDS
from feedback.surveys.loader import SHIPPED, build_survey, read_definition

DEFINITIONS = {  # the English originals (the Welsh and Urdu ones: tests/i18n)
    d["audience"]: d
    for d in map(read_definition, sorted(SHIPPED.glob("*.toml")))
    if "translation_of" not in d
}
JARGON = re.compile(
    r"\b(CIN|CP|LAC|CIC|PLO|MASH|placement|contact|assessment|failed to engage|"
    r"non-compliant|refused|service user)\b",
    re.IGNORECASE,
)


def test_there_is_a_survey_for_each_audience():
    assert set(DEFINITIONS) == {"4-7", "8-12", "13-18", "parent"}


@pytest.mark.parametrize("audience", ["4-7", "8-12", "13-18", "parent"])
def test_each_question_is_on_a_principle_and_fits_its_kind(audience):
    survey = build_survey(DEFINITIONS[audience])
    for question in survey.all_questions:
        assert 1 <= question.principle <= 6
        assert question.kind in KINDS
        assert question.bank_key, question.text
        if question.kind != "text":
            assert len(question.options) >= 2
            for option in question.options:
                assert option["label"] and (option.get("emoji") or option.get("picture"))
        assert not JARGON.search(question.text + " " + question.hint), question.text
    words = DEFINITIONS[audience]["intro"] + DEFINITIONS[audience]["thanks"]
    assert not JARGON.search(words)


def test_little_ones_get_a_few_face_questions_and_one_to_tell_or_draw():
    questions = DEFINITIONS["4-7"]["questions"]
    assert 5 <= len(questions) <= 7
    kinds = [q["kind"] for q in questions]
    assert set(kinds) == {"faces3", "text"} and kinds.count("text") == 1
    # The last one is written (or drawn: the screen offers drawing only where the script
    # runs, so its words never promise it).
    assert questions[-1]["kind"] == "text"
    assert "draw" not in questions[-1]["text"] + questions[-1].get("hint", "")


@pytest.mark.parametrize("audience", ["8-12", "13-18"])
def test_older_children_get_scales_yes_no_choices_and_free_text(audience):
    questions = DEFINITIONS[audience]["questions"]
    kinds = {q["kind"] for q in questions}
    assert {"faces5", "yesno", "text"} <= kinds and kinds & {"single", "multi"}
    texts = " ".join(q["text"] for q in questions if q["kind"] == "text")
    assert "What should we do differently?" in texts and "helped you most" in texts


def test_questions_measuring_the_same_thing_share_a_bank_key_across_ages():
    keys = {a: {q["bank_key"]: q for q in d["questions"]} for a, d in DEFINITIONS.items()}
    for key in ("worker_kind", "worker_listens", "understand_plan"):
        assert all(key in keys[a] for a in DEFINITIONS), key
    # A shared key means the same measure: scales (any size) or the same kind.
    for key in set().union(*keys.values()):
        kinds = {keys[a][key]["kind"] for a in DEFINITIONS if key in keys[a]}
        principles = {keys[a][key]["principle"] for a in DEFINITIONS if key in keys[a]}
        assert len(principles) == 1, key
        assert kinds <= {"faces3", "faces5", "yesno"} or len(kinds) == 1, key


def _mean_reading_age(key: str) -> float:
    import tomllib

    from feedback.language.readability import reading_age
    from feedback.surveys.loader import SHIPPED

    with (SHIPPED / f"{key}.toml").open("rb") as f:
        questions = tomllib.load(f)["questions"]
    return sum(reading_age(q["text"]) for q in questions) / len(questions)


def test_the_youngest_children_s_questions_read_at_least_as_easily_as_the_8_to_12s():
    assert _mean_reading_age("ages-4-7") <= _mean_reading_age("ages-8-12")


def test_every_shipped_feel_safe_question_is_a_safety_question(session):
    from feedback.surveys.loader import load_shipped

    for survey in load_shipped(session):
        for question in survey.all_questions:
            if question.bank_key == "feel_safe":
                assert question.safety, (survey.key, question.text)
