"""The question screen and the answer post are what load tests hit: a fixed, small number
of queries each, however many questions or answers there are (no N+1)."""

from contextlib import contextmanager

from sqlalchemy import event

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
