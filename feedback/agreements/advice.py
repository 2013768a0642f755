"""Advice on the words of an agreement from the language-that-cares checker.

Advice only: it never stops a worker saving. Child wording is checked against the
8 to 12 reading level, adult wording against the parent level.
"""

from __future__ import annotations

from dataclasses import dataclass

from feedback.agreements.content import checkable_texts
from feedback.language import check_language

CHECKER_AUDIENCE = {"child": "8-12", "adult": "parent"}


@dataclass(frozen=True)
class Advice:
    where: str  # the section heading
    text: str
    findings: tuple  # feedback.language Finding: .phrase, .reason, .suggestion


def advise(fields: dict, audience: str) -> list[Advice]:
    """Findings for each piece of text the family will read, where there are any."""
    level = CHECKER_AUDIENCE[audience]
    found = []
    for where, text in checkable_texts(fields):
        findings = check_language(text, audience=level)
        if findings:
            found.append(Advice(where, text, tuple(findings)))
    return found
