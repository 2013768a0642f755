"""`flask report`: the same report from the command line, with clear errors."""

from sqlalchemy import select

from feedback.staff.audit import AuditEvent
from tests.reports.factories import respond, survey_for
from tests.reports.pdftools import pdf_text


def test_report_command_writes_the_pdf_and_audits_it(app, session, runner, tmp_path):
    survey = survey_for(session)
    for _ in range(5):
        respond(session, survey, {"worker_kind": "5"})
    session.commit()
    out = tmp_path / "board.pdf"
    result = runner.invoke(
        args=[
            "report",
            "--edition",
            "board",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--out",
            str(out),
            "--survey",
            survey.key,
            "--audience",
            "8-12",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote the board edition" in result.output
    text = pdf_text(out.read_bytes(), tmp_path)
    assert "Responses this period: 5" in text
    assert "Audiences included: Children aged 8 to 12" in text
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "report_download"))
    assert (event.target_id, event.detail) == ("board", "cli pdf 2026-03-01_2026-03-31")


def test_report_command_explains_bad_dates(runner, tmp_path):
    result = runner.invoke(
        args=[
            "report",
            "--edition",
            "family",
            "--from",
            "1 March",
            "--to",
            "2026-03-31",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_report_command_explains_an_unknown_survey(runner, tmp_path):
    result = runner.invoke(
        args=[
            "report",
            "--edition",
            "family",
            "--from",
            "2026-03-01",
            "--to",
            "2026-02-01",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert result.exit_code == 2 and "on or after the start date" in result.output
    result = runner.invoke(
        args=[
            "report",
            "--edition",
            "family",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--out",
            str(tmp_path / "x.pdf"),
            "--survey",
            "nope",
        ]
    )
    assert result.exit_code == 2 and "no survey with the code 'nope'" in result.output
