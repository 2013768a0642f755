"""The speed-ups never change what the rules find."""

import pytest

from feedback.analysis.fastmatch import (
    PatternGate,
    WordPattern,
    first_heads,
    first_words,
    needed_choices,
)
from feedback.analysis.normalise import normalise
from feedback.analysis.safeguarding import load_rules
from feedback.analysis.sentiment import _LEXICON

from .conftest import HERE, read_examples, shared_data_dir


def _texts() -> list[str]:
    files = [HERE / "extra_sentiment.tsv", HERE / "extra_safeguarding.tsv"]
    files += sorted(shared_data_dir().glob("*.tsv"))
    texts = [normalise(text) for path in files for _, text in read_examples(path)]
    return texts + ["xhits me", "o'clock hits me", "café hits me", "nohits me"]


EVERY_RULE_SET = pytest.mark.parametrize(
    "patterns",
    [
        [p for rule in load_rules().rules for p in rule.patterns],
        [p for p, _ in _LEXICON.patterns],
    ],
    ids=["safeguarding", "sentiment"],
)


@EVERY_RULE_SET
def test_gate_never_skips_a_pattern_that_matches(patterns):
    gate = PatternGate(patterns)
    for text in _texts():
        worth_trying = gate.candidates(text)
        for number, pattern in enumerate(patterns):
            if pattern.search(text):
                assert number in worth_trying, (pattern.source[:60], text)


def test_word_pattern_matches_like_re_with_a_leading_boundary():
    import re

    source = r"\b(?:hit|hits) me"
    for text in ["he hits me", "xhits me", "hits me", "he-hits me", "chits me hits me"]:
        expected = [m.span() for m in re.finditer(source, text)]
        assert [m.span() for m in WordPattern(source).finditer(text)] == expected


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (r"\b(?:hits?|punch(?:es)?) me", {"hit", "hits", "punch", "punches"}),
        (r"\b(?P<core>no food|nothing)\b", {"no", "nothing"}),
    ],
)
def test_first_words_cover_every_word_the_pattern_can_start_with(source, words):
    starts = first_words(WordPattern(source))
    assert starts
    assert all(any(word.startswith(start) for start in starts) for word in words)


@pytest.mark.parametrize("source", [r"\b(?:\w+ )?good", r"(?:hit) me", r"\b[a-z]+ me"])
def test_patterns_with_an_unknown_start_are_always_run(source):
    assert first_words(WordPattern(source)) is None


@pytest.mark.parametrize(
    ("source", "needed"),
    [
        (r"\b(?:mum|dad) (?P<core>hits?) me\b", {" me", "hit"}),
        (r"(?<!never )(?:came|come) on time", {" on time"}),  # not what must be absent
        (r"\bab(?:cd)?ef", {"ab", "ef"}),  # not the optional part
        (r"\bx{2,}yy", {"yy"}),
        (r"(?i)scared", set()),  # any case: nothing certain
        (r"\b(?:(?i:Hit)|punch) me", {" me"}),
        (r"[\U0001F600-\U0001F60F]", set()),
    ],
)
def test_a_pattern_needs_only_what_every_match_contains(source, needed):
    assert set(WordPattern(source).needs) == needed


@EVERY_RULE_SET
def test_skipping_texts_without_a_needed_part_finds_the_same_matches(patterns):
    plains = []
    for pattern in patterns:  # compiled once each: there are more than re's cache holds
        plain = WordPattern(pattern.source)
        plain.needs, plain.needs_one_of, plain.needs_a_character = (), (), None
        plains.append(plain)
    for text in _texts():
        for pattern, plain in zip(patterns, plains, strict=True):
            found = [m.span() for m in pattern.finditer(text)]
            assert found == [m.span() for m in plain.finditer(text)], (pattern.source[:60], text)


@pytest.mark.parametrize(
    ("source", "choices"),
    [
        (r"\b(?:mum|dad) (?:hits|kicks) me", (("mum", "dad"), ("hits", "kicks"))),
        (r"\b(?:mum|\w+) hits", ()),  # one choice could be anything
        (r"\b(?:me|us) (?:hits|kicks)", (("hits", "kicks"),)),  # "me" is nearly always there
        (r"\b(?:(?:really )?sad|(?:so )?down)", (("sad", "down"),)),
        (r"\bx(?:abc|def)?y", ()),  # optional
    ],
)
def test_a_pattern_needs_one_of_each_set_of_choices(source, choices):
    assert set(needed_choices(source)) == set(choices)


@EVERY_RULE_SET
def test_one_pass_over_the_words_finds_what_each_pattern_finds(patterns):
    gate = PatternGate(patterns)
    plains = []
    for pattern in patterns:
        plain = WordPattern(pattern.source)
        plain.needs, plain.needs_one_of, plain.needs_a_character = (), (), None
        plains.append(plain)
    for text in _texts():
        expected = [
            (number, m.span()) for number, plain in enumerate(plains) for m in plain.finditer(text)
        ]
        assert [(n, m.span()) for n, m in gate.all_matches(text)] == expected, text


@pytest.mark.parametrize(
    ("source", "heads"),
    [
        # not at "is", "it", "web"; and only where the next word begins "want"
        (r"\b(?:i|we) want", {("i", True, "want"), ("we", True, "want")}),
        (r"\b(?:my|our)\b", {("my", True, ""), ("our", True, "")}),
        (r"\bi'm scared", {("i", True, "")}),
        (r"\bhits? me", {("hit", True, "me"), ("hits", True, "me")}),
        (r"\bhits* me", {("hit", False, "")}),  # "hitss" too
        (r"\b(?:mum|dad)(?:dy)+ hits", {("mum", False, ""), ("dad", False, "")}),
        (r"\bno(?: food|thing)", {("no", True, "food"), ("nothing", False, "")}),  # "nothings"
        # any word may come next (and "mum" or "dad" when none does)
        (
            r"\bmy (?:\w+ )?(?:mum|dad)",
            {("my", True, ""), ("my", True, "mum"), ("my", True, "dad")},
        ),
        (r"\ba (?:say|sayi)", {("a", True, "say"), ("a", True, "sayi")}),
        (r"\b(?:a|an)  man", {("a", True, ""), ("an", True, "")}),
        (r"\b(?:really )?good", {("really", True, "good"), ("good", False, "")}),
        (r"\b(?<!not )(?:came|come)\b", {("came", True, ""), ("come", True, "")}),
        (r"\b[2-4]\d year", {("2", False, ""), ("3", False, ""), ("4", False, "")}),
    ],
)
def test_a_pattern_knows_the_whole_words_it_can_start_with(source, heads):
    assert first_heads(WordPattern(source)) == heads


@pytest.mark.parametrize(
    ("source", "found", "missed"),
    [
        (r"[\U0001F600-\U0001F60F]|(?:^|\s)(?::\)|=\))", ["so good 😀", "ok :)", "ok =)"], ["ok"]),
        (r"\b(?:x|y)+z", ["xz", "yz"], ["z alone"]),
    ],
)
def test_a_pattern_needs_one_of_its_characters(source, found, missed):
    pattern = WordPattern(source)
    assert all(pattern.could_match(text) for text in found)
    assert not any(pattern.could_match(text) for text in missed)
