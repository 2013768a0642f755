"""Sentiment of a comment, tuned to how children and families write about their worker.

Three layers, in this order:

1. whole answers that say nothing either way ("No comment", "Not really") are neutral;
2. our phrases from ``sentiment.toml``: fixed phrases ("I've had five workers", "like a
   case number") and cues that a "not"/"never"/"nobody" turns around ("listens",
   "turns up", "ace", "rubbish");
3. every other word is scored by TextBlob's ``PatternAnalyzer``, given words we split
   ourselves (no NLTK data) minus those that mislead here ("new", "live", "more").

The part after "but" counts double: "it was scary at first but she is ace" is happy.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from textblob.en import sentiment as pattern_sentiment
from textblob.sentiments import PatternAnalyzer

from feedback.analysis.fastmatch import PatternGate, WordPattern, Words
from feedback.analysis.phrases import PhraseIndex, is_negated

SENTIMENT_FILE = Path(__file__).with_name("sentiment.toml")
THRESHOLD = 0.1  # polarity at or beyond this is positive or negative


class _WordListAnalyzer(PatternAnalyzer):
    """TextBlob's PatternAnalyzer, given a list of words, without rebuilding its result
    type on every call (that alone took three quarters of its time)."""

    def analyze(self, text, keep_assessments=False):
        polarity, subjectivity = pattern_sentiment(text)
        return self.RETURN_TYPE(polarity, subjectivity)


_TEXTBLOB = _WordListAnalyzer()
# Every word TextBlob scores. A clause with none of them scores 0 whatever its order
# ("not" only turns round a word it knows), so TextBlob need not read it.
_TEXTBLOB_WORDS = frozenset(pattern_sentiment)

_CONTRAST = re.compile(r"\b(?:but|however|though|yet|except|apart from)\b")
_SENTENCE = re.compile(r"[.!?;\n]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class _Lexicon:
    cues: PhraseIndex
    cue_scores: tuple[tuple[float, float], ...]
    cue_exceptions: tuple[tuple[frozenset[str], frozenset[str]], ...]
    patterns: tuple[tuple[WordPattern, float], ...]
    gate: PatternGate
    neutral: re.Pattern[str]
    ignore: frozenset[str]


def _load(path: Path = SENTIMENT_FILE) -> _Lexicon:
    with path.open("rb") as file:
        data = tomllib.load(file)
    exceptions = data.get("exceptions", {})
    # Longest phrases first, so "listened to" wins over "listen*" at the same place.
    phrases = sorted(data["cues"], key=lambda p: -len(p.split()))
    patterns = tuple((WordPattern(p), float(s)) for p, s in data["patterns"].items())
    return _Lexicon(
        cues=PhraseIndex(phrases),
        cue_scores=tuple(tuple(data["cues"][p]) for p in phrases),
        cue_exceptions=tuple(
            (
                frozenset(exceptions.get(p, {}).get("not_after", ())),
                frozenset(exceptions.get(p, {}).get("not_before", ())),
            )
            for p in phrases
        ),
        patterns=patterns,
        gate=PatternGate([pattern for pattern, _ in patterns]),
        neutral=re.compile(
            r"(?:(?:um|erm|hmm|well|honestly|i think|to be honest|tbh),? )?"
            "(?:" + "|".join(data["neutral"]["answers"]) + ")"
            r"(?:,? (?:really|to be honest|tbh|i guess|i suppose|i think|at the moment"
            r"|right now|for now|thanks|thank you|sorry|though))*"
        ),
        ignore=frozenset(data["textblob"]["ignore"]),
    )


_LEXICON = _load()


def _is_exception(text: str, match: re.Match[str], index: int) -> bool:
    not_after, not_before = _LEXICON.cue_exceptions[index]
    if not_after:
        before = _TOKEN.findall(text, max(0, match.start() - 20), match.start())
        if before and before[-1] in not_after:
            return True
    if not_before:
        after = _TOKEN.search(text, match.end())
        if after and after.group() in not_before:
            return True
    return False


def _phrase_hits(text: str, words: Words | None) -> list[tuple[int, int, float]]:
    """Find our fixed phrases, then cues outside them: (start, end, score)."""
    hits = [
        (m.start(), m.end(), _LEXICON.patterns[number][1])
        for number, m in _LEXICON.gate.all_matches(text, words)
    ]
    fixed = list(hits)
    for index, match in _LEXICON.cues.matches(text):
        start, end = match.span()
        if any(s < end and start < e for s, e, _ in fixed):
            continue
        if _is_exception(text, match, index):
            continue
        plain, negated = _LEXICON.cue_scores[index]
        hits.append((start, end, negated if is_negated(text, start) else plain))
    return hits


def _clauses(text: str) -> list[tuple[int, int, float]]:
    """Split into (start, end, weight); a clause after "but" weighs double."""
    clauses = []
    starts = [(0, 1.0)]
    for found in _SENTENCE.finditer(text):
        starts.append((found.end(), 1.0))
    for found in _CONTRAST.finditer(text):
        starts.append((found.end(), 2.0))
    starts.sort()
    for i, (start, weight) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        clauses.append((start, end, weight))
    return clauses


def _clause_score(text: str, start: int, end: int, hits, covered: set[int]) -> float | None:
    scores = [score for s, _, score in hits if start <= s < end and score]
    ignore = _LEXICON.ignore
    if covered:
        words = [
            None if token.start() in covered or token.group() in ignore else token.group()
            for token in _TOKEN.finditer(text, start, end)
        ]
    else:  # most comments: no phrase of ours, so only the words to leave out
        words = [None if word in ignore else word for word in _TOKEN.findall(text, start, end)]
    if not _TEXTBLOB_WORDS.isdisjoint(words):
        textblob_score = _TEXTBLOB.analyze(words).polarity
        if textblob_score:
            scores.append(textblob_score)
    return sum(scores) / len(scores) if scores else None


def score_sentiment(normalised: str, words: Words | None = None) -> tuple[str, float]:
    """Return ("positive"|"negative"|"neutral", polarity from -1 to 1). ``words``:
    ``word_starts(normalised)``, when the caller has it."""
    bare = _EDGES.sub("", normalised)
    if bare and _LEXICON.neutral.fullmatch(bare):
        return "neutral", 0.0
    hits = _phrase_hits(normalised, words)  # emoji and emoticons too: "😢" alone is unhappy
    if not bare and not hits:
        return "neutral", 0.0
    total = weights = 0.0
    covered = {at for s, e, _ in hits for at in range(s, e)}  # words our phrases scored
    for start, end, weight in _clauses(normalised):
        score = _clause_score(normalised, start, end, hits, covered)
        if score is not None:
            total += score * weight
            weights += weight
    polarity = max(-1.0, min(1.0, total / weights)) if weights else 0.0
    if polarity >= THRESHOLD:
        return "positive", polarity
    if polarity <= -THRESHOLD:
        return "negative", polarity
    return "neutral", polarity
