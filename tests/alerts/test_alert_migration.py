"""Alerts acknowledged the old way keep their meaning: the migration closes them as
"Other", with the recorded action as the closing note, by the same person and time."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from feedback import migrate


def test_an_acknowledged_alert_becomes_closed_with_its_action_as_the_note(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    migrate.upgrade(engine, "limits_1")  # the revision before reading_1
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, email, name, role, team, password_hash, active,"
                " created_at, session_nonce) VALUES (7, 'dsl@example.org', 'Dee',"
                " 'safeguarding', '', 'x', 1, '2026-01-01 09:00:00', 'n')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO safeguarding_alerts (id, comment, reasons, raised_at,"
                " acknowledged_at, acknowledged_by_id, action_taken, email_status,"
                " email_attempts, email_error, kind) VALUES"
                " (1, 'old words', '[]', '2026-01-01 10:00:00', '2026-01-02 09:00:00', 7,"
                " 'Told the duty team.', 'sent', 1, '', 'words'),"
                " (2, 'still open', '[]', '2026-01-03 10:00:00', NULL, NULL, NULL, 'sent',"
                " 1, '', 'words')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        states = conn.execute(
            text("SELECT id, outcome, closed_at IS NOT NULL FROM safeguarding_alerts ORDER BY id")
        ).all()
        events = conn.execute(
            text("SELECT alert_id, kind, by_id, outcome, note FROM alert_events")
        ).all()
    engine.dispose()
    assert states == [(1, "other", 1), (2, None, 0)]
    assert events == [(1, "closed", 7, "other", "Told the duty team.")]
