import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.surveys.loader import load_shipped
from feedback.surveys.models import Survey


@pytest.fixture
def versions(app):
    """The shipped parents' survey in each language: {language: slug}."""
    with app.app_context():
        load_shipped(db.session)
        db.session.commit()
        family = select(Survey).where(Survey.key.like("parents-carers%"))
        return {s.language: s.slug for s in db.session.scalars(family)}
