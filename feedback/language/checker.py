"""Check words that children and families will read: the "language that cares" checker."""

from dataclasses import dataclass

from feedback.language.glossary import KINDS, Audience, Entry, Glossary, default_glossary
from feedback.language.readability import formal_score, reading_age, sentences, word_count
from feedback.language.text import Normalised, normalise

# Capitals that do not mean a whole line is SHOUTED (so an acronym next to them counts).
_REAL_CAPITALS = frozenset({"NHS", "GP", "UK", "TV", "ID", "OK", "ADHD", "ASD", "PE", "A&E"})


@dataclass(frozen=True)
class Finding:
    """Words that may hurt or confuse, why, and what to write instead."""

    phrase: str  # exactly as written in the text
    reason: str
    suggestion: str
    start: int  # offsets of phrase in the text as given
    end: int
    kind: str  # "acronym", "jargon", "blaming", "cold", "reading-level" or "long-sentence"


def check_language(
    text: str, audience: str | Audience | None = None, glossary: Glossary | None = None
) -> list[Finding]:
    """Return findings for text written for audience: a glossary key ("4-7", "staff" ...)
    or a reading level (an audience from the audiences table, see feedback.audiences)."""
    glossary = glossary or default_glossary()
    if isinstance(audience, Audience) or audience is None:
        level = audience
    else:
        level = glossary.audience(audience)
    findings = _word_findings(text, glossary)
    if level is None:
        # Reader unknown: no reading-age target, but a long, formal sentence is hard
        # for any child or family (staff screens pass the "staff" audience instead).
        findings += _long_sentences(text, glossary)
    elif level.ceiling is not None:
        if word_count(text) >= glossary.min_words:
            age = reading_age(text)
            # Judged in whole years, as the warning says them: "about 10, aim for 10 or
            # under" would be a warning about text that is on target.
            if round(age) > level.ceiling:
                findings.append(_reading_finding(text, age, level.name, level.ceiling, glossary))
    return findings


def _word_findings(text: str, glossary: Glossary) -> list[Finding]:
    norm = normalise(text)
    found: list[tuple[int, int, Entry]] = []
    for entry in glossary.entries:
        for match in entry.pattern.finditer(norm.text):
            start, end = match.span()
            if not entry.fits_context(norm.text, start, end):
                continue
            if entry.kind == "acronym" and _shouted(norm.text, start, end, glossary):
                continue
            found.append((start, end, entry))
    # Longest first, then by kind, so "LAC review" is reported once, not also "LAC".
    found.sort(key=lambda f: (f[0] - f[1], KINDS.index(f[2].kind), f[0]))
    kept: list[tuple[int, int, Entry]] = []
    for start, end, entry in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, entry))
    kept.sort(key=lambda f: f[0])
    return [_finding(text, norm, start, end, entry) for start, end, entry in kept]


def _finding(text: str, norm: Normalised, start: int, end: int, entry: Entry) -> Finding:
    first, last = norm.original_span(start, end)
    phrase = text[first:last]
    return Finding(
        phrase=phrase,
        reason=entry.reason.format(phrase=phrase, means=entry.means),
        suggestion=entry.suggestion,
        start=first,
        end=last,
        kind=entry.kind,
    )


def _shouted(text: str, start: int, end: int, glossary: Glossary) -> bool:
    """Say whether an acronym sits in a line of capitals ("PRESS SEND"), not prose."""
    before = text[:start].split()[-1:]
    after = text[end:].split()[:1]
    neighbours = [w.strip(".,;:!?()\"'") for w in before + after]
    neighbours = [w for w in neighbours if any(c.isalpha() for c in w)]
    return bool(neighbours) and all(
        w.isupper() and len(w) > 1 and w not in glossary.acronyms and w not in _REAL_CAPITALS
        for w in neighbours
    )


def _long_sentences(text: str, glossary: Glossary) -> list[Finding]:
    rule = glossary.long_sentence
    if rule is None:
        return []
    found = []
    for start, end in sentences(text):
        sentence = text[start:end]
        words = word_count(sentence)
        if words >= rule.min_words and formal_score(sentence) >= rule.min_score:
            values = {"words": words}
            found.append(
                Finding(
                    phrase=sentence,
                    reason=rule.reason.format(**values),
                    suggestion=rule.suggestion.format(**values),
                    start=start,
                    end=end,
                    kind="long-sentence",
                )
            )
    return found


def _reading_finding(
    text: str, age: float, audience: str, ceiling: float, glossary: Glossary
) -> Finding:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    values = {"age": round(age), "audience": audience, "ceiling": f"{ceiling:g}"}
    return Finding(
        phrase=text[start:end],
        reason=glossary.reading_reason.format(**values),
        suggestion=glossary.reading_suggestion.format(**values),
        start=start,
        end=end,
        kind="reading-level",
    )
