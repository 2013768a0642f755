"""A second reader for the safeguarding screen: a small trained model.

The rules (``safeguarding.toml``) say which words matter and why; they miss what is
described in words nobody wrote a rule for. The model was trained on the project's
labelled corpus (``python -m feedback.analysis.train_model``) and reads word pairs and
pieces of words, so it also catches a new phrasing or a misspelling. On a validation set
written after the rules, the rules alone caught 55% of disclosures, the model alone
82%, the two together 93% (docs/analysis.md).

This module applies the model without scikit-learn: the same TF-IDF features (word 1-2
grams, character 2-5 grams within word edges, 1 + log counts, each part scaled to
length 1) and the same logistic regression, from ``safeguarding_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("safeguarding_model.json")
THRESHOLD = 0.5  # the usual cut-off of a balanced logistic regression; not tuned

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default word pattern


@cache
def _model() -> dict:
    """The model file, with each feature's (idf x weight, idf squared) worked out once."""
    with MODEL_FILE.open(encoding="utf-8") as file:
        model = json.load(file)
    for part in ("words", "characters"):
        model[part] = {
            gram: (idf * weight, idf * idf) for gram, (idf, weight) in model[part].items()
        }
    return model


def _word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _TOKEN.findall(text)
    if (low, high) == (1, 2):  # the model's own: the same list, sooner
        return tokens + [f"{first} {second}" for first, second in pairwise(tokens)]
    grams = []
    for n in range(low, high + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def _character_ngrams(text: str, low: int, high: int) -> list[str]:
    """scikit-learn's "char_wb": pieces of each word padded with a space either side
    (only the pieces the model knows: the others weigh nothing)."""
    grams: list[str] = []
    for word in text.split():
        grams += _known_pieces(word, low, high)
    return grams


@lru_cache(maxsize=20_000)  # the same words come back in comment after comment
def _known_pieces(word: str, low: int, high: int) -> tuple[str, ...]:
    known = _model()["characters"]
    padded, pieces = f" {word} ", []
    for n in range(low, high + 1):
        if len(padded) <= n:  # a short word counts once, whole
            pieces.append(padded)
            break
        pieces += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    return tuple(piece for piece in pieces if piece in known)


def _part_score(grams: list[str], features: dict[str, tuple[float, float]]) -> float:
    """The part's TF-IDF vector (1 + log count, scaled to length 1) times its weights."""
    weighted, total = 0.0, 0.0
    for gram, count in Counter(grams).items():
        found = features.get(gram)
        if found is None:
            continue
        if count == 1:  # nearly always: no logarithm needed
            weighted += found[0]
            total += found[1]
        else:
            boost = 1.0 + math.log(count)
            weighted += boost * found[0]
            total += boost * boost * found[1]
    return weighted / math.sqrt(total) if total else 0.0


def harm_probability(normalised: str) -> float:
    """How likely the model thinks a normalised comment is one a lead must see (0 to 1)."""
    model = _model()
    low, high = model["ngrams"]["words"]
    score = model["intercept"] + _part_score(_word_ngrams(normalised, low, high), model["words"])
    low, high = model["ngrams"]["characters"]
    score += _part_score(_character_ngrams(normalised, low, high), model["characters"])
    return 1.0 / (1.0 + math.exp(-score))
