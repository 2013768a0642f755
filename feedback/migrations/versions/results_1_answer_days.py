"""per-day answer counts for the results page (responses.team came with simple_2)

Revision ID: results_1
Revises: oidc_1
Create Date: 2026-12-05 19:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "results_1"
down_revision = "oidc_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_day_stamps",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.Column("id_sum", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_answer_day_stamps")),
    )
    op.create_table(
        "answer_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=80), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_answer_days_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "day",
            "survey_id",
            "question_id",
            "team",
            "code",
            "skipped",
            name=op.f("pk_answer_days"),
        ),
    )


def downgrade() -> None:
    op.drop_table("answer_days")
    op.drop_table("answer_day_stamps")
