import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.staff.audit import AuditEvent
from feedback.staff.models import User
from tests.conftest import PASSWORD, login


def test_passwords_are_hashed_with_argon2(make_user, app):
    user = make_user("lead")
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    with app.app_context():
        stored = db.session.get(User, user.id)
        assert stored.check_password(PASSWORD)
        assert not stored.check_password(PASSWORD + "x")


def test_short_passwords_are_refused():
    with pytest.raises(ValueError):
        User(email="a@b.c", name="A", role="lead").set_password("elevenchars")


def test_sign_in_and_out(client, make_user, app):
    user = make_user("practitioner")
    response = login(client, user)
    assert response.status_code == 302 and response.location.endswith("/staff/")
    assert client.get("/staff/").status_code == 200
    response = client.post("/staff/logout")
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 302  # back to the login page
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert actions == ["login", "logout"]


def test_unknown_user_and_wrong_password_look_the_same(client, make_user):
    user = make_user("lead")
    wrong = client.post("/staff/login", data={"email": user.email, "password": "nope" * 4})
    unknown = client.post("/staff/login", data={"email": "who@x.org", "password": "nope" * 4})
    assert wrong.status_code == unknown.status_code == 401
    assert "do not match our records" in wrong.text
    assert wrong.text.replace(user.email, "") == unknown.text.replace("who@x.org", "")


def test_anonymous_staff_page_goes_to_login(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert "/staff/login" in response.location


def test_login_ignores_an_offsite_next(client, make_user):
    user = make_user("lead")
    response = client.post(
        "/staff/login?next=//evil.example/x",
        data={"email": user.email, "password": PASSWORD},
    )
    assert response.location.endswith("/staff/")


@pytest.mark.csrf
def test_forms_without_a_csrf_token_are_refused(client, make_user):
    user = make_user("lead")
    response = client.post("/staff/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "try that again" in response.text


def test_errors_are_friendly_pages(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "could not find" in response.text
