"""The database's own guard on safeguarding alerts (triggers on SQLite and PostgreSQL).

- An alert cannot be deleted before its retention date (`flask purge-expired` removes it
  after that date; nothing else can).
- What the child wrote and when it came in cannot be changed.
- Once acknowledged, the action recorded and who recorded it cannot be changed.

The foreign keys' own SET NULL (an erased response, a removed staff account) is allowed.
Created with the table (tests, `create_all`) and by the migration `insight_1`.
"""

from __future__ import annotations

from sqlalchemy import DDL, event

from feedback.alerts.models import SafeguardingAlert

_UPDATE_REFUSED = (
    "NEW.id IS NOT OLD.id OR NEW.comment IS NOT OLD.comment"
    " OR NEW.raised_at IS NOT OLD.raised_at"
    " OR (NEW.answer_id IS NOT OLD.answer_id AND NEW.answer_id IS NOT NULL)"
    " OR (NEW.survey_id IS NOT OLD.survey_id AND NEW.survey_id IS NOT NULL)"
    " OR (OLD.acknowledged_at IS NOT NULL AND (NEW.acknowledged_at IS NOT OLD.acknowledged_at"
    " OR NEW.action_taken IS NOT OLD.action_taken"
    " OR (NEW.acknowledged_by_id IS NOT OLD.acknowledged_by_id"
    " AND NEW.acknowledged_by_id IS NOT NULL)))"
)
_NOT_DELETE = "a safeguarding alert cannot be deleted before its retention date"
_NOT_CHANGE = "the comment and recorded action of a safeguarding alert cannot be changed"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER safeguarding_alerts_no_delete BEFORE DELETE ON safeguarding_alerts "
    "WHEN OLD.retain_until IS NULL OR OLD.retain_until > datetime('now') "
    f"BEGIN SELECT RAISE(ABORT, '{_NOT_DELETE}'); END",
    "CREATE TRIGGER safeguarding_alerts_no_update BEFORE UPDATE ON safeguarding_alerts "
    f"WHEN {_UPDATE_REFUSED} BEGIN SELECT RAISE(ABORT, '{_NOT_CHANGE}'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION safeguarding_alerts_no_delete() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_NOT_DELETE}'; END $$",
    "CREATE OR REPLACE FUNCTION safeguarding_alerts_no_update() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_NOT_CHANGE}'; END $$",
    "CREATE TRIGGER safeguarding_alerts_no_delete BEFORE DELETE ON safeguarding_alerts "
    "FOR EACH ROW WHEN (OLD.retain_until IS NULL OR OLD.retain_until > now()) "
    "EXECUTE FUNCTION safeguarding_alerts_no_delete()",
    "CREATE TRIGGER safeguarding_alerts_no_update BEFORE UPDATE ON safeguarding_alerts "
    f"FOR EACH ROW WHEN ({_UPDATE_REFUSED.replace('IS NOT OLD', 'IS DISTINCT FROM OLD')}) "
    "EXECUTE FUNCTION safeguarding_alerts_no_update()",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS safeguarding_alerts_no_delete",
    "DROP TRIGGER IF EXISTS safeguarding_alerts_no_update",
)
POSTGRES_FUNCTIONS_DROP = (
    "DROP FUNCTION IF EXISTS safeguarding_alerts_no_delete()",
    "DROP FUNCTION IF EXISTS safeguarding_alerts_no_update()",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS safeguarding_alerts_no_delete ON safeguarding_alerts",
    "DROP TRIGGER IF EXISTS safeguarding_alerts_no_update ON safeguarding_alerts",
    *POSTGRES_FUNCTIONS_DROP,
)

_table = SafeguardingAlert.__table__
for _sql in SQLITE_TRIGGERS:
    event.listen(_table, "after_create", DDL(_sql).execute_if(dialect="sqlite"))
for _sql in POSTGRES_TRIGGERS:
    event.listen(_table, "after_create", DDL(_sql).execute_if(dialect="postgresql"))
# PostgreSQL keeps functions after their table is dropped; drop them with it.
for _sql in POSTGRES_FUNCTIONS_DROP:
    event.listen(_table, "after_drop", DDL(_sql).execute_if(dialect="postgresql"))
