"""The results filters: the dashboard's (period, audience, survey) and the tablet's team;
and the written-answers filters."""

from __future__ import annotations

from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from feedback.analysis import THEMES
from feedback.dashboard.forms import DashboardForm

SENTIMENTS = {"positive": "Positive", "neutral": "Neutral", "negative": "Negative"}
FLAGGED = {"no": "Not flagged", "yes": "Flagged for safeguarding"}


class ResultsForm(DashboardForm):
    """Whose answers to show: period, audience, survey and team (a GET form)."""

    team = SelectField("Team", choices=[SelectChoice("", "Every team")], default="")

    def set_teams(self, teams: list[str]) -> ResultsForm:
        self.team.choices = [SelectChoice("", "Every team")] + [SelectChoice(t, t) for t in teams]
        return self


class CommentsForm(ResultsForm):
    """The results filters, and which written answers to list."""

    # Checked against the chosen surveys' questions by the view, which knows them.
    question = SelectField(
        "Question", choices=[SelectChoice("", "Every question")], default="", validate_choice=False
    )
    theme = SelectField(
        "Theme",
        choices=[SelectChoice("", "Any theme")] + [SelectChoice(t.name, t.name) for t in THEMES],
        default="",
    )
    sentiment = SelectField(
        "Feeling",
        choices=[SelectChoice("", "Any")] + [SelectChoice(k, v) for k, v in SENTIMENTS.items()],
        default="",
    )
    flagged = SelectField(
        "Safeguarding",
        choices=[SelectChoice("", "Flagged or not")]
        + [SelectChoice(k, v) for k, v in FLAGGED.items()],
        default="",
    )
    words = StringField("Words in the answer", validators=[Optional(), Length(max=100)])

    def set_questions(self, questions) -> CommentsForm:
        self.question.choices = [SelectChoice("", "Every question")] + [
            SelectChoice(str(q.id), q.text) for q in questions
        ]
        return self
