"""answers can hold a drawing ("tell us or draw us anything")

Revision ID: surveys_1
Revises: builder_1
Create Date: 2026-11-23 16:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "surveys_1"
down_revision = "builder_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("drawing", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_column("drawing")
