"""reports: actions published for families (and for which audience); quotes a lead left out

Revision ID: reports_2
Revises: simple_2
Create Date: 2026-12-05 20:00:00

Existing published actions stay in the board edition only: they reach children and
families once a lead publishes them for families, which runs the language checker.
"""

import sqlalchemy as sa
from alembic import op

import feedback.db

revision = "reports_2"
down_revision = "simple_2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("for_families", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("audience", sa.String(length=10), server_default="8-12", nullable=False)
        )
    op.create_table(
        "withheld_quotes",
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("withheld_by_id", sa.Integer(), nullable=True),
        sa.Column("withheld_at", feedback.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_withheld_quotes_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["withheld_by_id"],
            ["users.id"],
            name=op.f("fk_withheld_quotes_withheld_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("answer_id", name=op.f("pk_withheld_quotes")),
    )


def downgrade() -> None:
    op.drop_table("withheld_quotes")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_column("audience")
        batch_op.drop_column("for_families")
