"""Each alert is emailed once, however many senders run at once (16 requests raising
alerts together used to send 28 emails), in one email for the burst; and a crashed
sender's claim is picked up later."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from feedback.alerts.mail import CLAIM_SECONDS, send_pending
from feedback.db import utcnow
from feedback.extensions import db
from tests.alerts.factories import DISCLOSURE, alerts, open_survey, respond
from tests.alerts.fake_smtp import fake_smtp

SENDERS = 16


def _raise_alerts(session, n: int) -> None:
    survey = open_survey(session)
    for _ in range(n):
        respond(session, survey, words=DISCLOSURE)
    session.commit()


def test_sixteen_senders_at_once_send_each_alert_once(app, session, make_user):
    make_user("safeguarding")
    _raise_alerts(session, SENDERS)
    assert len(alerts(session)) == SENDERS
    start = threading.Barrier(SENDERS)

    def sender(_):
        with app.app_context():
            start.wait()
            return send_pending(db.session, app.config).sent

    with fake_smtp() as (port, box):
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
        with ThreadPoolExecutor(max_workers=SENDERS) as pool:
            sent = [i for ids in pool.map(sender, range(SENDERS)) for i in ids]
    assert sorted(sent) == sorted(a.id for a in alerts(session))  # each once, by someone
    # The first sender claims the whole burst: one email listing every alert once.
    [message] = box.messages
    listed = re.findall(r"Alert number: (\d+)", message["data"])
    assert sorted(int(n) for n in listed) == sorted(sent)
    assert f"{SENDERS} new safeguarding alerts" in message["data"]
    session.expire_all()
    assert {(a.email_status, a.email_attempts) for a in alerts(session)} == {("sent", 1)}


def test_a_claim_left_by_a_crashed_sender_is_taken_up_after_it_lapses(app, session, make_user):
    make_user("safeguarding")
    _raise_alerts(session, 1)
    [alert] = alerts(session)
    alert.emailed_at = utcnow()  # claimed, then the sender died before sending
    session.commit()
    with fake_smtp() as (port, box):
        app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=port)
        assert send_pending(session, app.config).sent == []  # still held
        alert.emailed_at = utcnow() - timedelta(seconds=CLAIM_SECONDS + 1)
        session.commit()
        assert send_pending(session, app.config).sent == [alert.id]
    assert len(box.messages) == 1
