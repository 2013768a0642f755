"""A record the law says we keep (a safeguarding alert) is exported, never erased, and
keeps the response it is about. Uses a stand-in alert table registered as a Holder, the
way the safeguarding feature registers its own."""

import pytest
from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from feedback.extensions import db
from feedback.privacy import rights
from feedback.surveys.models import Answer, Response
from tests.privacy.factories import named_survey, respond


class StandInBase(DeclarativeBase):
    pass


class StandInAlert(StandInBase):
    __tablename__ = "test_stand_in_alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey(Answer.id))
    outcome: Mapped[str]


@pytest.fixture
def alerts_holder(app):
    with app.app_context():
        StandInBase.metadata.create_all(db.engine)

    def find(session, _name, _reference, found):
        ids = [a.id for r in found.responses for a in r.answers]
        query = select(StandInAlert).where(StandInAlert.answer_id.in_(ids))
        return list(session.scalars(query)) if ids else []

    rights.holder(
        rights.Holder(
            "stand_in_alerts",
            find,
            lambda a: {"about_answer": a.answer_id, "what_was_done": a.outcome},
            erasable=False,
            needs=lambda a: {("answers", a.answer_id)},
            note="Safeguarding records are kept: the law requires it.",
        )
    )
    yield
    del rights.HOLDERS["stand_in_alerts"]
    with app.app_context():
        StandInBase.metadata.drop_all(db.engine)


def test_erasure_keeps_safeguarding_records_and_the_response_they_are_about(
    alerts_holder, client, login_as, session
):
    survey = named_survey(session)
    worrying = respond(session, survey, name="Ava Example", words="I want a new bike")
    other = respond(session, survey, name="Ava Example", words="It was fine")
    answer = next(a for a in worrying.answers if a.value == "I want a new bike")
    session.add(StandInAlert(answer_id=answer.id, outcome="Spoke to the worker the same day"))
    session.commit()

    login_as("lead")
    exported = client.post("/staff/privacy/people/export.json", data={"name": "Ava Example"})
    assert exported.get_json()["stand_in_alerts"] == [
        {"about_answer": answer.id, "what_was_done": "Spoke to the worker the same day"}
    ]
    done = client.post("/staff/privacy/people/erase", data={"name": "Ava Example", "confirm": "y"})
    assert done.status_code == 200
    assert "Erased: 1 responses" in done.text
    assert "Kept because the law requires it" in done.text and "1 stand_in_alerts" in done.text
    session.expire_all()
    assert session.get(Response, worrying.id) is not None
    assert session.get(Response, other.id) is None
    assert session.scalar(select(StandInAlert)).outcome.startswith("Spoke")
