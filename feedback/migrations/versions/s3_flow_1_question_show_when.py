"""questions can carry a condition: shown only when an earlier answer is one of some values

Revision ID: s3_flow_1
Revises: reading_1
Create Date: 2026-12-05 22:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "s3_flow_1"
down_revision = "scale18_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # {"question": "<bank key of an earlier question>", "values": ["no", ...]}, or NULL
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("show_when", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("show_when")
