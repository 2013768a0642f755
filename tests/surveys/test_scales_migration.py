"""The answer-scales migration carries existing questions and answers over unchanged in
meaning: every stored score stays, and each old scale question's options now say it."""

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

import feedback.models  # noqa: F401  (every table, so drop_all can empty the database)
from feedback import migrate
from feedback.db import Model
from feedback.surveys.scales import score_of
from tests.conftest import PG_URL
from tests.test_migrations import _fresh_engine

OLD_OPTIONS = {
    # saved with scores (as the builder did), and without (an older row)
    "faces3": [
        {"value": "happy", "label": "Happy", "emoji": "😀", "score": 100},
        {"value": "ok", "label": "OK", "emoji": "😐", "score": 50},
        {"value": "sad", "label": "Sad", "emoji": "🙁", "score": 0},
    ],
    "yesno": [
        {"value": "yes", "label": "Yes"},
        {"value": "not-sure", "label": "Don't know"},
        {"value": "no", "label": "No"},
    ],
    "single": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}],
}
ANSWERS = [("faces3", "happy", 100), ("faces3", "sad", 0), ("yesno", "not-sure", 50),
           ("yesno", "no", 0), ("single", "b", None)]  # fmt: skip


def _insert_old_data(conn) -> None:
    conn.execute(text(
        "INSERT INTO surveys (id, slug, key, title, audience, language, status, intro, thanks,"
        " named_responses, created_at) VALUES (1, 'AAAA2222', '', 'Old', '8-12', 'en', 'open',"
        " '', '', false, CURRENT_TIMESTAMP)"
    ))  # fmt: skip
    for n, (kind, options) in enumerate(OLD_OPTIONS.items(), start=1):
        conn.execute(
            text(
                "INSERT INTO questions (id, survey_id, position, bank_key, kind, principle, text,"
                " hint, options, version, is_current, safety) VALUES (:id, 1, :id, '', :kind,"
                " 1, 'Q', '', :options, 1, true, false)"
            ),
            {"id": n, "kind": kind, "options": json.dumps(options)},
        )
    qid = {kind: n for n, kind in enumerate(OLD_OPTIONS, start=1)}
    for n, (kind, value, score) in enumerate(ANSWERS, start=1):
        conn.execute(
            text(
                "INSERT INTO responses (id, submission_id, survey_id, audience, language,"
                " status, started_at) VALUES (:id, :sid, 1, '8-12', 'en', 'submitted',"
                " CURRENT_TIMESTAMP)"
            ),
            {"id": n, "sid": f"s{n}"},
        )
        conn.execute(
            text(
                "INSERT INTO answers (id, response_id, question_id, skipped, value, score,"
                " flagged, ok_to_quote, answered_at) VALUES (:id, :id, :q, false, :value,"
                " :score, false, false, CURRENT_TIMESTAMP)"
            ),
            {"id": n, "q": qid[kind], "value": value, "score": score},
        )


def _read(conn):
    options = {
        kind: json.loads(o) if isinstance(o, str) else o
        for kind, o in conn.execute(text("SELECT kind, options FROM questions ORDER BY id"))
    }
    answers = conn.execute(
        text(
            "SELECT q.kind, a.value, a.score FROM answers a JOIN questions q"
            " ON q.id = a.question_id ORDER BY a.id"
        )
    ).all()
    return options, [tuple(a) for a in answers]


def _new_kinds_allowed_unknown_refused(engine) -> None:
    insert = text(
        "INSERT INTO questions (id, survey_id, position, bank_key, kind, principle, text, hint,"
        " options, version, is_current, safety) VALUES (99, 1, 9, '', :kind, 1, 'Q', '', '[]', 1,"
        " true, false)"
    )
    with engine.begin() as conn:
        conn.execute(insert, {"kind": "number"})
        conn.execute(text("DELETE FROM questions WHERE kind = 'number'"))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert, {"kind": "bogus"})


def test_scores_before_and_after_the_migration_are_equal(tmp_path):
    engine = _fresh_engine(tmp_path)
    try:
        migrate.upgrade(engine, "reading_1")
        with engine.begin() as conn:
            _insert_old_data(conn)
            _options_before, answers_before = _read(conn)
        migrate.upgrade(engine)
        with engine.begin() as conn:
            options, answers = _read(conn)
        assert answers == answers_before == ANSWERS  # no stored score changed
        for kind, value, score in answers:  # and each question's options now say it
            if kind != "single":
                assert score_of(options[kind], value) == score
        # a relabelled "Not sure" keeps the score it was answered with: its meaning
        assert options["yesno"][1] == {"value": "not-sure", "label": "Don't know", "score": 50}
        assert options["faces3"] == OLD_OPTIONS["faces3"]
        assert options["single"] == OLD_OPTIONS["single"]  # not a scale: untouched
        _new_kinds_allowed_unknown_refused(engine)
        migrate.downgrade(engine, "reading_1")  # and back, with nothing of the new kinds
        migrate.upgrade(engine)
    finally:
        if PG_URL:  # leave the schema as the other tests expect it
            Model.metadata.drop_all(engine)
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
            Model.metadata.create_all(engine)
        engine.dispose()
