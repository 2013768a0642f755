"""Unsent answers: what "Start again" does to the answers given before.

Unsent answers are never used. "Start again" deletes them at once (the retention job
deletes any left behind after RETAIN_UNFINISHED_DAYS), and gives the earlier response a
new submission id no device knows, so nothing can lead back to it. An answer that
raised a safeguarding alert is kept with it: the alert needs it until the safeguarding
lead has dealt with it, and it is never shown to anyone on the device again.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from feedback.surveys.models import Response, SurveyClosed
from feedback.surveys.services import new_submission_id


def has_answers(response: Response | None) -> bool:
    """Whether there is anything to come back to (skips alone are not)."""
    return response is not None and any(not a.skipped for a in response.answers)


def discard_unsent(session: Session, response: Response) -> None:
    """Delete an unsent response's answers and make it unreachable (flushes)."""
    if response.status != "in_progress":
        raise SurveyClosed("Sent answers are kept as they were sent.")
    for answer in list(response.answers):
        if not answer.flagged:
            response.answers.remove(answer)  # delete-orphan: the row goes
    response.submission_id = new_submission_id()
    session.flush()
