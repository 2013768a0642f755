"""Translate the glossary's small term syntax into regular expressions.

The syntax is described at the top of language_glossary.toml, for the people who
edit it: a space also matches a hyphen, a hyphen may be missing, `word*` means any
ending, `(a|b)` means a or b, `(a|)` means a or nothing, and `{name}` (in context
lists) means any word of the list called name.
"""

import re

SPACE = r"[\s\-]+"
HYPHEN = r"[\s\-]?"
# Plurals and possessives of any term: LACs, CIN's, placements, cases.
SUFFIX = r"(?:e?s|'s)?"


class TermError(ValueError):
    """A term in the glossary cannot be read."""


def translate(term: str, lists: dict[str, str] | None = None) -> str:
    """Return the regular expression (without word boundaries) for one term."""
    regex, i = _sequence(term.strip(), 0, lists or {})
    if i != len(term.strip()):
        raise TermError(f"unexpected {term.strip()[i]!r} in term {term!r}")
    return regex


def _sequence(term: str, i: int, lists: dict[str, str]) -> tuple[str, int]:
    """Translate from position i up to a top-level '|' or ')' or the end."""
    parts: list[str] = []
    while i < len(term) and term[i] not in "|)":
        ch = term[i]
        if ch == "(":
            group, i = _group(term, i + 1, lists)
            parts.append(group)
        elif ch == "{":
            end = term.find("}", i)
            name = term[i + 1 : end] if end > 0 else ""
            if name not in lists:
                raise TermError(f"unknown list {{{name}}} in {term!r}")
            parts.append(lists[name])
            i = end + 1
        elif ch == "*":
            parts.append(r"\w*")
            i += 1
        elif ch.isspace():
            while i < len(term) and term[i].isspace():
                i += 1
            parts.append(SPACE)
        elif ch == "-":
            parts.append(HYPHEN)
            i += 1
        else:
            parts.append(re.escape(ch))
            i += 1
    return "".join(parts), i


def _group(term: str, i: int, lists: dict[str, str]) -> tuple[str, int]:
    """Translate the alternatives of a group whose '(' is just before position i."""
    options: list[str] = []
    while True:
        option, i = _sequence(term, i, lists)
        options.append(option)
        if i >= len(term):
            raise TermError(f"a '(' is never closed in {term!r}")
        i += 1
        if term[i - 1] == ")":
            break
    # Longest first, so "did not engage" wins over "not engage" at the same place.
    choices = sorted({o for o in options if o}, key=len, reverse=True)
    if not choices:
        raise TermError(f"empty group in {term!r}")
    group = "(?:" + "|".join(choices) + ")"
    if "" not in options:
        return group, i
    # Optional: fold the following space into it, so "met (the|) threshold"
    # matches "met threshold" with a single space.
    if i < len(term) and term[i].isspace():
        while i < len(term) and term[i].isspace():
            i += 1
        return f"(?:{group}{SPACE})?", i
    return group + "?", i


def list_regex(words: list[str]) -> str:
    """Any word of a list, optionally after words like 'his', 'her' or 'your'."""
    owners = r"(?:(?:his|her|their|your|my|our|the|a|both|older|younger|little|big|baby)"
    alternatives = sorted((translate(w) for w in words), key=len, reverse=True)
    return owners + SPACE + r"){0,2}(?:" + "|".join(alternatives) + ")"


def term_pattern(terms: list[str], match_case: bool) -> re.Pattern[str]:
    """Compile whole-word matching for a term and the other ways of writing it."""
    bodies = sorted((translate(t) for t in terms), key=len, reverse=True)
    regex = r"(?<!\w)(?:" + "|".join(bodies) + ")" + SUFFIX + r"(?!\w)"
    return re.compile(regex, 0 if match_case else re.IGNORECASE)


def _alternatives(phrases: list[str], lists: dict[str, str]) -> str:
    regexes = sorted((translate(p, lists) for p in phrases), key=len, reverse=True)
    return "(?:" + "|".join(regexes) + ")"


def before_pattern(phrases: list[str], lists: dict[str, str]) -> re.Pattern[str] | None:
    """Match any of the phrases at the very end of the text before a term."""
    if not phrases:
        return None
    return re.compile(r"(?<!\w)" + _alternatives(phrases, lists) + r"[\s\-]+\Z", re.IGNORECASE)


def after_pattern(phrases: list[str], lists: dict[str, str]) -> re.Pattern[str] | None:
    """Match any of the phrases straight after a term (use with .match at its end)."""
    if not phrases:
        return None
    return re.compile(r"[\s\-]+" + _alternatives(phrases, lists) + r"(?!\w)", re.IGNORECASE)
