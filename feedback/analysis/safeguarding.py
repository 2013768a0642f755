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

from feedback.analysis.fastmatch import PatternGate, WordPattern, Words
from feedback.analysis.phrases import is_negated

RULES_FILE = Path(__file__).with_name("safeguarding.toml")
# Kinds of harm described without harm words, and the "lesson or story" frame.
KINDS_FILE = Path(__file__).with_name("safeguarding_kinds.toml")
RULE_FILES = (RULES_FILE, KINDS_FILE)

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
    patterns: tuple[WordPattern, ...]  # every rule's patterns, numbered as in the gate
    rule_of: tuple[int, ...]  # each pattern's rule's number
    frames: tuple[WordPattern, ...] = ()  # a sentence about harm, not a disclosure
    first_person: WordPattern | None = None  # ... unless the match is about the writer
    denials: tuple[WordPattern, ...] = ()  # a question asked and answered no
    reassurances: tuple[WordPattern, ...] = ()  # "i feel safe": no second reader
    # frames, denials and reassurances behind one gate, to look for any of them at once
    set_aside_gate: PatternGate = PatternGate(())


@cache
def load_rules(*paths: Path) -> RuleSet:
    """Read and compile the rules once per process (all the rule files by default)."""
    data: dict = {"blocks": {}, "rule": [], "frame": {}}
    for path in paths or RULE_FILES:
        with Path(path).open("rb") as file:
            part = tomllib.load(file)
        data["blocks"].update(part.get("blocks", {}))
        data["rule"] += part.get("rule", [])
        data["frame"].update(part.get("frame", {}))
    blocks = data["blocks"]

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
    patterns = tuple(pattern for rule in rules for pattern in rule.patterns)
    rule_of = tuple(number for number, rule in enumerate(rules) for _ in rule.patterns)
    frame = data["frame"]
    frames = compile_all(frame.get("patterns", []))
    denials = compile_all(frame.get("denials", []))
    reassurances = compile_all(frame.get("reassurances", []))
    return RuleSet(
        rules,
        PatternGate(list(patterns)),
        patterns,
        rule_of,
        frames,
        WordPattern(frame["first_person"]) if "first_person" in frame else None,
        denials,
        reassurances,
        PatternGate([*frames, *denials, *reassurances]),
    )


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


def _is_excused(rule_set: RuleSet, rule: Rule, text: str, match: re.Match[str]) -> bool:
    """True when the sentence shows the words are used another way, or talks about harm
    (a lesson, a film, a game) without being about the writer."""
    offset, sentence = _sentence_around(text, match.start(), match.end())
    if any(p.search(sentence) for p in rule.unless_in_sentence):
        return True
    if any(p.search(sentence) for p in rule_set.denials):
        return True
    if (
        rule_set.first_person is not None
        and not rule_set.first_person.search(match.group())
        and any(p.search(sentence) for p in rule_set.frames)
    ):
        return True
    start, end = match.start() - offset, match.end() - offset
    for pattern in rule.unless:
        for other in pattern.finditer(sentence):
            if other.start() < end and other.end() > start:
                return True
    return False


def read_comment(normalised: str, words: Words | None = None) -> tuple[tuple[str, ...], bool]:
    """One short reason per kind of possible harm found (empty if none), and whether the
    rules saw harm words and set them aside: "nobody hits me", "we had a lesson about
    county lines", "I hurt myself playing rugby". A second reader (the model) should not
    overrule that.

    Each rule's first match that stands gives its reason; the matches before it that were
    negated or used another way are what "set aside" means. ``words``:
    ``word_starts(normalised)``, when the caller has it."""
    rule_set = load_rules()
    standing: dict[int, re.Match[str]] = {}  # rule number -> its first match that stands
    set_aside = False
    for number, match in rule_set.gate.all_matches(normalised, words):
        rule_number = rule_set.rule_of[number]
        if rule_number in standing:
            continue
        rule = rule_set.rules[rule_number]
        if (rule.negatable and is_negated(normalised, _core_start(match))) or _is_excused(
            rule_set, rule, normalised, match
        ):
            set_aside = True
            continue
        standing[rule_number] = match
    reasons = []
    for rule_number in sorted(standing):
        words = " ".join(standing[rule_number].group().split())
        if len(words) > 60:
            words = words[:57].rstrip() + "..."
        reasons.append(f"{rule_set.rules[rule_number].kind}: '{words}'")
    if not reasons and not set_aside:  # a frame, denial or reassurance anywhere
        set_aside = bool(rule_set.set_aside_gate.all_matches(normalised, words))
    return tuple(reasons), set_aside


def screen(normalised: str) -> tuple[str, ...]:
    """Return one short reason per kind of possible harm found; empty if none."""
    return read_comment(normalised)[0]
