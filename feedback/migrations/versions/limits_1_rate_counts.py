"""rate counts: limits counted in the database, shared by every worker and machine

Revision ID: limits_1
Revises: results_1
Create Date: 2026-12-05 19:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "limits_1"
down_revision = "results_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_counts",
        sa.Column("key", sa.String(length=96), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("previous", sa.Integer(), nullable=False),
        sa.Column("expires", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_counts")),
    )
    op.create_index("ix_rate_counts_expires", "rate_counts", ["expires"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_rate_counts_expires", table_name="rate_counts")
    op.drop_table("rate_counts")
