"""Factories for agreement tests: a template, an agreement, a drawn signature."""

from __future__ import annotations

import base64
import copy
from datetime import date, timedelta
from io import BytesIO

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select

from feedback.agreements import services
from feedback.agreements.models import Agreement, AgreementTemplate
from feedback.agreements.template_services import install_default_template
from feedback.extensions import db
from feedback.staff.models import User
from tests.conftest import PASSWORD

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


def ready_fields(fields: dict) -> dict:
    """The needed sections filled in: why we work together, visits, the review date."""
    ready = copy.deepcopy(fields)
    ready["texts"]["why"] = "Jo asked for help with mornings before school."
    ready["visits"] = {"plan": "child_in_need", "text": ""}
    ready["review_date"] = (date.today() + timedelta(days=90)).isoformat()
    return ready


@pytest.fixture
def make_agreement(app):
    """make_agreement(worker_id, audience="adult", people=FAMILY, ready=True) -> reference.

    `ready=False` leaves the needed sections empty, so signing cannot start.
    """

    def make(
        worker_id: int, audience: str = "adult", people=None, ready: bool = True, **fields
    ) -> str:
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
            start = ready_fields(agreement.current.fields) if ready else agreement.current.fields
            if ready or fields:
                new = dict(start) | fields
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


def leave_family_screens(client, reference: str) -> None:
    """The worker types their password to go back to the staff pages."""
    response = client.post(f"/staff/agreements/{reference}/leave", data={"secret": PASSWORD})
    assert response.status_code == 302, response.status_code
