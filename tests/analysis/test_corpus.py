"""The project's labelled corpus: the screen and the sentiment on it, by kind of harm.

The training files are what the rules were written against; the held-out files were
written before any tuning and never tuned on. These tests hold the figures that
docs/analysis.md reports, so a rule change that loses ground fails here.
"""

from pathlib import Path

import pytest

from feedback.analysis.evaluate import read_tsv, safeguarding_figures, sentiment_figures

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def figures():
    return {
        name: safeguarding_figures(read_tsv(CORPUS / f"safeguarding-{name}.tsv"))
        for name in ("train", "heldout")
    }


def test_the_corpus_has_every_kind_and_as_many_safe_comments_with_the_same_words():
    rows = read_tsv(CORPUS / "safeguarding-train.tsv") + read_tsv(
        CORPUS / "safeguarding-heldout.tsv"
    )
    kinds = {row["kind"] for row in rows if row["label"] == "1"}
    assert {
        "physical", "emotional", "sexual", "neglect", "domestic", "coercive_control",
        "exploitation", "online_grooming", "forced_marriage", "fgm", "radicalisation",
        "missing", "self_harm_suicide", "threats_silencing", "other_language",
    } <= kinds  # fmt: skip
    assert len(rows) >= 450


def test_every_training_disclosure_is_caught_and_no_safe_comment_flagged(figures):
    assert figures["train"]["misses"] == []


def test_held_out_recall_and_precision_meet_the_targets(figures):
    held_out = figures["heldout"]
    assert held_out["recall"] >= 0.90, held_out["misses"]
    assert held_out["precision"] >= 0.80, held_out["misses"]


@pytest.mark.parametrize("name", ["train", "heldout"])
def test_sentiment_on_the_corpus_meets_the_target(name):
    result = sentiment_figures(read_tsv(CORPUS / f"sentiment-{name}.tsv"))
    assert result["accuracy"] >= 0.80, result["misses"]
