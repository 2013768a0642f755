"""Load the glossary (feedback/language_glossary.toml) into compiled entries."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from feedback.language import terms

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "language_glossary.toml"
DEFAULT_GUIDANCE = "our Language that cares guide"
KINDS = ("blaming", "cold", "jargon", "acronym")  # also the order of preference on overlaps
_ENTRY_KEYS = {"term", "also", "means", "reason", "suggestion", "match_case"} | {
    "only_before",
    "only_after",
    "not_before",
    "not_after",
}


class GlossaryError(ValueError):
    """The glossary file has a mistake; the message says where."""


class UnknownAudience(ValueError):
    """An audience the glossary has no reading age for."""


@dataclass(frozen=True)
class Entry:
    """One glossary entry, ready to match."""

    kind: str
    term: str
    pattern: re.Pattern[str]
    reason: str
    suggestion: str
    means: str = ""
    only_before: re.Pattern[str] | None = None
    only_after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None

    def fits_context(self, text: str, start: int, end: int) -> bool:
        """Say whether the words around text[start:end] make this a finding."""
        before = text[max(0, start - 80) : start]
        if self.not_before and self.not_before.search(before):
            return False
        if self.not_after and self.not_after.match(text, end):
            return False
        if not (self.only_before or self.only_after):
            return True
        return bool(
            (self.only_before and self.only_before.search(before))
            or (self.only_after and self.only_after.match(text, end))
        )


@dataclass(frozen=True)
class Audience:
    key: str
    name: str
    ceiling: float | None  # highest reading age we aim for; None: not judged


@dataclass(frozen=True)
class LongSentence:
    """When no audience is given: a sentence this long and this hard is flagged anyway."""

    min_words: int
    min_score: float  # Dale-Chall score, see formal_score
    reason: str
    suggestion: str


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    audiences: dict[str, Audience]
    min_words: int
    reading_reason: str
    reading_suggestion: str
    acronyms: frozenset[str]
    long_sentence: LongSentence | None = None  # None: the file has no [long_sentence]

    def audience(self, key: str) -> Audience:
        """Return the audience called key, or raise UnknownAudience."""
        try:
            return self.audiences[key]
        except KeyError:
            known = ", ".join(repr(k) for k in self.audiences)
            raise UnknownAudience(f"unknown audience {key!r}; use one of {known}") from None


def load_glossary(path: Path | str = DEFAULT_PATH) -> Glossary:
    """Read and check a glossary file; raise GlossaryError naming any mistake."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise GlossaryError(f"{path}: {error}") from error
    lists = {name: terms.list_regex(words) for name, words in data.get("lists", {}).items()}
    kinds = data.get("kinds", {})
    guidance = data.get("guidance", DEFAULT_GUIDANCE)
    entries = []
    for kind in KINDS:
        for raw in data.get(kind, []):
            try:
                entries.append(_entry(kind, raw, kinds.get(kind, {}), lists, guidance))
            except (ValueError, KeyError, TypeError, IndexError) as error:
                raise GlossaryError(f"{path}: [[{kind}]] {raw.get('term')!r}: {error}") from error
    reading = data.get("reading_level", {})
    audiences = {
        key: Audience(key, value["name"], value.get("ceiling"))
        for key, value in data.get("audiences", {}).items()
    }
    return Glossary(
        entries=tuple(entries),
        audiences=audiences,
        min_words=reading.get("min_words", 6),
        reading_reason=reading["reason"],
        reading_suggestion=reading["suggestion"],
        acronyms=frozenset(e.term for e in entries if e.kind == "acronym"),
        long_sentence=_long_sentence(data.get("long_sentence"), path),
    )


def _long_sentence(raw: dict | None, path: Path | str) -> LongSentence | None:
    if raw is None:
        return None
    try:
        return LongSentence(
            int(raw["min_words"]), float(raw["min_score"]), raw["reason"], raw["suggestion"]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise GlossaryError(f"{path}: [long_sentence]: missing or bad {error}") from error


def _entry(kind: str, raw: dict, defaults: dict, lists: dict[str, str], guidance: str) -> Entry:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise GlossaryError(f"unknown key(s) {sorted(unknown)}")
    if not raw.get("suggestion"):
        raise GlossaryError("every entry needs a suggestion")
    if kind == "acronym" and not raw.get("means"):
        raise GlossaryError("an acronym needs 'means'")
    reason = raw.get("reason") or defaults.get("reason")
    if not reason:
        raise GlossaryError(f"no reason, and no [kinds.{kind}] reason to fall back on")
    # Advice names the council's own guide ({guidance}), set once at the top of the file.
    reason = reason.replace("{guidance}", guidance)
    reason.format(phrase="", means="")  # a stray {placeholder} fails here, not later
    match_case = raw.get("match_case", kind == "acronym")
    return Entry(
        kind=kind,
        term=raw["term"],
        pattern=terms.term_pattern([raw["term"], *raw.get("also", [])], match_case),
        reason=reason,
        suggestion=raw["suggestion"].replace("{guidance}", guidance),
        means=raw.get("means", ""),
        only_before=terms.before_pattern(raw.get("only_before", []), lists),
        only_after=terms.after_pattern(raw.get("only_after", []), lists),
        not_before=terms.before_pattern(raw.get("not_before", []), lists),
        not_after=terms.after_pattern(raw.get("not_after", []), lists),
    )


@cache
def default_glossary() -> Glossary:
    """The glossary shipped with the app, loaded once."""
    return load_glossary(DEFAULT_PATH)
