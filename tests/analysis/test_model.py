"""The trained model: applied without scikit-learn exactly as scikit-learn would, and
retrained to the same file from the corpus."""

import json

import pytest

from feedback.analysis import analyse_comment
from feedback.analysis.model import MODEL_FILE, harm_probability
from feedback.analysis.normalise import normalise


def test_the_model_catches_harm_described_in_words_no_rule_has():
    result = analyse_comment("my step dad makes mum ask him for money for nappies")
    assert result.safeguarding
    assert result.reasons[0].startswith("possible harm described in other words (model: ")


def test_the_model_does_not_overrule_a_rule_that_set_words_aside():
    for text in ("nobody hurts me", "we had a lesson about county lines", "I feel safe at home"):
        assert not analyse_comment(text).safeguarding, text


def test_probabilities_are_between_nothing_and_certain():
    for text in ("", "a", "ok", "kms " * 50):
        assert 0.0 <= harm_probability(normalise(text)) <= 1.0


def test_the_file_is_small_enough_to_commit():
    assert MODEL_FILE.stat().st_size < 400_000


def test_retraining_gives_the_committed_model_and_matches_scikit_learn():
    pytest.importorskip("sklearn")
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from feedback.analysis import train_model

    retrained = train_model.train()
    committed = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert retrained["intercept"] == pytest.approx(committed["intercept"], abs=1e-3)
    for part in ("words", "characters"):  # the same features, weights to 3 places
        assert retrained[part].keys() == committed[part].keys()
        for feature, values in retrained[part].items():
            assert values == pytest.approx(committed[part][feature], abs=1e-3), feature
    texts, labels = train_model.training_rows()
    vectorisers = [
        TfidfVectorizer(**train_model.WORDS),
        TfidfVectorizer(**train_model.CHARACTERS),
    ]
    matrix = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
    classifier = LogisticRegression(
        C=train_model.REGULARISATION, max_iter=5000, class_weight="balanced", solver="liblinear"
    ).fit(matrix, labels)
    sample = [*texts[:100], "i", "a b", "kms lol xx"]
    expected = classifier.predict_proba(hstack([v.transform(sample) for v in vectorisers]).tocsr())[
        :, 1
    ]
    for text, probability in zip(sample, expected, strict=True):
        assert harm_probability(text) == pytest.approx(probability, abs=1e-4)
