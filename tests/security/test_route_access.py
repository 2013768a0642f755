"""Walk every route in app.url_map as anonymous and as each role, and compare what
happens with the access table in tests/security/access_table.py. Also: no 500 anywhere,
GET on a POST-only route is a friendly 405, and every response has the security headers.
"""

from __future__ import annotations

import pytest
from werkzeug.routing.converters import NumberConverter

from feedback.db import Model
from feedback.extensions import db
from feedback.staff.models import ROLES
from tests.conftest import login
from tests.security.access_table import ACCESS, FRAMABLE, PUBLIC, SAMPLE_ARGS
from tests.security.headers import assert_security_headers

WHO = ("anonymous", *ROLES)
METHODS = ("GET", "POST")


def _url(rule, samples: dict | None = None) -> str:
    values = {}
    for name in rule.arguments:
        is_int = isinstance(rule._converters[name], NumberConverter)
        default = SAMPLE_ARGS.get(name, 1 if is_int else "x")
        values[name] = (samples or {}).get(name, default)
    return rule.build(values, append_unknown=False)[1]


def _routes(app, samples: dict | None = None):
    """(endpoint, method, url) for every route; signing out comes last."""
    found = []
    for rule in app.url_map.iter_rules():
        for method in METHODS:
            if method in rule.methods:
                found.append((rule.endpoint, method, _url(rule, samples)))
    return sorted(found, key=lambda r: (r[0] == "staff.logout", r[0], r[1]))


def test_every_route_is_in_the_access_table(app):
    endpoints = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    methods = {e: sorted(r.methods - {"HEAD", "OPTIONS"}) for e, r in endpoints.items()}
    missing = [
        f'    "{e}": ...,  # {methods[e]} {endpoints[e].rule}'
        for e in sorted(endpoints)
        if e not in ACCESS
    ]
    stale = sorted(set(ACCESS) - set(endpoints))
    assert not missing, (
        "These routes are not in ACCESS in tests/security/access_table.py; add each with "
        "PUBLIC or the roles that may use it:\n" + "\n".join(missing)
    )
    assert not stale, f"ACCESS lists endpoints that no longer exist: {stale}"


def _outcome(response) -> str:
    if response.status_code == 302 and "/staff/login?next=" in response.location:
        return "sign-in page"
    if response.status_code == 403:
        return "403"
    return "allowed"


def _expected(rule_access, who: str) -> str:
    if rule_access == PUBLIC:
        return "allowed"
    if who == "anonymous":
        return "sign-in page"
    return "allowed" if who in rule_access else "403"


@pytest.mark.parametrize("who", WHO)
def test_every_route_matches_the_access_table(app, make_user, who):
    client = app.test_client()
    if who != "anonymous":
        assert login(client, make_user(who)).status_code == 302
    problems = []
    for endpoint, method, url in _routes(app):
        if endpoint not in ACCESS:
            continue  # reported by test_every_route_is_in_the_access_table
        response = client.open(url, method=method)
        response.close()  # static files are streamed
        where = f"{who} {method} {url} ({endpoint})"
        if response.status_code >= 500:
            problems.append(f"{where}: {response.status_code}")
            continue
        assert_security_headers(response, where, framable=endpoint in FRAMABLE)
        if endpoint != "static":
            assert response.headers.get("Cache-Control") == "no-store", where
        got, want = _outcome(response), _expected(ACCESS[endpoint], who)
        if got != want:
            problems.append(f"{where}: expected {want}, got {got} ({response.status_code})")
    assert not problems, "\n".join(problems)


def test_get_on_a_post_only_route_is_a_friendly_405(app, client):
    gettable = {r.rule for r in app.url_map.iter_rules() if "GET" in r.methods}
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.rule not in gettable:
            response = client.get(_url(rule))
            assert response.status_code == 405, rule.rule
            assert "We could not do that" in response.text, rule.rule


def test_production_sends_hsts_on_every_route(tmp_path):
    from feedback import create_app
    from tests.conftest import _config

    app = create_app(_config(tmp_path, f"sqlite:///{tmp_path / 'p.sqlite'}", PRODUCTION=True))
    with app.app_context():
        Model.metadata.create_all(db.engine)
    client = app.test_client()
    for endpoint, method, url in _routes(app):
        response = client.open(url, method=method)
        response.close()
        assert response.status_code < 500, (endpoint, response.status_code)
        assert_security_headers(
            response, f"{method} {url}", production=True, framable=endpoint in FRAMABLE
        )
