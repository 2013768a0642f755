"""The form for adding or changing an audience."""

from __future__ import annotations

from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from feedback.audiences.models import KEY_PATTERN
from feedback.audiences.services import OWN_WORDS
from feedback.forms import SafeForm


def _strip(value):
    return value.strip() if isinstance(value, str) else value


WORD_SET_NAMES = (
    ("4-7", 'Children aged 4 to 7 (very few words, "tap")'),
    ("8-12", "Children aged 8 to 12"),
    ("13-18", "Young people aged 13 to 18"),
    ("parent", "Parents and carers"),
)

# Labels and hints for the words a band may have as its own.
WORD_LABELS = {
    "choose": ("Start page button", 'What they tap to find their surveys, e.g. "I\'m 8 to 11".'),
    "who_asks": ("Who is asking", "Use {service} for the service's name."),
    "who_reads": ("Who reads the answers", ""),
    "anonymous": ("Staying anonymous", ""),
    "anonymous_named": ("Staying anonymous, when the survey asks for a name", ""),
    "can_stop": ("Skipping and stopping", ""),
}


class AudienceForm(SafeForm):
    key = StringField(
        "Short name",
        [
            DataRequired(),
            Regexp(KEY_PATTERN, message="Use 1 to 10 small letters, numbers and -, like 8-11."),
        ],
        filters=[_strip, lambda v: v.lower() if v else v],
    )
    name = StringField("Name staff see", [DataRequired(), Length(max=80)], filters=[_strip])
    min_age = IntegerField(
        "Youngest age (leave empty for adults)", [Optional(), NumberRange(3, 25)]
    )
    max_age = IntegerField("Oldest age (optional)", [Optional(), NumberRange(3, 25)])
    reading_age = IntegerField(
        "Reading age to aim for", [Optional(), NumberRange(5, 18, "Use an age from 5 to 18.")]
    )
    words_from = SelectField(
        "Start from the words for", choices=[SelectChoice(k, v) for k, v in WORD_SET_NAMES]
    )
    choose = StringField(
        WORD_LABELS["choose"][0], [DataRequired(), Length(max=60)], filters=[_strip]
    )
    who_asks = TextAreaField(WORD_LABELS["who_asks"][0], [Length(max=500)], filters=[_strip])
    who_reads = TextAreaField(WORD_LABELS["who_reads"][0], [Length(max=500)], filters=[_strip])
    anonymous = TextAreaField(WORD_LABELS["anonymous"][0], [Length(max=500)], filters=[_strip])
    anonymous_named = TextAreaField(
        WORD_LABELS["anonymous_named"][0], [Length(max=500)], filters=[_strip]
    )
    can_stop = TextAreaField(WORD_LABELS["can_stop"][0], [Length(max=500)], filters=[_strip])
    privacy_notice = TextAreaField("Privacy notice", [Length(max=6000)], filters=[_strip])

    def validate_max_age(self, field: IntegerField) -> None:
        if field.data is not None and self.min_age.data is None:
            raise ValidationError("Give the youngest age too, or leave both empty.")
        if field.data is not None and field.data < self.min_age.data:
            raise ValidationError("The oldest age must be the same as or more than the youngest.")

    def fill(self, audience) -> None:
        """Show an audience's saved values."""
        for name in ("key", "name", "min_age", "max_age", "reading_age", "words_from"):
            getattr(self, name).data = getattr(audience, name)
        self.privacy_notice.data = audience.privacy_notice
        for name in OWN_WORDS:
            getattr(self, name).data = audience.words.get(name, "")

    def fields(self) -> dict:
        """What the service needs to add or change an audience."""
        return {
            "key": self.key.data,
            "name": self.name.data,
            "min_age": self.min_age.data,
            "max_age": self.max_age.data,
            "reading_age": self.reading_age.data,
            "words_from": self.words_from.data,
            "privacy_notice": self.privacy_notice.data or "",
            "words": {name: getattr(self, name).data for name in OWN_WORDS},
        }
