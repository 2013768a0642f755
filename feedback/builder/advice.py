"""The language checker's advice on a survey's words: shown beside each piece of text
in the builder, never a reason to refuse saving."""

from __future__ import annotations

from feedback.audiences.services import reading_level
from feedback.language import Finding, check_language
from feedback.surveys.models import Survey


def advice(text: str | None, survey: Survey) -> list[Finding]:
    """Findings for words this survey's audience will read (English surveys only)."""
    if not text or not text.strip() or survey.language != "en":
        return []
    return check_language(text, reading_level(survey.band))


def survey_advice_count(survey: Survey) -> int:
    """How many findings there are on everything the survey says."""
    texts = [survey.title, survey.intro, survey.thanks]
    for question in survey.questions:
        texts += [question.text, question.hint, *(o["label"] for o in question.options)]
    return sum(len(advice(text, survey)) for text in texts)
