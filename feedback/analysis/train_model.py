"""Train the safeguarding model from the labelled corpus the project ships.

    pip install -e '.[train]'
    python -m feedback.analysis.train_model

Reads every training file (never the held-out or validation files, nor the shared
examples, which are kept for testing), fits word and character n-gram TF-IDF with a
logistic regression (scikit-learn, fixed settings, no randomness: the same files give
the same model), and writes ``safeguarding_model.json``, which ``model.py`` reads
without scikit-learn. Only this module imports scikit-learn.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from feedback.analysis.evaluate import read_tsv
from feedback.analysis.model import MODEL_FILE
from feedback.analysis.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
TRAINING_FILES = (
    ROOT / "tests" / "analysis" / "corpus" / "safeguarding-train.tsv",
    ROOT / "tests" / "analysis" / "extra_safeguarding.tsv",
)
# Everyday comments about the service: safe examples, so the model learns that praise
# and complaints are not harm. A line the rules flag is left out rather than trusted.
EVERYDAY_FILES = (
    ROOT / "tests" / "analysis" / "corpus" / "sentiment-train.tsv",
    ROOT / "tests" / "analysis" / "extra_sentiment.tsv",
)
# Settings chosen before the validation set was read, and left as they were.
WORDS = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True}
CHARACTERS = {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 2, "sublinear_tf": True}
REGULARISATION = 10.0


def training_rows(files=TRAINING_FILES, everyday=EVERYDAY_FILES) -> tuple[list[str], list[int]]:
    """Normalised texts and 0/1 labels from the training files, and the everyday
    comments the rules do not flag as safe ones."""
    from feedback.analysis.safeguarding import screen

    texts, labels = [], []
    for row in (row for path in files for row in read_tsv(path)):
        texts.append(normalise(row["text"]))
        labels.append(int(row["label"]))
    for row in (row for path in everyday for row in read_tsv(path)):
        plain = normalise(row["text"])
        if not screen(plain):
            texts.append(plain)
            labels.append(0)
    return texts, labels


def train(files=TRAINING_FILES) -> dict:
    """Fit the model and return it as plain data (vocabulary, idf and weight per feature)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = training_rows(files)
    vectorisers = [TfidfVectorizer(**WORDS), TfidfVectorizer(**CHARACTERS)]
    matrices = [v.fit_transform(texts) for v in vectorisers]
    from scipy.sparse import hstack

    classifier = LogisticRegression(
        C=REGULARISATION, max_iter=5000, class_weight="balanced", solver="liblinear"
    )
    classifier.fit(hstack(matrices).tocsr(), labels)
    weights, offset, parts = classifier.coef_[0], 0, []
    for name, vectoriser in zip(("words", "characters"), vectorisers, strict=True):
        features = {}
        for feature, column in vectoriser.vocabulary_.items():
            features[feature] = [
                round(float(vectoriser.idf_[column]), 5),
                round(float(weights[offset + column]), 5),
            ]
        offset += len(vectoriser.vocabulary_)
        parts.append((name, features))
    return {
        "intercept": round(float(classifier.intercept_[0]), 5),
        "ngrams": {
            "words": list(WORDS["ngram_range"]),
            "characters": list(CHARACTERS["ngram_range"]),
        },
        **dict(parts),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    model = train()
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n")
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size:,} bytes, {len(model['words'])} word and "
        f"{len(model['characters'])} character features)"
    )


if __name__ == "__main__":
    main()
