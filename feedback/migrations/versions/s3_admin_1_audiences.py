"""audiences as data (the shipped four as rows), unlisted surveys, questions outside the
principles

Revision ID: s3_admin_1
Revises: s3_flow_1
Create Date: 2026-12-05 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "s3_admin_1"
down_revision = "speed16_1"
branch_labels = None
depends_on = None

# The shipped four, as they were when audiences became data (frozen here on purpose:
# feedback/audiences/shipped.py may change later; this migration must not).
SHIPPED = (
    ("4-7", "Children aged 4 to 7", 4, 7, 10, 9),
    ("8-12", "Children aged 8 to 12", 8, 12, 20, 10),
    ("13-18", "Young people aged 13 to 18", 13, 18, 30, 12),
    ("parent", "Parents and carers", None, None, 40, 12),
)


def upgrade() -> None:
    audiences = op.create_table(
        "audiences",
        sa.Column("key", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("reading_age", sa.Integer(), nullable=True),
        sa.Column("words_from", sa.String(length=10), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("privacy_notice", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "reading_age IS NULL OR reading_age BETWEEN 5 AND 18",
            name=op.f("ck_audiences_age_range"),
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_audiences")),
    )
    op.bulk_insert(
        audiences,
        [
            {
                "key": key,
                "name": name,
                "min_age": low,
                "max_age": high,
                "position": position,
                "reading_age": reading,
                "words_from": key,
                "words": {},
                "privacy_notice": "",
            }
            for key, name, low, high, position, reading in SHIPPED
        ],
    )
    # Any survey already stored has one of the four, so the new key checks pass.
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_surveys_audience_known"), type_="check")
        batch_op.add_column(sa.Column("listed", sa.Boolean(), server_default="1", nullable=False))
        batch_op.create_foreign_key(
            batch_op.f("fk_surveys_audience_audiences"), "audiences", ["audience"], ["key"]
        )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.alter_column("principle", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Questions outside the principles cannot go back: they count under principle 6
    # (information) rather than being lost, and surveys for added bands go to 8-12.
    op.execute("UPDATE questions SET principle = 6 WHERE principle IS NULL")
    op.execute(
        "UPDATE surveys SET audience = '8-12' WHERE audience NOT IN ('4-7', '8-12', '13-18', 'parent')"
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.alter_column("principle", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_surveys_audience_audiences"), type_="foreignkey")
        batch_op.drop_column("listed")
        batch_op.create_check_constraint(
            "audience_known", "audience IN ('4-7', '8-12', '13-18', 'parent')"
        )
    op.drop_table("audiences")
