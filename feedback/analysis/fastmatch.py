"""Run many regular expressions over short comments quickly.

Every comment meets a few hundred patterns. Two tricks keep that cheap, without
changing what matches:

- ``WordPattern`` checks a leading ``\\b`` itself, so ``re`` can skip quickly to the
  places where the pattern can start;
- ``PatternGate`` reads each pattern once to learn the words it can start with
  ("hits?|punch..." can only start at a word beginning "hit" or "punch"), and then
  only runs the patterns whose first word is in the comment, and only there: each is
  tried once at each such word (``re.match`` at that place) instead of being searched
  for along the whole comment. A pattern whose start it cannot work out is searched
  for everywhere.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

try:  # the regular-expression parser's own modules (Python 3.11+)
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - a later Python: run every pattern
    sre = sre_parse = None

_LEADING_WORD = re.compile(r"[a-z0-9]+")
_GATE_TOKEN = re.compile(r"[a-z0-9]+")
# A gate token where "\b" holds: not after a letter, digit or "_" ("café" folded oddly).
# ... and the word after it, when one space comes between.
_WORD_START = re.compile(r"(?<!\w)([a-z0-9]+)(?:(?= ([a-z0-9]+)))?")


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
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = value
            if not add_flags & re.IGNORECASE:
                found.extend(_needed(list(body.data)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, body = value
            if low >= 1:
                found.extend(_needed(list(body.data)))
    flush()
    return found


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
        elif op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = value
            if not add_flags & re.IGNORECASE:
                found.extend(_needed_choices(list(body.data)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, body = value
            if low >= 1:
                found.extend(_needed_choices(list(body.data)))
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


def _anchored(pattern: str) -> bool:
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


class WordPattern:
    r"""A regular expression whose leading ``\b`` is checked here, not by ``re``, and
    which is not searched for at all in a text missing a part every match needs (or
    all the choices of a part, such as "fight|argue|shout")."""

    __slots__ = ("regex", "boundary", "source", "needs", "needs_one_of", "needs_a_character")

    def __init__(self, pattern: str):
        self.source = pattern
        self.boundary = pattern.startswith(r"\b")
        self.regex = re.compile(pattern[2:] if self.boundary else pattern)
        self.needs, self.needs_one_of, self.needs_a_character = (), (), None
        if _anchored(pattern):  # tried at the start only: quicker than any check
            return
        self.needs = needed_text(pattern)
        self.needs_one_of = needed_choices(pattern)
        # Only for a pattern with no longer parts to look for, such as a set of emoji.
        if not (self.needs or self.needs_one_of):
            self.needs_a_character = needed_characters(pattern)

    def could_match(self, text: str) -> bool:
        """False when ``text`` lacks a part every match needs (then it cannot match)."""
        for part in self.needs:
            if part not in text:
                return False
        for choices in self.needs_one_of:
            if not any(map(text.__contains__, choices)):
                return False
        return self.needs_a_character is None or self.needs_a_character.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield matches that start at a word boundary, like ``re.finditer``."""
        if not self.could_match(text):
            return
        if not self.boundary:
            yield from self.regex.finditer(text)
            return
        position = 0
        while (match := self.regex.search(text, position)) is not None:
            start = match.start()
            before = start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")
            here = start < len(text) and (text[start].isalnum() or text[start] == "_")
            if before != here:
                yield match
                position = match.end() if match.end() > start else start + 1
            else:
                position = start + 1

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


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


def first_heads(pattern: WordPattern) -> set[Head] | None:
    """How ``pattern`` can start (see ``_heads``; None: anything)."""
    if not pattern.boundary or sre_parse is None:
        return None
    try:
        return _heads(list(sre_parse.parse(pattern.source[2:]).data))
    except (re.error, AttributeError, IndexError, TypeError):
        return None


def first_words(pattern: WordPattern) -> set[str] | None:
    """What a word must begin with for ``pattern`` to match there (None: anything)."""
    heads = first_heads(pattern)
    return None if heads is None else {word for word, _whole, _next in heads}


Words = list[tuple[int, str, str]]


def word_starts(text: str) -> Words:
    """(where, word, next word or "") of each word a gate looks patterns up by. Several
    gates read the same comment: work this out once and give it to each
    (``all_matches(text, words)``)."""
    return [(token.start(), token[1], token[2] or "") for token in _WORD_START.finditer(text)]


Tries = tuple[tuple[int, tuple[str, ...], Callable], ...]


class PatternGate:
    """Say which of many patterns could match a text, and where, from its words."""

    def __init__(self, patterns: Sequence[WordPattern]):
        self.patterns = tuple(patterns)
        self.always: set[int] = set()
        self._by_word: dict[str, dict[int, set[str]]] = defaultdict(dict)  # whole words
        self._by_start: dict[str, list[int]] = defaultdict(list)  # word beginnings
        for index, pattern in enumerate(patterns):
            heads = first_heads(pattern)
            if heads is None:
                self.always.add(index)
            for word, whole, after in heads or ():
                if whole:  # what the next word must begin with ("" for anything)
                    self._by_word[word].setdefault(index, set()).add(after)
                else:
                    self._by_start[word].append(index)
        self._lengths = sorted({len(start) for start in self._by_start})
        # Which patterns can start at a word depends on the word alone, and the same
        # words come back in comment after comment.
        self._tried_at = lru_cache(maxsize=50_000)(self._what_to_try)

    def _what_to_try(self, word: str) -> tuple[Tries, tuple[tuple[int, dict[str, Tries]], ...]]:
        """What to try at ``word``: the patterns that can start there whatever comes
        next, and those that can only when the next word begins with given letters, as
        (length, {letters: patterns}). Each pattern as (number, needed parts, match
        function)."""
        patterns = self.patterns

        def tries(numbers) -> Tries:
            return tuple((n, patterns[n].needs, patterns[n].regex.match) for n in numbers)

        anyway = {}  # pattern number -> None, in order
        for length in self._lengths:
            if length > len(word):
                break
            anyway.update(dict.fromkeys(self._by_start.get(word[:length], ())))
        following: dict[str, list[int]] = defaultdict(list)
        for number, afters in self._by_word.get(word, {}).items():
            if "" in afters:
                anyway[number] = None
            elif number not in anyway:
                for after in afters:  # a pattern twice at one word is harmless
                    following[after].append(number)
        by_length: dict[int, dict[str, Tries]] = defaultdict(dict)
        for after, numbers in following.items():
            by_length[len(after)][after] = tries(numbers)
        return tries(anyway), tuple(sorted(by_length.items()))

    def places(self, text: str) -> dict[int, list[int]]:
        """Pattern number -> the word starts where it can begin, in order (patterns
        that can begin anywhere are left out: see ``always``)."""
        found: dict[int, list[int]] = {}
        for start, word, after in word_starts(text):
            anyway, following = self._tried_at(word)
            numbers = [number for number, _needs, _match in anyway]
            for length, by_after in following:
                numbers += [number for number, _needs, _match in by_after.get(after[:length], ())]
            for number in dict.fromkeys(numbers):
                found.setdefault(number, []).append(start)
        return found

    def candidates(self, text: str) -> set[int]:
        """Numbers of the patterns worth running on ``text``."""
        return self.always.union(self.places(text))

    def all_matches(self, text: str, words: Words | None = None) -> list[tuple[int, re.Match[str]]]:
        """(pattern number, match) for every match of every pattern, by pattern number
        and then from left to right, as each pattern's ``finditer`` would find them.
        ``words`` is ``word_starts(text)``, when the caller already has it.

        One plain loop over the words: this runs a few hundred times a comment, so it
        avoids a function call for each pattern that finds nothing (nearly all)."""
        found: list[tuple[int, int, re.Match[str]]] = []
        ends: dict[int, int] = {}  # pattern number -> where its last match ended
        tried_at = self._tried_at
        for start, word, after in word_starts(text) if words is None else words:
            tries, following = tried_at(word)
            if following and after:  # patterns that need the next word to begin so
                for length, by_after in following:
                    more = by_after.get(after[:length])
                    if more:
                        tries += more
            for number, needs, match_here in tries:
                end = ends.get(number)
                if end is None:  # the pattern's first word here: are its parts?
                    if needs and not all(map(text.__contains__, needs)):
                        ends[number] = len(text)  # never worth trying again
                        continue
                    ends[number] = 0
                elif start < end:  # inside its last match: finditer does not overlap
                    continue
                match = match_here(text, start)
                if match is not None:
                    found.append((number, start, match))
                    ends[number] = match.end()
        for number in self.always:
            found += [(number, m.start(), m) for m in self.patterns[number].finditer(text)]
        found.sort(key=lambda item: item[:2])
        return [(number, match) for number, _start, match in found]
