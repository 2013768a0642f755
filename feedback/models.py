"""Import every model module so the metadata knows all tables (for Alembic and tests)."""

from feedback.agreements.models import (
    Agreement,
    AgreementTemplate,
    AgreementVersion,
    FamilyLink,
    Signature,
)
from feedback.alerts.history import AlertEvent, AlertNote
from feedback.alerts.models import SafeguardingAlert
from feedback.analysis.daily import DayStamp, ScoreDay, ThemeDay
from feedback.analysis.overrides import ThemeOverride
from feedback.audiences.models import Audience
from feedback.limits.models import RateCount
from feedback.reading.models import CommentRead
from feedback.reports.models import Action, WithheldQuote
from feedback.results.daily import AnswerDay, AnswerDayStamp
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from feedback.surveys.models import Answer, Question, Response, Survey

__all__ = [
    "Action",
    "Agreement",
    "AlertEvent",
    "AlertNote",
    "AgreementTemplate",
    "AgreementVersion",
    "FamilyLink",
    "Signature",
    "Answer",
    "Audience",
    "AnswerDay",
    "AnswerDayStamp",
    "CommentRead",
    "DayStamp",
    "AuditEvent",
    "Question",
    "RateCount",
    "Response",
    "SafeguardingAlert",
    "ScoreDay",
    "Survey",
    "ThemeDay",
    "ThemeOverride",
    "User",
    "WithheldQuote",
]
