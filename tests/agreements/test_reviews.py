"""Reviews: practitioners see agreements due in the next 14 days and those overdue."""

from datetime import date, timedelta

from feedback.agreements import access
from feedback.staff.models import User
from tests.agreements.conftest import get_agreement
from tests.conftest import login


def _with_review(session, make_agreement, worker_id, days: int) -> str:
    reference = make_agreement(worker_id)
    agreement = get_agreement(reference)
    agreement.review_date = date.today() + timedelta(days=days)
    session.commit()
    return reference


def test_due_and_overdue_reviews_are_listed_for_the_worker(
    client, session, make_user, make_agreement
):
    worker = make_user("practitioner", team="North")
    overdue = _with_review(session, make_agreement, worker.id, -3)
    soon = _with_review(session, make_agreement, worker.id, 14)
    later = _with_review(session, make_agreement, worker.id, 15)
    someone_elses = _with_review(session, make_agreement, make_user("practitioner").id, 1)

    user = session.get(User, worker.id)
    late, due = access.due_for_review(session, user, date.today())
    assert [a.reference for a in late] == [overdue]
    assert [a.reference for a in due] == [soon]

    login(client, worker)
    page = client.get("/staff/agreements/").text
    reviews = page.split("Reviews due")[1].split("All agreements you can see")[0]
    assert overdue in reviews and "Overdue by 3 days" in reviews
    assert soon in reviews and "In 14 days" in reviews
    assert later not in reviews and someone_elses not in page


def test_a_lead_sees_reviews_for_their_team_only(client, session, make_user, make_agreement):
    north = make_user("practitioner", team="North")
    south = make_user("practitioner", team="South")
    mine = _with_review(session, make_agreement, north.id, 2)
    other = _with_review(session, make_agreement, south.id, 2)
    login(client, make_user("lead", team="North"))
    page = client.get("/staff/agreements/").text
    assert mine in page and other not in page


def test_saving_the_review_date_sets_it_on_the_agreement(session, make_user, make_agreement):
    from feedback.agreements import services

    worker = make_user("practitioner", team="North")
    agreement = get_agreement(make_agreement(worker.id))
    fields = dict(agreement.current.fields)
    fields["review_date"] = (date.today() + timedelta(days=5)).isoformat()
    services.save_fields(session, agreement, fields, worker)
    assert agreement.review_date == date.today() + timedelta(days=5)
    review = next(s for s in agreement.current.content if s["key"] == "review")
    assert review["items"][0]["label"] == "We will look at this agreement again by"
