"""session nonce, two-step sign-in, append-only audit log

Revision ID: security_1
Revises: agreements_1
Create Date: 2026-11-23 14:59:43.266655
"""

import secrets

import sqlalchemy as sa
from alembic import op

from feedback.staff.audit import POSTGRES_DROP, POSTGRES_TRIGGERS, SQLITE_DROP, SQLITE_TRIGGERS

revision = "security_1"
down_revision = "agreements_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_nonce", sa.String(length=43), nullable=True))
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))
    bind = op.get_bind()
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("session_nonce", sa.String))
    for (user_id,) in bind.execute(sa.select(users.c.id)).all():
        bind.execute(
            users.update()
            .where(users.c.id == user_id)
            .values(session_nonce=secrets.token_urlsafe(32))
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column("session_nonce", existing_type=sa.String(length=43), nullable=False)
    # The audit log is append-only: the database itself refuses UPDATE and DELETE.
    triggers = POSTGRES_TRIGGERS if bind.dialect.name == "postgresql" else SQLITE_TRIGGERS
    for sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    bind = op.get_bind()
    for sql in POSTGRES_DROP if bind.dialect.name == "postgresql" else SQLITE_DROP:
        op.execute(sql)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("totp_last_step")
        batch_op.drop_column("totp_secret")
        batch_op.drop_column("session_nonce")
