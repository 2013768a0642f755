"""answers keep the language a written comment is in, when it is not English

Revision ID: speed16_1
Revises: s3_flow_1
Create Date: 2026-12-05 23:40:00

Existing comments get it from `flask reanalyse` (the one analysis path sets it).
"""

import sqlalchemy as sa
from alembic import op

revision = "speed16_1"
down_revision = "s3_flow_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("comment_language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_column("comment_language")
