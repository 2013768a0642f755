"""Forms for staff sign-in and account settings. Pasting into any of them is fine."""

from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import AnyOf, DataRequired, EqualTo, Length, Regexp

from feedback.forms import SafeForm
from feedback.staff.models import MAX_PIN_LENGTH, MIN_PASSWORD_LENGTH, MIN_PIN_LENGTH

MAX_PASSWORD_LENGTH = 1000


class LoginForm(SafeForm):
    email = EmailField("Email address", validators=[DataRequired(), Length(max=254)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)]
    )


def _strip_spaces(value):
    return value.replace(" ", "") if isinstance(value, str) else value


class CodeForm(SafeForm):
    code = StringField(
        "Code from your authenticator app",
        filters=[_strip_spaces],
        validators=[
            DataRequired(message="Enter the 6-digit code."),
            Regexp(r"^\d{6}$", message="The code is 6 digits, like 123456."),
        ],
    )


class PasswordChangeForm(SafeForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    new = PasswordField(
        "New password",
        description=f"At least {MIN_PASSWORD_LENGTH} characters. A few words you will remember "
        "works well. You can paste from a password manager.",
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=MAX_PASSWORD_LENGTH,
                message=f"Use at least {MIN_PASSWORD_LENGTH} characters.",
            ),
        ],
    )
    confirm = PasswordField(
        "New password again",
        validators=[DataRequired(), EqualTo("new", message="The two new passwords differ.")],
    )


class TwoFactorOffForm(CodeForm):
    pass


class PinForm(SafeForm):
    """A short PIN for leaving a family's screens on a shared tablet."""

    current = PasswordField("Current password", validators=[DataRequired()])
    pin = PasswordField(
        "New PIN",
        description=f"{MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits. Not your bank PIN.",
        validators=[
            DataRequired(),
            Regexp(
                rf"^\d{{{MIN_PIN_LENGTH},{MAX_PIN_LENGTH}}}$",
                message=f"Use {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.",
            ),
        ],
    )
    confirm = PasswordField(
        "New PIN again",
        validators=[DataRequired(), EqualTo("pin", message="The two PINs differ.")],
    )


class AccountActiveForm(SafeForm):
    """Disable or enable one staff account (the buttons on the accounts page)."""

    active = HiddenField(validators=[AnyOf(["yes", "no"], message="Choose enable or disable.")])
