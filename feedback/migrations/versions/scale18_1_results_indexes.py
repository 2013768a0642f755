"""indexes for results at scale: sent responses by time (covering), quotable answers

Revision ID: scale18_1
Revises: reading_1
Create Date: 2026-12-05 23:10:00

- `ix_responses_sent` (status, submitted_at, id): the per-day checks of both kinds of
  per-day counts (`analysis/daily.py`, `results/daily.py`) count and sum the ids of the
  responses sent each day; with this index they read the index alone.
- `ix_answers_quotable` (response_id) for answers whose writer said they may be quoted:
  the newest quotable comments are found by walking the newest responses.
"""

import sqlalchemy as sa
from alembic import op

revision = "scale18_1"
down_revision = "reading_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_responses_sent", "responses", ["status", "submitted_at", "id"], unique=False
    )
    op.create_index(
        "ix_answers_quotable",
        "answers",
        ["response_id"],
        unique=False,
        postgresql_where=sa.text("ok_to_quote IS true"),
        sqlite_where=sa.text("ok_to_quote IS 1"),
    )


def downgrade() -> None:
    op.drop_index("ix_answers_quotable", table_name="answers")
    op.drop_index("ix_responses_sent", table_name="responses")
