"""Forms for people's rights requests."""

from __future__ import annotations

from wtforms import BooleanField, HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, Length

from feedback.forms import FreeText, SafeForm


class PersonForm(SafeForm):
    name = StringField(
        "Name given on their responses",
        validators=[Length(max=120)],
        description="The whole name, as they gave it. Case and spacing do not matter.",
    )
    reference = StringField(
        "Family reference",
        validators=[Length(max=60)],
        description="The reference on the family's Working Together Agreements.",
    )

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not (self.name.data or "").strip() and not (self.reference.data or "").strip():
            self.name.errors.append("Enter a name or a family reference (or both).")
            return False
        return True


class CorrectNameForm(PersonForm):
    new_name = StringField(
        "Correct name",
        validators=[DataRequired(message="Enter the correct name."), Length(max=120)],
    )


class CorrectAnswerForm(PersonForm):
    answer_id = IntegerField("Answer", validators=[DataRequired()])
    text = FreeText("Corrected words", validators=[DataRequired(message="Enter the words.")])


class EraseForm(PersonForm):
    confirm = BooleanField(
        "I have checked that the law allows us to erase these records",
        validators=[DataRequired(message="Tick the box to confirm you have checked.")],
    )


class SearchAgainForm(PersonForm):
    """The search, carried in hidden fields on the results page's buttons."""

    name = HiddenField()
    reference = HiddenField()
