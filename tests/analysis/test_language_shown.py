"""A comment in another language reaches the safeguarding lead marked with the language."""

from tests.alerts.factories import HAPPY, alerts, open_survey, respond

POLISH = "Mój ojczym mnie bije i nie chcę wracać do domu"


def test_the_queue_and_the_alert_say_which_language_to_read_it_in(client, login_as, session):
    survey = open_survey(session)
    respond(session, survey, POLISH)
    respond(session, survey, HAPPY)
    session.commit()
    (alert,) = alerts(session)
    assert alert.reasons == ["not in English (Polish): a person who reads Polish must read it"]
    login_as("safeguarding")
    for page in (client.get("/staff/alerts/").text, client.get(f"/staff/alerts/{alert.id}").text):
        assert POLISH in page and "not in English (Polish)" in page


def test_markup_and_addresses_are_not_taken_for_another_language():
    from feedback.analysis.language import other_language

    assert other_language('<img src=http://127.0.0.1:9/x> <font color="x"> I feel <b>sad') is None
    assert other_language("see www.example.org or mail john@example.org @sam") is None
