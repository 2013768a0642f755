"""The kinds of question, in one list: what each asks of a person and how it is stored.

A new kind is a line here, its form (`feedback.surveys.forms.FORM_FOR_ANSWER` if it
takes a new shape of answer), its screen (`templates/surveys/question.html`), and a
migration for the database's list of kinds. See docs/how-to/add-a-question-kind.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # on the builder's staff screens
    answer: str  # "one" (choose one), "many" (choose any), "words" (write, or draw)
    scale: bool = False  # scored, with the standard answers from scales.toml
    lead_writes_options: bool = False  # the lead writes the answers to choose from


KINDS = {
    kind.key: kind
    for kind in (
        Kind("faces3", "Three faces (happy, OK, sad)", "one", scale=True),
        Kind("faces5", "Five faces (really good to really bad)", "one", scale=True),
        Kind("yesno", "Yes, no or not sure", "one", scale=True),
        Kind("single", "Choose one answer", "one", lead_writes_options=True),
        Kind("multi", "Choose any answers", "many", lead_writes_options=True),
        Kind("text", "Write in their own words", "words"),
    )
}
KIND_KEYS = tuple(KINDS)
SCALE_KINDS = tuple(k.key for k in KINDS.values() if k.scale)
CHOICE_KINDS = tuple(k.key for k in KINDS.values() if k.lead_writes_options)
KIND_NAMES = {k.key: k.label for k in KINDS.values()}
WORD_KINDS = tuple(k.key for k in KINDS.values() if k.answer == "words")  # analysed


def answer_shape(kind: str) -> str:
    """ "one", "many" or "words": how a person answers this kind of question."""
    return KINDS[kind].answer
