"""The public "What you told us and what we did" pages: no sign-in, only what families
may see, in the languages the surveys are in, linked from thank-you screens and posters."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback.audiences.shipped import SHIPPED_KEYS as AUDIENCES
from feedback.reports import services
from feedback.surveys.models import Survey
from tests.reports.factories import respond, survey_for

NOW = datetime.now(UTC) - timedelta(hours=1)


def _action(session, we_did: str, publish: str):
    return services.save_action(
        session,
        None,
        today=date.today(),
        actor_id=None,
        principle=1,
        theme="",
        you_told_us="You told us workers change a lot.",
        we_did=we_did,
        owner="",
        status="done",
        started_on=None,
        due_on=None,
        audience="8-12",
        ready_to_publish=publish != "no",
        for_families=publish == "families",
    )


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_audience_has_a_page_with_no_sign_in(client, audience):
    response = client.get(f"/you-told-us/{audience}")
    assert response.status_code == 200
    assert "What you told us and what we did" in response.text
    assert "Getting to know you" in response.text  # child-facing names, not staff titles
    assert "Reflection, supervision and management overview" not in response.text
    assert f'href="/you-told-us/{audience}/booklet.pdf"' in response.text
    assert "<script>" not in response.text


def test_unknown_audience_is_not_found(client):
    assert client.get("/you-told-us/adults").status_code == 404
    assert client.get("/you-told-us/adults/booklet.pdf").status_code == 404


def test_only_actions_published_for_families_are_shown(client, session):
    _action(session, "Your worker now stays for your first visit.", "families")
    _action(session, "Reviewed IRO timescales with MASH.", "board")
    _action(session, "Draft words nobody has published.", "no")
    session.commit()
    for path in ("/you-told-us/8-12", "/you-told-us/4-7"):
        page = client.get(path).text
        assert "Your worker now stays for your first visit." in page
        assert "MASH" not in page and "Draft words" not in page


def test_the_booklet_downloads_as_a_pdf(client):
    response = client.get("/you-told-us/parent/booklet.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert "attachment" in response.headers["Content-Disposition"]


def test_quotes_on_the_page_are_for_its_audience_and_redacted(client, session):
    respond(
        session,
        survey_for(session, "8-12"),
        {"helped_most": "Ring me on 07700 900123"},
        ok_to_quote=True,
        when=NOW,
    )
    session.commit()
    assert "[phone number]" in client.get("/you-told-us/8-12").text
    assert "[phone number]" not in client.get("/you-told-us/13-18").text
    assert "07700" not in client.get("/you-told-us/8-12").text


def test_page_is_in_welsh_and_urdu_where_the_surveys_are(client, session):
    survey_for(session)  # loads the shipped surveys, each in Welsh and Urdu
    for s in session.scalars(select(Survey)):
        s.status = "closed" if s.key == "ages-8-12-cy" else "open"
    session.commit()
    page = client.get("/you-told-us/parent?lang=cy").text
    assert '<html lang="cy"' in page and "Beth ddywedoch chi wrthym" in page
    assert 'hreflang="ur"' in page
    urdu = client.get("/you-told-us/parent?lang=ur").text
    assert '<html lang="ur" dir="rtl"' in urdu
    # No open Welsh survey for children aged 8 to 12: that page stays in English.
    assert '<html lang="en"' in client.get("/you-told-us/8-12?lang=cy").text


def test_thank_you_screen_and_poster_link_to_the_page(client, login_as, session):
    survey = survey_for(session, "4-7")
    survey.status = "open"
    session.commit()
    thanks = client.get(f"/s/{survey.slug}/thanks").text
    assert 'href="/you-told-us/4-7"' in thanks
    login_as("lead")
    poster = client.get(f"/staff/share/{survey.slug}").text
    assert "/you-told-us/4-7" in poster
