"""Every staff route is default-deny: each one declares the roles that may use it."""

import pytest

from feedback.staff.models import ROLES

PUBLIC_PREFIXES = ("/static/",)
PUBLIC_ENDPOINTS = {"static", "staff.login", "staff.login_code", "staff.logout"}
# Sign-in through the identity provider, and the page after signing out.
PUBLIC_ENDPOINTS |= {"staff.oidc_start", "staff.oidc_callback", "staff.oidc_signed_out"}


def _staff_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS or rule.arguments:
            continue
        view = app.view_functions[rule.endpoint]
        if rule.rule.startswith("/staff") and "GET" in rule.methods:
            yield rule, view


def test_every_staff_route_declares_its_roles(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/staff") and rule.endpoint not in PUBLIC_ENDPOINTS:
            view = app.view_functions[rule.endpoint]
            assert hasattr(view, "allowed_roles"), f"{rule.rule} has no role check"


def test_anonymous_gets_the_login_page_on_every_staff_route(app, client):
    for rule, _view in _staff_rules(app):
        response = client.get(rule.rule)
        assert response.status_code == 302, rule.rule
        assert "/staff/login" in response.location, rule.rule


@pytest.mark.parametrize("role", ROLES)
def test_wrong_role_gets_403_and_right_role_gets_in(app, client, login_as, role):
    login_as(role)
    for rule, view in _staff_rules(app):
        response = client.get(rule.rule)
        if role in view.allowed_roles:
            assert response.status_code in (200, 302), (role, rule.rule)
        else:
            assert response.status_code == 403, (role, rule.rule)
