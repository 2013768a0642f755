"""Short public links and printable QR codes."""

from tests.surveys.conftest import make_survey


def test_staff_see_each_open_survey_with_a_short_link(client, login_as, shipped):
    login_as("practitioner")
    page = client.get("/staff/share").text
    for slug in shipped.values():
        assert f"http://localhost:5000/s/{slug}" in page
        assert f"/staff/share/{slug}" in page


def test_poster_shows_the_link_and_a_qr_code(client, login_as, survey):
    login_as("lead")
    page = client.get(f"/staff/share/{survey}").text
    assert f"http://localhost:5000/s/{survey}" in page
    assert f'src="/staff/share/{survey}/qr.svg"' in page
    qr = client.get(f"/staff/share/{survey}/qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml"
    assert qr.data.startswith(b"<?xml") and b"<svg" in qr.data


def test_qr_codes_are_for_open_surveys_and_staff_only(client, login_as, session, survey):
    assert client.get(f"/staff/share/{survey}/qr.svg").status_code == 302
    draft = make_survey(session, status="draft").slug
    login_as("practitioner")
    assert client.get(f"/staff/share/{draft}").status_code == 404
    assert client.get(f"/staff/share/{draft}/qr.svg").status_code == 404
