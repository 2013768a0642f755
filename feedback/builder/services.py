"""Builder services for whole surveys: make, reword, open, close, copy, translate and
archive. No Flask here: each takes a Session, flushes, and never commits."""

from __future__ import annotations

import tomllib
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback.audiences.models import Audience
from feedback.builder.errors import BadSchedule, BuilderError, SurveyNotReady, ensure_editable
from feedback.builder.questions import copy_question, current_questions
from feedback.db import utcnow
from feedback.languages import languages
from feedback.staff.audit import record
from feedback.surveys.models import Response, Survey

STARTER = Path(__file__).resolve().parent / "starter.toml"


@cache
def starter_words(audience: str) -> dict[str, str]:
    """The intro and thank-you words a new English survey for this audience starts with."""
    with STARTER.open("rb") as f:
        words = tomllib.load(f)[audience]
    return {key: value.strip() for key, value in words.items()}


def response_counts(session: Session) -> dict[int, int]:
    """How many responses (started or sent) each survey has, by survey id."""
    rows = session.execute(select(Response.survey_id, func.count()).group_by(Response.survey_id))
    return dict(rows.all())


def create_survey(
    session: Session, *, title: str, audience: str, language: str = "en", actor_id=None
) -> Survey:
    """Start a draft survey for an audience, with starter intro and thank-you words."""
    band = session.get(Audience, audience)
    if band is None:
        raise BuilderError("Choose who the survey is for.")
    # A new age band starts from the words of the shipped set its screen words come from.
    words = starter_words(band.words_from) if language == "en" else {"intro": "", "thanks": ""}
    survey = Survey(
        title=title.strip(),
        audience=audience,
        language=language,
        status="draft",
        created_by_id=actor_id,
        **words,
    )
    session.add(survey)
    session.flush()
    record(session, "survey_created", actor_id=actor_id, target_type="survey", target_id=survey.id)
    return survey


def update_words(session: Session, survey: Survey, *, title: str, intro: str, thanks: str) -> None:
    """Change the title, the intro and the thank-you words."""
    ensure_editable(survey)
    survey.title = title.strip()
    survey.intro, survey.thanks = (intro or "").strip(), (thanks or "").strip()
    session.flush()


def open_survey(
    session: Session,
    survey: Survey,
    *,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    actor_id=None,
) -> None:
    """Open a survey for answers, now or between optional dates."""
    ensure_editable(survey)
    if not current_questions(session, survey):
        raise SurveyNotReady("Add at least one question before you open this survey.")
    if opens_at and closes_at and closes_at <= opens_at:
        raise BadSchedule("The closing date must be after the opening date.")
    if closes_at and closes_at <= utcnow():
        raise BadSchedule("The closing date has already passed. Choose a later date.")
    survey.opens_at, survey.closes_at = opens_at, closes_at
    survey.open()
    session.flush()
    record(session, "survey_opened", actor_id=actor_id, target_type="survey", target_id=survey.id)


def close_survey(session: Session, survey: Survey, *, actor_id=None) -> None:
    """Stop taking answers (answers already given are kept)."""
    ensure_editable(survey)
    survey.close()
    session.flush()
    record(session, "survey_closed", actor_id=actor_id, target_type="survey", target_id=survey.id)


def archive_survey(session: Session, survey: Survey, *, actor_id=None) -> None:
    """Put a survey away: closed for good, kept with its answers, no longer changeable."""
    survey.archive()
    session.flush()
    record(session, "survey_archived", actor_id=actor_id, target_type="survey", target_id=survey.id)


def _copy(session: Session, survey: Survey, **changes) -> Survey:
    words = {
        "title": survey.title,
        "audience": survey.audience,
        "language": survey.language,
        "intro": survey.intro,
        "thanks": survey.thanks,
        "named_responses": survey.named_responses,
        "listed": survey.listed,
    }
    copy = Survey(**{**words, **changes}, status="draft")
    copy.all_questions = [
        copy_question(q, position=n)
        for n, q in enumerate(current_questions(session, survey), start=1)
    ]
    session.add(copy)
    session.flush()
    return copy


def duplicate_survey(session: Session, survey: Survey, *, title: str, actor_id=None) -> Survey:
    """Make a new draft with the same words and questions (and no answers)."""
    copy = _copy(session, survey, title=title.strip(), created_by_id=actor_id)
    record(
        session,
        "survey_duplicated",
        actor_id=actor_id,
        target_type="survey",
        target_id=copy.id,
        detail=f"from survey {survey.id}",
    )
    return copy


def translations(session: Session, survey: Survey) -> list[Survey]:
    """Every survey in this one's family of translations, itself included, original first."""
    root = survey.translation_of_id or survey.id
    family = select(Survey).where((Survey.id == root) | (Survey.translation_of_id == root))
    return list(session.scalars(family.order_by(Survey.id)))


def translate_survey(session: Session, survey: Survey, *, language: str, actor_id=None) -> Survey:
    """Copy a survey into another language, linked to it, for the lead to reword."""
    ensure_editable(survey)
    if language not in languages():
        raise BuilderError("We cannot show surveys in that language yet.")
    if any(s.language == language for s in translations(session, survey)):
        raise BuilderError("This survey already has a version in that language.")
    copy = _copy(
        session,
        survey,
        language=language,
        created_by_id=actor_id,
        translation_of_id=survey.translation_of_id or survey.id,
    )
    record(
        session,
        "survey_translated",
        actor_id=actor_id,
        target_type="survey",
        target_id=copy.id,
        detail=f"{language} from survey {survey.id}",
    )
    return copy
