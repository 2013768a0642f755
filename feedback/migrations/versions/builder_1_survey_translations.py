"""survey translations: a survey can be a translation of another

Revision ID: builder_1
Revises: security_1
Create Date: 2026-11-23 15:03:33.926597
"""

import sqlalchemy as sa
from alembic import op

revision = "builder_1"
down_revision = "security_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("translation_of_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_surveys_translation_of_id"), ["translation_of_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_surveys_translation_of_id_surveys"),
            "surveys",
            ["translation_of_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_surveys_translation_of_id_surveys"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_surveys_translation_of_id"))
        batch_op.drop_column("translation_of_id")
