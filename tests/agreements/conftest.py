"""Factories for agreement tests: a template, an agreement, a drawn signature."""

from __future__ import annotations

import base64
from io import BytesIO

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from feedback.agreements import services
from feedback.agreements.models import Agreement, AgreementTemplate
from feedback.agreements.template_services import install_default_template
from feedback.extensions import db
from feedback.staff.models import User

FAMILY = [{"name": "Mia", "role": "child"}, {"name": "Jo", "role": "parent"}]


def drawn_png(width: int = 300, height: int = 100, ink: bool = True) -> str:
    """A PNG data URL like the signature pad sends: transparent, with a scribble."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    if ink:
        ImageDraw.Draw(image).line(
            [(20, 70), (80, 20), (150, 80), (260, 30)], fill="black", width=4
        )
    out = BytesIO()
    image.save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@pytest.fixture
def make_agreement(app):
    """make_agreement(worker_id, audience="adult", people=FAMILY) -> reference."""

    def make(worker_id: int, audience: str = "adult", people=None, **fields) -> str:
        with app.app_context():
            template = install_default_template(db.session) or db.session.scalar(
                select(AgreementTemplate)
            )
            worker = db.session.get(User, worker_id)
            agreement = services.create_agreement(
                db.session,
                template=template,
                audience=audience,
                family_reference="FAM-123",
                people=people or FAMILY,
                worker=worker,
            )
            if fields:
                new = dict(agreement.current.fields) | fields
                services.save_fields(db.session, agreement, new, worker)
            db.session.commit()
            return agreement.reference

    return make


def get_agreement(reference: str) -> Agreement:
    """Load an agreement inside an app context."""
    return services.find_agreement(db.session, reference)


def sign_everyone(session, agreement: Agreement) -> None:
    """Sign the current version: child typed, parent drawn, worker typed."""
    version = agreement.current
    for i, person in enumerate(version.people):
        if person["role"] == "parent":
            services.sign(session, version, i, method="drawn", drawing=drawn_png())
        else:
            services.sign(session, version, i, method="typed", typed_name=person["name"])
