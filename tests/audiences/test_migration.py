"""The migration to audiences as data keeps every stored survey and question as it was."""

from sqlalchemy import text

from feedback import migrate
from feedback.db import Model
from tests.conftest import PG_URL
from tests.test_migrations import _fresh_engine


def test_existing_surveys_keep_their_audience_and_questions_their_principle(tmp_path):
    engine = _fresh_engine(tmp_path)
    migrate.upgrade(engine, "s3_flow_1")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO surveys (id, slug, key, title, audience, language, status, intro,"
                " thanks, named_responses, created_at) VALUES (1, 'ABCDEFGH', '', 'Old', '4-7',"
                " 'en', 'open', '', '', false, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO questions (id, survey_id, position, bank_key, kind, principle, text,"
                " hint, options, version, is_current, safety) VALUES (1, 1, 1, 'k', 'faces3', 2,"
                " 'How are you?', '', '[]', 1, true, false)"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        survey = conn.execute(text("SELECT audience, listed FROM surveys")).one()
        principle = conn.scalar(text("SELECT principle FROM questions"))
        keys = conn.scalars(text("SELECT key FROM audiences ORDER BY position")).all()
    assert (survey.audience, bool(survey.listed), principle) == ("4-7", True, 2)
    assert keys == ["4-7", "8-12", "13-18", "parent"]
    if PG_URL:  # leave an empty schema, as the other migration tests do
        Model.metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        Model.metadata.create_all(engine)
    engine.dispose()
