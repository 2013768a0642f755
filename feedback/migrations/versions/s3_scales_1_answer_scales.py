"""answer scales as data: new kinds (own scale, yes/sometimes/no/don't know, 0-10, Other -
tell us, a number, statements sharing one scale), `questions.settings`, and every scale
question's options carrying their scores

Each stored answer keeps its score (`answers.score` is not touched). Options of the
older scale questions that were saved without a score get the score they were answered
with (the frozen standard table below), so a question's options now say what each answer
counts for, and a lead can mark one "not scored" from here on.

Revision ID: s3_scales_1
Revises: reading_1
Create Date: 2026-12-05 23:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "s3_scales_1"
down_revision = "s3_admin_1"
branch_labels = None
depends_on = None

OLD_KINDS = ("faces3", "faces5", "yesno", "single", "multi", "text")
NEW_KINDS = (
    "faces3", "faces5", "yesno", "sometimes", "zero10", "scale", "single", "multi",
    "one_other", "any_other", "number", "statements", "text",
)  # fmt: skip
# The scores these scales had before scores were kept with each question's options.
FROZEN = {
    "faces3": {"happy": 100, "ok": 50, "sad": 0},
    "faces5": {"5": 100, "4": 75, "3": 50, "2": 25, "1": 0},
    "yesno": {"yes": 100, "not-sure": 50, "no": 0},
}


def _kind_check(kinds: tuple[str, ...]) -> str:
    return f"kind IN {kinds!r}"


def _swap_kinds(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_questions_kind_known"), "questions", type_="check")
        op.create_check_constraint(op.f("ck_questions_kind_known"), "questions", _kind_check(new))
        return
    # SQLite cannot alter a CHECK; rebuilding the table (batch mode) drops it first, and
    # with foreign keys on that deletes every answer (ON DELETE CASCADE). Widening the
    # list changes nothing stored, so the table's definition is rewritten in place, as
    # https://www.sqlite.org/lang_altertable.html ("other kinds of schema changes") shows.
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'questions'"
    ).scalar()
    if _kind_check(old) not in sql:
        raise RuntimeError("The questions table's list of kinds is not the one expected.")
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.execute(
        sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'questions'"),
        {"sql": sql.replace(_kind_check(old), _kind_check(new))},
    )
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def _loaded(options):
    return json.loads(options) if isinstance(options, str) else (options or [])


def carry_scores(conn) -> int:
    """Write each old scale option's score into the question's options; returns how many
    questions changed."""
    questions = sa.table(
        "questions", sa.column("id"), sa.column("kind"), sa.column("options", sa.JSON)
    )
    rows = conn.execute(
        sa.select(questions.c.id, questions.c.kind, questions.c.options).where(
            questions.c.kind.in_(tuple(FROZEN))
        )
    ).all()
    changed = 0
    for qid, kind, options in rows:
        options = _loaded(options)
        missing = [o for o in options if "score" not in o]
        for option in missing:
            option["score"] = FROZEN[kind].get(option.get("value"))
        if missing:
            changed += 1
            conn.execute(questions.update().where(questions.c.id == qid).values(options=options))
    return changed


def upgrade() -> None:
    op.add_column("questions", sa.Column("settings", sa.JSON(), nullable=True))  # no rebuild
    _swap_kinds(OLD_KINDS, NEW_KINDS)
    carry_scores(op.get_bind())


def downgrade() -> None:
    conn = op.get_bind()
    newer = tuple(k for k in NEW_KINDS if k not in OLD_KINDS)
    found = conn.execute(
        sa.text("SELECT count(*) FROM questions WHERE kind IN :kinds").bindparams(
            sa.bindparam("kinds", expanding=True)
        ),
        {"kinds": list(newer)},
    ).scalar()
    if found:
        raise RuntimeError(
            f"{found} questions use kinds the older version cannot show; remove them first."
        )
    _swap_kinds(NEW_KINDS, OLD_KINDS)
    op.drop_column("questions", "settings")  # SQLite 3.35+: no rebuild
