"""survey revision: a number that changes whenever a survey or its questions change

Revision ID: perf_1
Revises: insight_2
Create Date: 2026-11-23 17:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "perf_1"
down_revision = "insight_2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_column("revision")
