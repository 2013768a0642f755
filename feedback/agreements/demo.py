"""Demo content for agreements: the standard template and one prepared agreement."""

from __future__ import annotations

import copy
import tomllib
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback.agreements import services
from feedback.agreements.models import Agreement, AgreementTemplate
from feedback.agreements.template_services import install_default_template
from feedback.staff.models import User

SAMPLE = Path(__file__).resolve().parent / "demo_agreement.toml"
DEMO_WORKER = "worker@example.org"


def seed_agreements(session: Session) -> bool:
    """Add the standard template and a sample agreement, each only if missing."""
    added = install_default_template(session) is not None
    worker = session.scalar(select(User).where(User.email == DEMO_WORKER))
    if worker is None:
        return added
    with SAMPLE.open("rb") as f:
        sample = tomllib.load(f)
    if session.scalar(
        select(Agreement).where(Agreement.family_reference == sample["family_reference"])
    ):
        return added
    template = session.scalar(
        select(AgreementTemplate).where(AgreementTemplate.key == "working-together")
    )
    agreement = services.create_agreement(
        session,
        template=template,
        audience=sample["audience"],
        family_reference=sample["family_reference"],
        people=sample["person"],
        worker=worker,
    )
    fields = copy.deepcopy(agreement.current.fields)
    fields["worker"] |= sample["worker"]
    fields["texts"] |= sample["texts"]
    fields["keep_in_touch"] |= sample["keep_in_touch"]
    fields["visits"] |= sample["visits"]
    fields["review_date"] = (date.today() + timedelta(days=sample["review_in_days"])).isoformat()
    services.save_fields(session, agreement, fields, worker)
    return True
