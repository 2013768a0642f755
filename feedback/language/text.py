"""Normalise text for matching while remembering where each character came from.

People paste from Word, PDFs and phones: curly apostrophes, non-breaking spaces,
full-width letters, ligatures, soft hyphens. We match on a tidy copy (NFKC plus a
few substitutions) but report findings against the text exactly as written.
"""

import unicodedata
from dataclasses import dataclass

# Characters NFKC leaves alone that still stop a plain match. Invisible characters
# inside a word ("fai\u200bled") are dropped.
_SUBSTITUTE = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201b\u02bc\u2032", "'")
    | dict.fromkeys("\u201c\u201d", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-")
    | dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")
)


@dataclass(frozen=True)
class Normalised:
    """A tidy copy of some text, with a map back to the original offsets."""

    text: str
    starts: tuple[int, ...]  # original start of the cluster behind each character
    ends: tuple[int, ...]  # original end of that cluster

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the tidy copy back to a span of the original text."""
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str):
    """Yield (start, end) of each base character with the combining marks after it."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            yield start, i
            start = i


def normalise(text: str) -> Normalised:
    """Return the NFKC form of `text` used for matching, with an offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        tidy = unicodedata.normalize("NFKC", text[start:end])
        tidy = tidy.translate(_SUBSTITUTE)
        out.append(tidy)
        starts.extend([start] * len(tidy))
        ends.extend([end] * len(tidy))
    return Normalised("".join(out), tuple(starts), tuple(ends))
