"""comments to read (read markers), and working an alert: assignee, closed with an
outcome, append-only events and notes

Revision ID: reading_1
Revises: limits_1
Create Date: 2026-12-05 20:45:00
"""

import sqlalchemy as sa
from alembic import op

import feedback.db
from feedback.alerts.history import postgres_drop, postgres_triggers, sqlite_triggers

revision = "reading_1"
down_revision = "limits_1"
branch_labels = None
depends_on = None

HISTORY = ("alert_events", "alert_notes")


def _by(table: str, column: str = "by_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), ondelete="SET NULL"
    )


def _alert(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["alert_id"],
        ["safeguarding_alerts.id"],
        name=op.f(f"fk_{table}_alert_id_safeguarding_alerts"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "comment_reads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("read_by_id", sa.Integer(), nullable=True),
        sa.Column("read_at", feedback.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_comment_reads_answer_id_answers"),
            ondelete="CASCADE",
        ),
        _by("comment_reads", "read_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_reads")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_comment_reads_answer_id")),
    )
    # Plain ADD COLUMN (no table rebuild on SQLite): the alert table's guard triggers stay.
    # No foreign key on the assignee: SQLite could only add one by rebuilding the table.
    op.add_column("safeguarding_alerts", sa.Column("assigned_to_id", sa.Integer()))
    op.add_column(
        "safeguarding_alerts",
        sa.Column("closed_at", feedback.db.UTCDateTime(timezone=True), nullable=True),
    )
    op.add_column("safeguarding_alerts", sa.Column("outcome", sa.String(length=20)))
    op.drop_index("ix_safeguarding_alerts_open", table_name="safeguarding_alerts")
    op.create_index(
        "ix_safeguarding_alerts_open", "safeguarding_alerts", ["closed_at", "raised_at"]
    )
    op.create_table(
        "alert_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("at", feedback.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('raised', 'assigned', 'closed', 'reopened')",
            name=op.f("ck_alert_events_kind_known"),
        ),
        _alert("alert_events"),
        _by("alert_events", "assignee_id"),
        _by("alert_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_events")),
    )
    op.create_index("ix_alert_events_alert", "alert_events", ["alert_id", "at"])
    op.create_table(
        "alert_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("at", feedback.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        _alert("alert_notes"),
        _by("alert_notes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_notes")),
    )
    op.create_index("ix_alert_notes_alert", "alert_notes", ["alert_id", "at"])
    # Alerts acknowledged before they could be worked: closed as "other", the action that
    # was recorded kept as the closing note, by the same person at the same time.
    op.execute(
        "UPDATE safeguarding_alerts SET closed_at = acknowledged_at, outcome = 'other'"
        " WHERE acknowledged_at IS NOT NULL"
    )
    op.execute(
        "INSERT INTO alert_events (alert_id, kind, at, by_id, outcome, note)"
        " SELECT id, 'closed', acknowledged_at, acknowledged_by_id, 'other',"
        " COALESCE(action_taken, '') FROM safeguarding_alerts WHERE acknowledged_at IS NOT NULL"
    )
    for table in HISTORY:
        for sql in postgres_triggers(table) if postgres else sqlite_triggers(table):
            op.execute(sql)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in HISTORY:
        if postgres:
            for sql in postgres_drop(table):
                op.execute(sql)
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    op.drop_index("ix_alert_notes_alert", table_name="alert_notes")
    op.drop_table("alert_notes")
    op.drop_index("ix_alert_events_alert", table_name="alert_events")
    op.drop_table("alert_events")
    op.drop_index("ix_safeguarding_alerts_open", table_name="safeguarding_alerts")
    op.create_index(
        "ix_safeguarding_alerts_open", "safeguarding_alerts", ["acknowledged_at", "raised_at"]
    )
    op.drop_column("safeguarding_alerts", "outcome")
    op.drop_column("safeguarding_alerts", "closed_at")
    op.drop_column("safeguarding_alerts", "assigned_to_id")
    op.drop_table("comment_reads")
