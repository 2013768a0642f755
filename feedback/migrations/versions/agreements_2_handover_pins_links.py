"""team managers, PINs for leaving the family's screens, family links shown again or revoked

Revision ID: agreements_2
Revises: simple_1
Create Date: 2026-12-06 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "agreements_2"
down_revision = "simple_1"
branch_labels = None
depends_on = None

OLD_ROLES = ("admin", "lead", "practitioner", "safeguarding")
NEW_ROLES = (*OLD_ROLES, "team_manager")


def _roles(roles: tuple[str, ...]) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Rebuilding the users table on SQLite would fire ON DELETE SET NULL in every table
        # that points at it (agreements would lose their worker), so the CHECK is rewritten
        # in the schema text instead, as SQLite's own ALTER TABLE documentation describes.
        old = repr(OLD_ROLES if roles == NEW_ROLES else NEW_ROLES)
        bind.exec_driver_sql("PRAGMA writable_schema=ON")
        bind.execute(
            sa.text("UPDATE sqlite_master SET sql = replace(sql, :old, :new) WHERE name='users'"),
            {"old": old, "new": repr(roles)},
        )
        version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
        bind.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
        bind.exec_driver_sql("PRAGMA writable_schema=OFF")
        return
    op.drop_constraint(op.f("ck_users_role_known"), "users", type_="check")
    op.create_check_constraint(op.f("ck_users_role_known"), "users", f"role IN {roles!r}")


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pin_hash", sa.String(length=200), nullable=True))
    _roles(NEW_ROLES)
    with op.batch_alter_table("agreement_links", schema=None) as batch_op:
        batch_op.add_column(sa.Column("token_seed", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement_links", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("token_seed")
    _roles(OLD_ROLES)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("pin_hash")
