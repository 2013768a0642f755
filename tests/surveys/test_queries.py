"""The question screen and the answer post are what load tests hit: a fixed, small number
of queries each, however many questions or answers there are (no N+1)."""

from contextlib import contextmanager

from sqlalchemy import event

from feedback.extensions import db
from tests.surveys.conftest import begin, post_answer, question_id


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


def test_question_screen_takes_two_queries(app, client, survey):
    sid = begin(client, survey)
    for n in range(1, 6):
        post_answer(client, survey, n, sid, answer="happy" if n == 1 else None, go="skip")
    with counted(app) as statements:
        assert client.get(f"/s/{survey}/6").status_code == 200
    # The survey with its questions; the response with its answers.
    assert len(statements) == 2, statements


def test_answer_post_takes_two_reads_and_one_write(app, client, survey):
    sid = begin(client, survey)
    post_answer(client, survey, 1, sid, answer="happy")
    second = question_id(client, survey, 2)
    with counted(app) as statements:
        assert (
            post_answer(client, survey, 2, sid, answer="4", question_id=second).status_code == 303
        )
    writes = [s for s in statements if not s.lstrip().upper().startswith("SELECT")]
    assert len(statements) - len(writes) == 2, "\n".join(s[:90] for s in statements)
    assert writes[0].lstrip().upper().startswith("INSERT")
    with counted(app) as statements:
        assert (
            post_answer(client, survey, 2, sid, answer="3", question_id=second).status_code == 303
        )
    assert [s.split()[0].upper() for s in statements] == ["SELECT", "SELECT", "UPDATE"]
    # The same answer again (Back, then Next): read, and nothing to write.
    with counted(app) as statements:
        assert (
            post_answer(client, survey, 2, sid, answer="3", question_id=second).status_code == 303
        )
    assert [s.split()[0].upper() for s in statements] == ["SELECT", "SELECT"]
