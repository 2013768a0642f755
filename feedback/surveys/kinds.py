"""The kinds of question, in one list: what each asks of a person and how it is stored.

A new kind is a line here, its form (`feedback.surveys.forms.FORM_FOR_ANSWER` if it
takes a new shape of answer), its screen (`templates/surveys/question.html`), and a
migration for the database's list of kinds. See docs/how-to/add-a-question-kind.md.

Answer shapes, and where an answer keeps what was said:
- "one": one option's value in `Answer.value` (scored kinds: `Answer.score` too);
- "many": option values in `Answer.choices`;
- "words": words in `Answer.value` (and maybe a drawing), analysed;
- "number": a whole number, as text, in `Answer.value`;
- "tell": option values in `Answer.choices`, and the words typed for "Other - tell us"
  in `Answer.value`, analysed like any comment;
- "statements": one value per statement in `Answer.choices` ("" for none); the score is
  the average of the scored ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # on the builder's staff screens
    answer: str  # the answer shape: see above
    scale: bool = False  # scored: each option has a score 0-100, or none ("not scored")
    ready_made: bool = False  # its answers are a ready-made scale from scales.toml
    lead_writes_options: bool = False  # the lead writes the answers to choose from
    pick_one: bool = True  # for "tell": choose one (True) or any (False)


KINDS = {
    kind.key: kind
    for kind in (
        Kind("faces3", "Three faces (happy, OK, sad)", "one", scale=True, ready_made=True),
        Kind("faces5", "Five faces (really good to bad)", "one", scale=True, ready_made=True),
        Kind("yesno", "Yes, no or not sure", "one", scale=True, ready_made=True),
        Kind("sometimes", "Yes, sometimes, no or don't know", "one", scale=True, ready_made=True),
        Kind("zero10", "A number from 0 to 10", "one", scale=True, ready_made=True),
        Kind("scale", "Your own scale (answers and scores you write)", "one", scale=True,
             lead_writes_options=True),
        Kind("single", "Choose one answer", "one", lead_writes_options=True),
        Kind("multi", "Choose any answers", "many", lead_writes_options=True),
        Kind("one_other", "Choose one, or Other - tell us", "tell", lead_writes_options=True),
        Kind("any_other", "Choose any, or Other - tell us", "tell", lead_writes_options=True,
             pick_one=False),
        Kind("number", "A number they type", "number"),
        Kind("statements", "Statements sharing one scale", "statements", scale=True,
             lead_writes_options=True),
        Kind("text", "Write in their own words", "words"),
    )
}  # fmt: skip
KIND_KEYS = tuple(KINDS)
SCALE_KINDS = tuple(k.key for k in KINDS.values() if k.scale)
READY_MADE = tuple(k.key for k in KINDS.values() if k.ready_made)  # scales.toml tables
CHOICE_KINDS = tuple(k.key for k in KINDS.values() if k.lead_writes_options)
KIND_NAMES = {k.key: k.label for k in KINDS.values()}
# Kinds whose Answer.value holds words a person wrote: analysed (sentiment, safeguarding
# alerts, themes) and read as comments. Queries use this, never a kind's name.
WORD_KINDS = tuple(k.key for k in KINDS.values() if k.answer in ("words", "tell"))
# Kinds whose Answer.choices holds the options chosen.
CHOICES_KINDS = tuple(k.key for k in KINDS.values() if k.answer in ("many", "tell", "statements"))
OTHER = "other"  # the value of the "Other - tell us" option


def answer_shape(kind: str) -> str:
    """How a person answers this kind of question: see the module's docstring."""
    return KINDS[kind].answer


def is_words(kind: str) -> bool:
    """Does an answer to this kind hold words to analyse (a comment)?"""
    return kind in WORD_KINDS
