"""When an action may be published for children and families: the one rule.

The board edition may use staff words. The family booklet and the public page may not:
an action is published for families only while the language checker finds no jargon,
acronyms or blaming words in what children and families will read (its "you told us"
and "we did"), read as the action's chosen audience would. Cold service words ("LAC
review", "placement") count as jargon here: families' own words are "your meeting",
"where you live". Reading age is advice the lead sees, not a bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from feedback.language import Finding, check_language
from feedback.language.glossary import Audience as ReadingLevel

BARS = frozenset({"jargon", "acronym", "blaming", "cold"})  # findings that stop family publishing
FAMILY_FIELDS = ("you_told_us", "we_did")


@dataclass(frozen=True)
class Advice:
    """The checker's findings on each field children and families read."""

    findings: dict[str, list[Finding]]

    @property
    def bars(self) -> list[Finding]:
        """Findings that stop the action being published for families."""
        return [f for found in self.findings.values() for f in found if f.kind in BARS]

    @property
    def family_ready(self) -> bool:
        return not self.bars


def advise(you_told_us: str, we_did: str, audience: str | ReadingLevel | None) -> Advice:
    """Check the words children and families will read, as this audience would read them."""
    texts = {"you_told_us": you_told_us or "", "we_did": we_did or ""}
    return Advice({name: check_language(text, audience=audience) for name, text in texts.items()})


class NotForFamilies(ValueError):
    """The action's words still have jargon, acronyms or blaming words for families."""

    def __init__(self, advice: Advice) -> None:
        self.advice = advice
        words = ", ".join(dict.fromkeys(f"\u201c{f.phrase}\u201d" for f in advice.bars))
        super().__init__(
            f"It cannot be published for children and families yet: change {words}. "
            "You can publish it in the board report only until then."
        )
