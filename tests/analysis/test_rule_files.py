"""The rule files a lead may edit are well formed."""

import tomllib

from feedback.analysis.phrases import phrase_to_regex
from feedback.analysis.safeguarding import RULES_FILE, load_rules
from feedback.analysis.sentiment import SENTIMENT_FILE
from feedback.analysis.spelling import SPELLING_FILE


def test_every_sentiment_cue_has_two_scores_between_minus_one_and_one():
    data = tomllib.loads(SENTIMENT_FILE.read_text(encoding="utf-8"))
    for phrase, scores in data["cues"].items():
        phrase_to_regex(phrase)
        assert len(scores) == 2, phrase
        assert all(-1 <= score <= 1 for score in scores), phrase
    for pattern, score in data["patterns"].items():
        assert -1 <= score <= 1, pattern


def test_sentiment_exceptions_name_real_cues():
    data = tomllib.loads(SENTIMENT_FILE.read_text(encoding="utf-8"))
    assert set(data["exceptions"]) <= set(data["cues"])


def test_every_safeguarding_rule_has_a_kind_and_patterns():
    rules = load_rules(RULES_FILE).rules
    kinds = [rule.kind for rule in rules]
    assert len(kinds) == len(set(kinds))
    assert all(rule.patterns for rule in rules)


def test_spelling_fixes_are_lower_case():
    data = tomllib.loads(SPELLING_FILE.read_text(encoding="utf-8"))
    for section in ("words", "contractions"):
        for typed, fixed in data[section].items():
            assert typed == typed.lower() and fixed == fixed.lower(), typed
