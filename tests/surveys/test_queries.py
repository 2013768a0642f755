"""The question screen and the answer post are what load tests hit: a fixed, small number
of queries each, however many questions or answers there are (no N+1)."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event, text

from feedback.extensions import db
from tests.surveys.conftest import begin, post_answer


@contextmanager
def counted(app):
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith(("PRAGMA", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_question_screen_takes_one_query(app, client, survey):
    sid = begin(client, survey)
    for n in range(1, 6):
        post_answer(client, survey, n, sid, answer="happy" if n == 1 else None, go="skip")
    with counted(app) as statements:
        assert client.get(f"/s/{survey}/6").status_code == 200
    # The survey's row, the response and its answer to question 6, together; the
    # questions themselves are kept by the worker.
    assert len(statements) == 1, statements


def test_answer_post_takes_one_read_and_one_write(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    with counted(app) as statements:
        assert post_answer(client, survey, 2, sid, answer="4").status_code == 303
    # The survey's row, the response and any stored answer, together; then the insert.
    assert len(statements) == 2, "\n".join(s[:90] for s in statements)
    assert statements[1].lstrip().upper().startswith("INSERT")
    with counted(app) as statements:
        assert post_answer(client, survey, 2, sid, answer="3").status_code == 303
    assert len(statements) == 2 and statements[1].lstrip().upper().startswith("UPDATE")
    # The same answer again (Back, then Next): read, and nothing to write.
    with counted(app) as statements:
        assert post_answer(client, survey, 2, sid, answer="3").status_code == 303
    assert len(statements) == 1 and statements[0].lstrip().upper().startswith("SELECT")


def test_on_postgresql_a_question_screen_is_planned_once_per_connection(app, client, survey):
    """Its read ends with COMMIT: a ROLLBACK would make psycopg drop the statements it
    has prepared, and PostgreSQL would plan the screen's query again every time."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("prepared statements are a PostgreSQL matter")
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    for _ in range(8):  # psycopg prepares a statement on its fifth use
        assert client.get(f"/s/{survey}/1").status_code == 200
    with app.app_context(), db.engine.connect() as conn:
        prepared = conn.execute(text("SELECT statement FROM pg_prepared_statements")).scalars()
        assert any("LEFT OUTER JOIN answers" in statement for statement in prepared)
