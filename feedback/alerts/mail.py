"""Email the safeguarding leads that a new alert is waiting. Never the comment itself.

Sent after the alert is committed (see `feedback.alerts.init_app`), through smtplib to
`SMTP_HOST`. Every alert waiting at that moment goes in ONE email that gives their count
and lists them, so a burst of alerts (one client sending many comments, or many children
at once) does not flood the lead's inbox. Each alert remembers how its email went
(`email_status`): a failed send is shown on the alert and tried again with the next
alert and by `flask send-alert-emails`.
Without `SMTP_HOST` nothing is sent and alerts say email is not set up.

Each alert is emailed once, however many requests and workers send at once: before sending, a
sender claims the alerts it will email in one committed UPDATE (it sets `emailed_at` on
unsent alerts nobody else holds), and sends only those it got. A claim a crashed sender
left behind is free again after CLAIM_SECONDS.
"""

from __future__ import annotations

import smtplib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage

from flask import render_template
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from feedback.alerts.models import SafeguardingAlert
from feedback.db import utcnow
from feedback.staff.models import User

BATCH = 100
CLAIM_SECONDS = 600  # longer than a batch can take to send (SMTP_TIMEOUT each)
NO_RECIPIENTS = "There is no active safeguarding lead or administrator account to email."


@dataclass
class SendResult:
    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    not_set_up: list[int] = field(default_factory=list)


def recipients(session: Session) -> list[str]:
    """Active safeguarding leads; administrators if there are none."""
    for role in ("safeguarding", "admin"):
        found = session.scalars(
            select(User.email).where(User.role == role, User.active.is_(True)).order_by(User.id)
        ).all()
        if found:
            return list(found)
    return []


def _message(alerts, config: Mapping, to: list[str]) -> EmailMessage:
    message = EmailMessage()
    if len(alerts) == 1:
        message["Subject"] = f"Safeguarding alert {alerts[0].id}: a comment needs reading"
    else:
        message["Subject"] = f"{len(alerts)} new safeguarding alerts: comments need reading"
    message["From"] = config.get("MAIL_FROM") or "feedback@localhost"
    message["To"] = ", ".join(to)
    message.set_content(
        render_template("alerts/email.txt", alerts=alerts, service=config.get("SERVICE_NAME", ""))
    )
    return message


def _connect(config: Mapping) -> smtplib.SMTP:
    smtp = smtplib.SMTP(
        config["SMTP_HOST"],
        int(config.get("SMTP_PORT") or 25),
        timeout=config.get("SMTP_TIMEOUT", 5),
    )
    if config.get("SMTP_STARTTLS"):
        smtp.starttls()
    if config.get("SMTP_USERNAME"):
        smtp.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD", ""))
    return smtp


def _failed(alert: SafeguardingAlert, why: str, result: SendResult) -> None:
    alert.email_status = "failed"
    alert.email_attempts += 1
    alert.email_error = why[:200]
    alert.emailed_at = None  # let go of the claim: tried again by the next sender
    result.failed.append(alert.id)


def _send(alerts, config: Mapping, to: list[str], result: SendResult) -> None:
    """One email for all these alerts; each alert records how it went."""
    try:
        with _connect(config) as smtp:
            try:
                smtp.send_message(_message(alerts, config, to))
            except smtplib.SMTPServerDisconnected:
                raise  # the connection is gone: marked failed below
            except smtplib.SMTPException as error:
                for alert in alerts:
                    _failed(alert, f"The mail server refused it: {error}", result)
                return
    except (OSError, smtplib.SMTPException) as error:
        for alert in alerts:
            _failed(alert, f"Could not reach the mail server: {error}", result)
        return
    sent_at = utcnow()
    for alert in alerts:
        alert.email_status, alert.email_error = "sent", ""
        alert.email_attempts += 1
        alert.emailed_at = sent_at
        result.sent.append(alert.id)


def _claim(session: Session) -> list[SafeguardingAlert]:
    """Claim up to BATCH unsent alerts for this sender, committed before anything is sent
    (the UPDATE comes first in its transaction, so SQLite takes the write lock at once)."""
    session.commit()
    now = utcnow()
    waiting = SafeguardingAlert.email_status.in_(("pending", "failed"))
    free = or_(
        SafeguardingAlert.emailed_at.is_(None),
        SafeguardingAlert.emailed_at < now - timedelta(seconds=CLAIM_SECONDS),
    )
    unsent = select(SafeguardingAlert.id).where(waiting, free)
    claimed = session.scalars(
        update(SafeguardingAlert)
        .where(SafeguardingAlert.id.in_(unsent.order_by(SafeguardingAlert.id).limit(BATCH)))
        .where(waiting, free)  # checked again on the row itself, after any other claim
        .values(emailed_at=now)
        .returning(SafeguardingAlert.id)
        .execution_options(synchronize_session=False)
    ).all()
    session.commit()
    if not claimed:
        return []
    stmt = select(SafeguardingAlert).where(SafeguardingAlert.id.in_(claimed))
    return list(session.scalars(stmt.order_by(SafeguardingAlert.id)))


def send_pending(session: Session, config: Mapping) -> SendResult:
    """Send every alert email not yet sent (new or failed before), then commit."""
    alerts = _claim(session)
    result = SendResult()
    if not alerts:
        return result
    if not config.get("SMTP_HOST"):
        for alert in alerts:
            alert.email_status = "not_set_up"
            result.not_set_up.append(alert.id)
        session.commit()
        return result
    to = recipients(session)
    if not to:
        for alert in alerts:
            _failed(alert, NO_RECIPIENTS, result)
    else:
        _send(alerts, config, to, result)
    session.commit()
    return result
