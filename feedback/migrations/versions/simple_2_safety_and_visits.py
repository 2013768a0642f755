"""safety questions, the tablet visit's worker and team on a response, alert kinds and a
child's own contact request

Revision ID: simple_2
Revises: agreements_2
Create Date: 2026-12-05 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "simple_2"
down_revision = "agreements_2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("safety", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("worker_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("team", sa.String(length=80), nullable=True))
        batch_op.create_index("ix_responses_team", ["team"], unique=False)
        batch_op.create_foreign_key(
            "fk_responses_worker_id_users", "users", ["worker_id"], ["id"], ondelete="SET NULL"
        )
    # Plain ADD COLUMN (no table rebuild on SQLite): the alert table's guard triggers stay.
    op.add_column(
        "safeguarding_alerts",
        sa.Column("kind", sa.String(length=20), server_default="words", nullable=False),
    )
    op.add_column("safeguarding_alerts", sa.Column("contact", sa.Text(), nullable=True))


def downgrade() -> None:
    # SQLite 3.35+ drops a column without rebuilding the table.
    op.drop_column("safeguarding_alerts", "contact")
    op.drop_column("safeguarding_alerts", "kind")
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.drop_constraint("fk_responses_worker_id_users", type_="foreignkey")
        batch_op.drop_index("ix_responses_team")
        batch_op.drop_column("team")
        batch_op.drop_column("worker_id")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("safety")
