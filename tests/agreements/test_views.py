"""Staff pages for agreements: preparing, editing, signing on the tablet, copies."""

import pytest

from feedback.agreements import record
from feedback.staff.audit import AuditEvent
from tests.agreements.conftest import drawn_png, get_agreement, leave_family_screens
from tests.conftest import login


@pytest.fixture
def worker(login_as):
    return login_as("practitioner", name="Sam Worker", team="North")


def _prepare(client, **overrides):
    data = {
        "template": "1",
        "audience": "adult",
        "family_reference": "FAM-42",
        "people-0-name": "Mia",
        "people-0-role": "child",
        "people-1-name": "Jo",
        "people-1-role": "parent",
        **overrides,
    }
    return client.post("/staff/agreements/new", data=data)


def _edit_data(**overrides):
    return {
        "worker_name": "Sam Worker",
        "worker_role": "Social worker",
        "team": "North",
        "contact": "07700 900123",
        "manager": "Alex",
        "text_why": "To help with money worries.",
        "text_your_words": "Jo said: I want someone who listens.",
        "visits_plan": "child_in_need",
        "review_date": "2099-01-01",
        "promises-0-principle": "1",
        "promises-0-text": "We will do what we say.",
        "people-0-name": "Mia",
        "people-0-role": "child",
        "people-1-name": "Jo",
        "people-1-role": "parent",
        **overrides,
    }


def test_a_practitioner_prepares_fills_in_and_signs_an_agreement(client, session, worker):
    from feedback.agreements.template_services import install_default_template

    install_default_template(session)
    session.commit()
    response = _prepare(client)
    assert response.status_code == 302
    reference = response.location.split("/")[-2]
    assert client.get(response.location).status_code == 200

    data = _edit_data(review_date="2030-01-01")
    response = client.post(f"/staff/agreements/{reference}/edit", data=data)
    assert response.status_code == 422  # more than two years ahead
    assert "Choose a review date" in response.text
    from datetime import date, timedelta

    data["review_date"] = (date.today() + timedelta(days=30)).isoformat()
    response = client.post(f"/staff/agreements/{reference}/edit", data=data)
    assert response.status_code == 302

    screens = len(get_agreement(reference).current.content)
    for n in range(1, screens + 1):
        page = client.get(f"/staff/agreements/{reference}/together/{n}")
        assert page.status_code == 200
    assert (
        "To help with money worries."
        in client.get(f"/staff/agreements/{reference}/together/2").text
    )
    assert client.get(f"/staff/agreements/{reference}/together/{screens + 1}").status_code == 404

    # The child types their name (the path that needs no drawing and no JavaScript).
    page = client.get(f"/staff/agreements/{reference}/signing/1")
    assert 'type="radio"' in page.text and "How do you feel" in page.text
    response = client.post(
        f"/staff/agreements/{reference}/signing/1",
        data={"method": "typed", "typed_name": "Mia", "feeling": "happy"},
    )
    assert response.status_code == 302 and response.location.endswith("/signing/2")
    # The parent draws.
    response = client.post(
        f"/staff/agreements/{reference}/signing/2",
        data={"method": "drawn", "drawing": drawn_png()},
    )
    assert response.status_code == 302 and response.location.endswith("/signing/3")
    response = client.post(
        f"/staff/agreements/{reference}/signing/3",
        data={"method": "typed", "typed_name": "Sam Worker"},
    )
    assert response.status_code == 302 and response.location.endswith("/signed")
    page = client.get(response.location)
    assert "This agreement is now locked" in page.text
    assert record.check_record(session, reference).ok

    leave_family_screens(client, reference)
    pdf = client.get(f"/staff/agreements/{reference}/v/1/agreement.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    actions = {e.action for e in session.query(AuditEvent).all()}
    assert {"agreement_created", "agreement_signed", "agreement_locked"} <= actions
    assert "agreement_pdf_downloaded" in actions


def test_preparing_needs_a_family_member_and_a_clean_reference(client, session, worker):
    from feedback.agreements.template_services import install_default_template

    install_default_template(session)
    session.commit()
    response = _prepare(client, **{"people-0-name": "", "people-1-name": ""})
    assert response.status_code == 422
    assert "at least one person" in response.text
    response = _prepare(client, family_reference="Smith family <b>")
    assert response.status_code == 422
    response = _prepare(client, **{"people-0-name": "Mia Jane Smith-Jones Brown"})
    assert response.status_code == 422
    assert "First names only" in response.text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"method": "typed", "typed_name": ""}, "Please type your name"),
        ({"method": "drawn", "drawing": ""}, "Please draw your signature"),
        ({"method": "drawn", "drawing": drawn_png(ink=False)}, "The box is empty"),
        ({"method": "drawn", "drawing": "data:image/png;base64,!!!"}, "could not read"),
        ({"method": "drawn", "drawing": "data:image/svg+xml;base64,PHN2Zz4="}, "could not read"),
        ({"method": "typed", "typed_name": "x" * 81}, "shorter name"),
        ({"method": "stamp"}, "Please choose"),
        ({"method": "typed", "typed_name": "Mia", "feeling": "ecstatic"}, "one of the faces"),
    ],
)
def test_a_signature_that_cannot_be_taken_gets_a_clear_message(
    client, session, worker, make_agreement, data, words
):
    reference = make_agreement(worker.id)
    response = client.post(f"/staff/agreements/{reference}/signing/1", data=data)
    assert response.status_code == 422
    assert words in response.text
    assert get_agreement(reference).current.signatures == []


def test_signing_twice_by_double_tap_keeps_one_signature(client, session, worker, make_agreement):
    reference = make_agreement(worker.id)
    data = {"method": "typed", "typed_name": "Mia"}
    client.post(f"/staff/agreements/{reference}/signing/1", data=data)
    again = client.post(f"/staff/agreements/{reference}/signing/1", data=data)
    assert again.status_code == 302
    assert len(get_agreement(reference).current.signatures) == 1


def test_editing_a_signed_agreement_through_the_page_makes_version_two(
    client, session, worker, make_agreement
):
    from datetime import date, timedelta

    reference = make_agreement(worker.id)
    for n, name in ((1, "Mia"), (2, "Jo"), (3, "Sam")):
        client.post(
            f"/staff/agreements/{reference}/signing/{n}",
            data={"method": "typed", "typed_name": name},
        )
    leave_family_screens(client, reference)
    page = client.get(f"/staff/agreements/{reference}/edit")
    assert "everyone will need to sign again" in page.text
    data = _edit_data(review_date=(date.today() + timedelta(days=60)).isoformat())
    response = client.post(f"/staff/agreements/{reference}/edit", data=data, follow_redirects=True)
    assert "Saved as version 2" in response.text
    agreement = get_agreement(reference)
    assert [v.status for v in agreement.versions] == ["signed", "draft"]
    old = client.get(f"/staff/agreements/{reference}/v/1")
    assert old.status_code == 200 and "Everyone signed this agreement on" in old.text
    assert client.get(f"/staff/agreements/{reference}/signing/1").status_code == 200


def test_the_edit_page_shows_language_advice_without_blocking(
    client, session, worker, make_agreement
):
    from datetime import date, timedelta

    reference = make_agreement(worker.id)
    data = _edit_data(
        text_why="Mum failed to engage with the CP plan.",
        review_date=(date.today() + timedelta(days=30)).isoformat(),
    )
    response = client.post(f"/staff/agreements/{reference}/edit", data=data)
    assert response.status_code == 302  # saved all the same
    page = client.get(f"/staff/agreements/{reference}/edit")
    assert "Advice on the words" in page.text
    assert "failed to engage" in page.text


def test_the_check_page_says_whether_a_copy_matches(client, session, make_user, make_agreement):
    from sqlalchemy import text

    from tests.agreements.conftest import sign_everyone

    worker = make_user("practitioner", team="North")
    reference = make_agreement(worker.id)
    page = client.get(f"/agreements/check?reference={reference}")
    assert "has not been signed yet" in page.text
    agreement = get_agreement(reference)
    sign_everyone(session, agreement)
    session.commit()
    code = record.short_code(agreement.current.sha256)

    page = client.get("/agreements/check", query_string={"reference": reference, "code": code})
    assert page.status_code == 200 and "This matches what was signed" in page.text
    page = client.get(
        "/agreements/check", query_string={"reference": reference, "code": "1234 5678 9ABC DEF0"}
    )
    assert "This copy does not match our record" in page.text
    page = client.get("/agreements/check", query_string={"reference": "WTA-AAAA-AAAA"})
    assert "We could not find that agreement" in page.text
    page = client.get("/agreements/check", query_string={"reference": ""})
    assert page.status_code == 422 and "Enter the reference code" in page.text

    session.execute(text("UPDATE agreement_signatures SET name = 'Someone else' WHERE person = 1"))
    session.commit()
    page = client.get("/agreements/check", query_string={"reference": reference, "code": code})
    assert "This does not match what was signed" in page.text
    # and the worker sees it on the agreement's page too
    login(client, worker)
    assert (
        "has been changed since it was signed" in client.get(f"/staff/agreements/{reference}").text
    )


def test_saving_a_signed_agreement_with_no_changes_keeps_it_signed(
    client, session, worker, make_agreement
):
    from datetime import date, timedelta

    reference = make_agreement(worker.id)
    data = _edit_data(review_date=(date.today() + timedelta(days=60)).isoformat())
    client.post(f"/staff/agreements/{reference}/edit", data=data)
    for n, name in ((1, "Mia"), (2, "Jo"), (3, "Sam")):
        client.post(
            f"/staff/agreements/{reference}/signing/{n}",
            data={"method": "typed", "typed_name": name},
        )
    leave_family_screens(client, reference)
    response = client.post(f"/staff/agreements/{reference}/edit", data=data, follow_redirects=True)
    assert "Nothing was changed" in response.text
    assert [v.status for v in get_agreement(reference).versions] == ["signed"]


def test_adding_a_carer_to_a_signed_agreement_makes_a_new_version_for_everyone(
    client, session, worker, make_agreement
):
    from datetime import date, timedelta

    reference = make_agreement(worker.id)
    data = _edit_data(review_date=(date.today() + timedelta(days=60)).isoformat())
    client.post(f"/staff/agreements/{reference}/edit", data=data)
    for n, name in ((1, "Mia"), (2, "Jo"), (3, "Sam")):
        client.post(
            f"/staff/agreements/{reference}/signing/{n}",
            data={"method": "typed", "typed_name": name},
        )
    leave_family_screens(client, reference)
    page = client.get(f"/staff/agreements/{reference}/edit")
    assert 'value="Mia"' in page.text and 'value="Jo"' in page.text
    data |= {"people-2-name": "Bea", "people-2-role": "carer"}
    response = client.post(f"/staff/agreements/{reference}/edit", data=data, follow_redirects=True)
    assert "Saved as version 2" in response.text
    agreement = get_agreement(reference)
    assert [p["name"] for p in agreement.current.people] == ["Mia", "Jo", "Bea", "Sam Worker"]
    assert agreement.current.unsigned() == [0, 1, 2, 3]
    assert [p["name"] for p in agreement.version(1).people] == ["Mia", "Jo", "Sam Worker"]
    # Nobody left from the family is refused, and nothing is saved.
    empty = data | {"people-0-name": "", "people-1-name": "", "people-2-name": ""}
    response = client.post(f"/staff/agreements/{reference}/edit", data=empty)
    assert response.status_code == 422 and "at least one person" in response.text
    assert len(get_agreement(reference).versions) == 2
