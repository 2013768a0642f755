"""Privacy notices in each audience's own words, the accessibility statement, the record."""

import re

import pytest

from feedback.audiences.shipped import SHIPPED_KEYS as AUDIENCES


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_audience_has_its_own_notice_with_retention(client, audience):
    page = client.get(f"/privacy/{audience}")
    assert page.status_code == 200
    assert "2 years" in page.text  # the configured period for responses, in plain words
    assert not re.search(r"""(src|href)=["']https?://""", page.text)  # nothing from elsewhere


def test_notices_are_written_differently_for_each_age(client):
    young = client.get("/privacy/4-7").text
    parent = client.get("/privacy/parent").text
    assert "We do not ask your name" in young and "public task" not in young
    assert "public task" in parent and "Information Commissioner" in parent


def test_an_unknown_audience_is_a_404(client):
    assert client.get("/privacy/adults").status_code == 404


def test_every_public_page_links_to_privacy_and_accessibility(client):
    for url in ("/", "/privacy", "/accessibility", "/staff/login"):
        page = client.get(url).text
        assert 'href="/privacy' in page and 'href="/accessibility"' in page, url


def test_staff_record_of_processing_names_the_lawful_basis(client, login_as):
    login_as("practitioner")
    page = client.get("/staff/privacy").text
    assert "Article 6(1)(e) public task" in page and "6 years" in page
