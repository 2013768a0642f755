"""What a regular expression needs, read from its parsed form (``re``'s own parser).

``fastmatch`` uses these to skip patterns that cannot match a comment: the text every
match contains, the choices it contains one of, the characters it contains one of, and
the words it can start with. Each answer may let through a text that does not match,
never the other way round: leaving a part out only lets more through.
"""

import re

try:  # the regular-expression parser's own modules (Python 3.11+)
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - a later Python: run every pattern
    sre = sre_parse = None

_LEADING_WORD = re.compile(r"[a-z0-9]+")


def _needed(items) -> list[str]:
    """Runs of plain characters every match must contain, from a parsed pattern (only
    those it must match outright: nothing inside alternatives, optional parts, look-arounds
    or case-insensitive groups)."""
    found: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:  # a single character is not worth looking for
            found.append("".join(run))
        run.clear()

    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        flush()
        found.extend(_needed(_must_match(op, value)))
    flush()
    return found


def _must_match(op, value) -> list:
    """The parsed items inside a group or a repeat that every match must match outright
    (none for a case-insensitive group, an optional part or anything else)."""
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, body = value
        return [] if add_flags & re.IGNORECASE else list(body.data)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = value
        return list(body.data) if low >= 1 else []
    return []


def _needed_choices(items) -> list[tuple[str, ...]]:
    """Choices every match must contain one of: for each set of alternatives it must
    match outright, one run of plain characters from each ("hurt|hit|beaten" needs
    "hurt", "hit" or "beaten"), when every alternative has one."""
    found: list[tuple[str, ...]] = []
    for op, value in items:
        if op is sre.BRANCH:
            runs = [_needed(list(branch.data)) for branch in value[1]]
            if all(runs):
                found.append(tuple(dict.fromkeys(max(run, key=len) for run in runs)))
        else:
            found.extend(_needed_choices(_must_match(op, value)))
    return found


def _parsed(pattern: str):
    """The parsed pattern, or None when it cannot be read or ignores case."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, AttributeError, IndexError, TypeError, ValueError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return parsed


def needed_choices(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Lists of choices a text must contain one of, each, for ``pattern`` to match
    (shortest list first; leaving out lists with a choice so short it is nearly always
    there, such as "me" or "us")."""
    parsed = _parsed(pattern)
    found = [] if parsed is None else _needed_choices(list(parsed.data))
    found = [choices for choices in found if min(map(len, choices)) >= 3]
    return tuple(sorted(found, key=len))


def _needed_characters(items) -> list | None:
    """Characters every match contains one of, as set items ((LITERAL, c) or (RANGE,
    (low, high))), from the first part that must match and gives such a list."""
    for op, value in items:
        found = None
        if op is sre.LITERAL:
            found = [(op, value)]
        elif op is sre.IN and all(kind in (sre.LITERAL, sre.RANGE) for kind, _ in value):
            found = list(value)
        elif op is sre.SUBPATTERN and not value[1] & re.IGNORECASE:
            found = _needed_characters(list(value[3].data))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _needed_characters(list(value[2].data))
        elif op is sre.BRANCH:
            found = []
            for branch in value[1]:
                in_branch = _needed_characters(list(branch.data))
                if in_branch is None:
                    found = None
                    break
                found += in_branch
        if found is not None:
            return found
    return None


def needed_characters(pattern: str) -> re.Pattern[str] | None:
    """A search for the characters every match of ``pattern`` contains one of
    ("[😊😢:=<x]"), or None when it cannot be worked out."""
    parsed = _parsed(pattern)
    found = None if parsed is None else _needed_characters(list(parsed.data))
    if not found:
        return None
    parts = []
    for op, value in found:
        low, high = (value, value) if op is sre.LITERAL else value
        parts.append(re.escape(chr(low)) + ("-" + re.escape(chr(high)) if high > low else ""))
    return re.compile("[" + "".join(parts) + "]")


def anchored(pattern: str) -> bool:
    """True when ``pattern`` can only match at the start of a text ("^great...")."""
    parsed = _parsed(pattern)
    return parsed is not None and parsed.data[:1] == [(sre.AT, sre.AT_BEGINNING)]


def needed_text(pattern: str) -> tuple[str, ...]:
    """What a text must contain for ``pattern`` to match anywhere in it (maybe nothing)."""
    parsed = _parsed(pattern)
    if parsed is None:
        return ()
    # Longest first: the rarest, most often the one missing.
    return tuple(sorted(set(_needed(list(parsed.data))), key=len, reverse=True))


Head = tuple[str, bool, str]  # first word, whole word?, what the next word begins with


def _heads(items: list, first: str = "", second: str | None = None) -> set[Head] | None:
    """(first word, whole word?, next word's beginning) of each way a parsed pattern
    can start, or None if unknown. The first word is whole when the pattern goes on
    with something that cannot be part of a word ("i want", "(?:my|our)\\b"): it can
    only start at that very word, not at every word beginning so ("is", "it"). After a
    whole word and one space, the letters that follow begin the next word ("my view":
    worth trying at "my" only when "view..." comes next); "" when unknown.

    ``second`` is None while the first word is being read."""
    for at, (op, value) in enumerate(items):
        if op is sre.LITERAL and _LEADING_WORD.fullmatch(chr(value)):
            if second is None:
                first += chr(value)
            else:
                second += chr(value)
            continue
        ways = _ways(op, value)
        if ways is not None:
            found: set[Head] = set()
            for way in ways:
                heads = _heads(way + items[at + 1 :], first, second)
                if heads is None:
                    return None
                found |= heads
            return found
        if not first:
            if op is sre.AT and value is sre.AT_BOUNDARY:
                continue  # a boundary before the first letter: already checked
            return None
        if second is not None:  # the next word's beginning ends here
            return {(first, True, second)}
        if op is sre.LITERAL:  # not a letter or digit: the first word is whole
            if chr(value) == " ":
                second = ""
                continue
            return {(first, True, "")}
        if op is sre.AT and value is sre.AT_BOUNDARY:
            return {(first, True, "")}
        return {(first, False, "")}  # "hits?": any word beginning "hit"
    if not first:
        return None
    if second is None:  # the end of the pattern: "hit" matches in "hits"
        return {(first, False, "")}
    return {(first, True, second)}


_FEW = 12  # a set of characters worth trying one by one ("[2-9]")


def _ways(op, value) -> list[list] | None:
    """The ways through one parsed item, each a list of items, when it is a group,
    alternatives, an optional part, a small set of characters or a look-around (which
    matches no text: leaving it out only lets more through); None for anything else."""
    if op is sre.SUBPATTERN and not value[1] & re.IGNORECASE:  # (?i:) could be "Hit"
        return [list(value[3].data)]
    if op is sre.BRANCH:
        return [list(branch.data) for branch in value[1]]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[:2] == (0, 1):
        return [[], list(value[2].data)]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [[]]
    if op is sre.IN:
        chars: list[int] = []
        for item_op, item in value:
            if item_op is sre.LITERAL:
                chars.append(item)
            elif item_op is sre.RANGE and item[1] - item[0] < _FEW:
                chars += range(item[0], item[1] + 1)
            else:
                return None  # a category, a negated set, a wide range
        if len(chars) <= _FEW:
            return [[(sre.LITERAL, char)] for char in chars]
    return None


def pattern_heads(source: str) -> set[Head] | None:
    """How a pattern (without its leading ``\\b``) can start: see ``_heads``; None
    when anything could come first."""
    if sre_parse is None:
        return None
    try:
        return _heads(list(sre_parse.parse(source).data))
    except (re.error, AttributeError, IndexError, TypeError):
        return None
