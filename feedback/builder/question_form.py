"""The builder's question form: kind, words, and answers typed in rows, pasted one a
line, or put in a new order in one go. Nothing typed is dropped without a message:
`feedback.builder.options.not_kept` says what a kind cannot keep, and why."""

from __future__ import annotations

from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from feedback.builder.labels import KIND_NAMES
from feedback.builder.options import MAX_OPTIONS, MAX_STATEMENTS, not_kept
from feedback.forms import SafeForm
from feedback.principles import PRINCIPLES
from feedback.surveys.kinds import CHOICE_KINDS, KINDS, READY_MADE
from feedback.surveys.models import Survey
from feedback.surveys.scales import NOT_SCORED

MAX_WORDS = 120


def _strip(value):
    return value.strip() if isinstance(value, str) else value


NO_PRINCIPLE = "Not part of a principle (reported on its own)"


def _principle(value):
    """A principle's number, or None for a question outside the principles."""
    return int(value) if value not in (None, "", "None") else None


def _choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in pairs]


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class OptionForm(Form):
    """One answer to choose from: its place, words, emoji and score."""

    value = HiddenField()
    order = IntegerField("Order", [Optional()])
    words = StringField("Words", [Optional()], filters=[_strip])
    emoji = StringField(
        "Emoji",
        [Optional(), Length(max=8, message="Use one emoji (or none) for each answer.")],
        filters=[_strip],
    )
    score = StringField("Score", [Optional()], filters=[_strip])


def _score_problem(n: int, score) -> str | None:
    score = str(score if score is not None else "").strip()
    if score.lower() in NOT_SCORED:
        return None
    if not score.isdigit() or not 0 <= int(score) <= 100:
        return f"Answer {n}: a score is a whole number from 0 to 100, or empty for not scored."
    return None


def pasted(text: str | None) -> list[dict]:
    """Answers pasted one a line; "Words | score" gives a score ("Don't know | -": none)."""
    out = []
    for line in _lines(text):
        words, _bar, score = line.partition("|")
        out.append({"value": "", "label": words.strip(), "emoji": "", "score": score.strip()})
    return out


class QuestionForm(SafeForm):
    kind = SelectField("Kind of answer", choices=_choices(KIND_NAMES.items()))
    principle = SelectField(
        "Principle",
        coerce=_principle,
        choices=_choices(
            [*((p.number, f"{p.number}. {p.title}") for p in PRINCIPLES), ("", NO_PRINCIPLE)]
        ),
    )
    text = TextAreaField("Question", [DataRequired(), Length(max=500)], filters=[_strip])
    hint = TextAreaField("Hint (optional)", [Optional(), Length(max=500)], filters=[_strip])
    options = FieldList(FormField(OptionForm))  # no max_entries: it would drop rows unsaid
    paste = TextAreaField("Or paste answers, one a line", [Optional()], filters=[_strip])
    statements = TextAreaField("Statements, one a line", [Optional()], filters=[_strip])
    statement_scale = SelectField(
        "Scale the statements share",
        choices=_choices(
            [*((k, KIND_NAMES[k]) for k in READY_MADE), ("own", "Answers written below")]
        ),
        default="sometimes",
    )
    number_min = IntegerField("Smallest number allowed (optional)", [Optional()])
    number_max = IntegerField("Largest number allowed (optional)", [Optional()])
    safety = BooleanField("This is a safety question")

    def __init__(self, *args, survey: Survey, **kwargs):
        self.survey = survey
        super().__init__(*args, **kwargs)

    def fill_blank_options(self, blanks: int = 3) -> None:
        """Show a few empty answer rows to write in (no JavaScript needed)."""
        while len(self.options) < MAX_OPTIONS and blanks > 0:
            self.options.append_entry()
            blanks -= 1

    def option_values(self) -> list[dict]:
        """The answers as written, in the order asked for (rows with an order number
        first, by that number; then the others as they were), then any pasted ones."""
        rows = list(enumerate(self.options))
        rows.sort(key=lambda r: (r[1].order.data is None, r[1].order.data or 0, r[0]))
        typed = [
            {"value": e.value.data, "label": e.words.data, "emoji": e.emoji.data,
             "score": e.score.data, **({"other": True} if e.value.data == "other" else {})}
            for _n, e in rows
        ]  # fmt: skip
        return typed + pasted(self.paste.data)

    def settings(self) -> dict:
        kind = self.kind.data
        if kind == "number":
            return {"min": self.number_min.data, "max": self.number_max.data}
        if kind == "statements":
            return {"statements": _lines(self.statements.data), "scale": self.statement_scale.data}
        return {}

    def question_fields(self) -> dict:
        """What the services need to write or change a question."""
        return {
            "kind": self.kind.data,
            "principle": self.principle.data,
            "text": self.text.data,
            "hint": self.hint.data,
            "options": self.option_values(),
            "settings": self.settings(),
            "safety": bool(self.safety.data),
        }

    def show_question(self, question) -> None:
        """Fill the rows and settings from a saved question."""
        while len(self.options):
            self.options.pop_entry()
        for n, option in enumerate(question.options, start=1):
            score = option.get("score")
            self.options.append_entry(
                {"value": option["value"], "words": option["label"], "emoji": option.get("emoji"),
                 "order": n, "score": "" if score is None else str(score)}
            )  # fmt: skip
        settings = question.settings or {}
        self.statements.data = "\n".join(settings.get("statements") or [])
        self.statement_scale.data = settings.get("scale") or "sometimes"
        self.number_min.data, self.number_max.data = settings.get("min"), settings.get("max")

    def validate_options(self, field: FieldList) -> None:
        kind = self.kind.data
        if kind not in KINDS:
            return
        problems = []
        for n, e in enumerate(field, start=1):
            if not e.words.data and (e.emoji.data or e.score.data):
                problems.append(
                    f"Answer {n} has an emoji or a score but no words, so it cannot be kept. "
                    "Write its words, or clear the row."
                )
            if e.words.data and len(e.words.data) > MAX_WORDS:
                problems.append(f"Answer {n}: keep each answer under {MAX_WORDS} characters.")
            if KINDS[kind].scale:
                problems.append(_score_problem(n, e.score.data))
        for line in pasted(self.paste.data):
            if len(line["label"]) > MAX_WORDS:
                problems.append(f'"{line["label"][:40]}..." is longer than {MAX_WORDS} characters.')
            if KINDS[kind].scale:
                problems.append(_score_problem(0, line["score"]))
        problems += not_kept(kind, self.option_values(), self.settings())
        problems = [p for p in problems if p]
        if problems:
            raise ValidationError(" ".join(dict.fromkeys(problems)))
        own_scale = kind == "statements" and self.statement_scale.data == "own"
        if kind not in CHOICE_KINDS or (kind == "statements" and not own_scale):
            return
        values = self.option_values()
        labels = [o["label"].casefold() for o in values if o["label"] and not o.get("other")]
        if len(labels) < 2 and KINDS[kind].answer != "tell":
            raise ValidationError("Write at least two answers to choose from.")
        if not labels:
            raise ValidationError("Write at least one answer besides Other.")
        if len(set(labels)) < len(labels):
            raise ValidationError("Two answers have the same words. Make each one different.")

    def validate_statements(self, field: TextAreaField) -> None:
        if self.kind.data != "statements":
            if _lines(field.data):
                raise ValidationError(
                    'Statements are only used by "Statements sharing one scale": clear them, '
                    "or choose that kind."
                )
            return
        lines = _lines(field.data)
        if len(lines) < 2:
            raise ValidationError("Write at least two statements, one a line.")
        if len(lines) > MAX_STATEMENTS:
            raise ValidationError(f"Up to {MAX_STATEMENTS} statements; you wrote {len(lines)}.")
        if any(len(line) > 300 for line in lines):
            raise ValidationError("Keep each statement under 300 characters.")

    def validate_number_max(self, field: IntegerField) -> None:
        low = self.number_min.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError("The largest number must be more than the smallest.")


class NewQuestionForm(QuestionForm):
    bank_key = StringField(
        "Question bank key (optional)",
        [Optional(), Length(max=60), Regexp(r"^[a-z0-9_]+$", message="Use a-z, 0-9 and _ only.")],
        filters=[_strip, lambda v: v.lower() if v else v],
    )

    def validate_bank_key(self, field: StringField) -> None:
        if field.data and any(q.bank_key == field.data for q in self.survey.questions):
            raise ValidationError("This survey already has a question with that key.")
