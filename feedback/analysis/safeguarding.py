"""Screen a comment for words that may show a child is at risk of harm.

The rules live in ``safeguarding.toml`` so a safeguarding lead can read them. This
module only knows how to apply them: find a match, then decide whether the words
around it say the opposite ("nobody hits me") or use them another way ("I hurt
myself playing football"). When unsure it flags: a missed disclosure is worse than
a false alarm.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from feedback.analysis.fastmatch import PatternGate, WordPattern
from feedback.analysis.phrases import is_negated

RULES_FILE = Path(__file__).with_name("safeguarding.toml")

_SENTENCE_BREAK = re.compile(r"[.!?;\n]+")
_REACH = 300  # characters either side that count as "the same sentence"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One kind of possible harm and the patterns that suggest it."""

    kind: str
    patterns: tuple[WordPattern, ...]
    negatable: bool
    unless: tuple[WordPattern, ...]
    unless_in_sentence: tuple[WordPattern, ...]


def _expand(pattern: str, blocks: dict[str, str]) -> str:
    """Replace each {name} with its block, repeatedly, so blocks can use blocks."""
    for _ in range(5):
        expanded = _PLACEHOLDER.sub(lambda m: blocks[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"safeguarding block nested too deeply: {pattern[:60]}")


@dataclass(frozen=True)
class RuleSet:
    """All the rules, and a gate that says which patterns a comment could match."""

    rules: tuple[Rule, ...]
    gate: PatternGate
    numbers: tuple[tuple[int, ...], ...]  # each rule's patterns' numbers in the gate


@cache
def load_rules(path: Path = RULES_FILE) -> RuleSet:
    """Read and compile the rules once per process."""
    with Path(path).open("rb") as file:
        data = tomllib.load(file)
    blocks = data.get("blocks", {})

    def compile_all(patterns: list[str]) -> tuple[WordPattern, ...]:
        return tuple(WordPattern(_expand(p, blocks)) for p in patterns)

    rules = tuple(
        Rule(
            kind=rule["kind"],
            patterns=compile_all(rule["patterns"]),
            negatable=bool(rule.get("negatable", False)),
            unless=compile_all(rule.get("unless", [])),
            unless_in_sentence=compile_all(rule.get("unless_in_sentence", [])),
        )
        for rule in data["rule"]
    )
    every_pattern = [pattern for rule in rules for pattern in rule.patterns]
    numbers, counted = [], 0
    for rule in rules:
        numbers.append(tuple(range(counted, counted + len(rule.patterns))))
        counted += len(rule.patterns)
    return RuleSet(rules, PatternGate(every_pattern), tuple(numbers))


def _core_start(match: re.Match[str]) -> int:
    groups = match.re.groupindex
    for name in ("core", "core2"):
        if name in groups and match.start(name) >= 0:
            return match.start(name)
    return match.start()


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    sentence_start = max(0, start - _REACH)
    for found in _SENTENCE_BREAK.finditer(text, sentence_start, start):
        sentence_start = found.end()
    after = _SENTENCE_BREAK.search(text, end, end + _REACH)
    sentence_end = after.start() if after else min(len(text), end + _REACH)
    return sentence_start, text[sentence_start:sentence_end]


def _is_excused(rule: Rule, text: str, match: re.Match[str]) -> bool:
    """True when the sentence shows the words are used another way."""
    offset, sentence = _sentence_around(text, match.start(), match.end())
    if any(p.search(sentence) for p in rule.unless_in_sentence):
        return True
    start, end = match.start() - offset, match.end() - offset
    for pattern in rule.unless:
        for other in pattern.finditer(sentence):
            if other.start() < end and other.end() > start:
                return True
    return False


def _first_real_match(
    rule: Rule, numbers: tuple[int, ...], worth_trying: set[int], text: str
) -> re.Match[str] | None:
    for number, pattern in zip(numbers, rule.patterns, strict=True):
        if number not in worth_trying:
            continue
        for match in pattern.finditer(text):
            if rule.negatable and is_negated(text, _core_start(match)):
                continue
            if _is_excused(rule, text, match):
                continue
            return match
    return None


def screen(normalised: str) -> tuple[str, ...]:
    """Return one short reason per kind of possible harm found; empty if none."""
    reasons = []
    rule_set = load_rules()
    worth_trying = rule_set.gate.candidates(normalised)
    for rule, numbers in zip(rule_set.rules, rule_set.numbers, strict=True):
        match = _first_real_match(rule, numbers, worth_trying, normalised)
        if match is not None:
            words = " ".join(match.group().split())
            if len(words) > 60:
                words = words[:57].rstrip() + "..."
            reasons.append(f"{rule.kind}: '{words}'")
    return tuple(reasons)
