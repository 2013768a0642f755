"""The bad-input battery: every form on every page, filled with things people type and
things attackers send. No 500 anywhere, headers always present, and a refused request
leaves no partial rows behind."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.routing.converters import NumberConverter

from feedback.db import Model
from feedback.extensions import db
from tests.conftest import login
from tests.security.bad_strings import BAD_STRINGS
from tests.security.forms_on_pages import forms_on
from tests.security.headers import assert_security_headers
from tests.security.test_route_access import _routes
from tests.surveys.conftest import begin, make_survey, post_answer, send

SKIP_FORMS = {"/staff/logout"}  # signing out mid-walk would stop the walk


def _row_counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            t.name: db.session.scalar(select(func.count()).select_from(t))
            for t in Model.metadata.sorted_tables
            if t.name != "audit_events"
        }


def _demo(app):
    from feedback import demo

    with app.app_context():
        demo.seed(db.session, responses=6)
        db.session.commit()


def _signed_in(app, role: str):
    from feedback.demo import DEMO_PASSWORD
    from feedback.staff.models import User

    client = app.test_client()
    with app.app_context():
        user = db.session.scalar(select(User).where(User.role == role))
        db.session.expunge(user)
    assert login(client, user, DEMO_PASSWORD).status_code == 302
    return client


def _samples(app) -> dict:
    """Real values for route arguments, so the walk reaches real pages and their forms."""
    from feedback.agreements.models import Agreement
    from feedback.surveys.models import Survey

    with app.app_context():
        slug = db.session.scalar(select(Survey.slug).where(Survey.status == "open"))
        reference = db.session.scalar(select(Agreement.reference))
    return {"slug": slug, "reference": reference or "x"}


# Opening these hands the tablet to the family: staff pages then ask for the worker's
# password first. The walk visits them last, as a worker would end a visit.
FAMILY_SCREENS = {
    "agreements.together",
    "agreements.signers",
    "agreements.sign",
    "agreements.signed",
}


def _page_forms(app, client):
    routes = sorted(_routes(app, _samples(app)), key=lambda r: r[0] in FAMILY_SCREENS)
    for endpoint, method, url in routes:
        if method != "GET" or endpoint == "static":
            continue
        page = client.get(url)
        if page.status_code == 200 and page.mimetype == "text/html":
            for form in forms_on(page.text, url):
                if form.action not in SKIP_FORMS and form.text_fields:
                    yield url, form


@pytest.mark.parametrize("role,at_least", [("admin", 8), ("practitioner", 4)])
def test_every_form_survives_every_bad_string(app, role, at_least):
    _demo(app)
    client = _signed_in(app, role)
    forms = list(_page_forms(app, client))
    assert len(forms) >= at_least, [u for u, _ in forms]  # the walk really found forms
    problems = []
    for url, form in forms:
        for label, bad in BAD_STRINGS.items():
            data = dict(form.fields)
            for name in form.text_fields:
                data[name] = bad
            before = _row_counts(app)
            response = client.post(form.action, data=data)
            where = f"{role} {form.action} (form on {url}) with {label}"
            if response.status_code >= 500:
                problems.append(f"{where}: {response.status_code}")
                continue
            assert_security_headers(response, where)
            if 400 <= response.status_code < 500:
                after = _row_counts(app)
                if after != before:
                    changed = {t: (before[t], after[t]) for t in after if after[t] != before[t]}
                    problems.append(f"{where}: refused ({response.status_code}) but {changed}")
            for echo in ("<script>alert(1)</script>", '" onmouseover="alert(1)"'):
                if echo in response.text:
                    problems.append(f"{where}: echoed {echo!r} unescaped")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("big", [2**31, 2**63, 10**30])
def test_huge_ids_in_urls_are_404s_not_errors(app, big):
    _demo(app)
    client = _signed_in(app, "admin")
    for rule in app.url_map.iter_rules():
        ints = [n for n in rule.arguments if isinstance(rule._converters[n], NumberConverter)]
        if not ints:
            continue
        # Built by hand: the URL builder itself refuses numbers this big.
        url = rule.rule
        for name in rule.arguments:
            url = re.sub(rf"<[^>]*{name}>", str(big) if name in ints else "x", url)
        for method in ("GET", "POST") if "POST" in rule.methods else ("GET",):
            response = client.open(url, method=method)
            assert response.status_code < 500, (method, url, response.status_code)


def test_a_refused_answer_keeps_what_was_already_saved(app, client):
    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    assert post_answer(client, slug, 6, sid, answer="Come on time please").status_code == 303
    too_long = post_answer(client, slug, 6, sid, answer="x" * 100_000)
    assert too_long.status_code == 413 and "too much to send" in too_long.text
    page = client.get(f"/s/{slug}/6")
    assert "Come on time please" in page.text


def test_answers_are_cleaned_stored_once_and_shown_back_escaped(app, client):
    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    typed = "<script>alert(1)</script> {{ 7*7 }} a\x00b hid\u200bden 👨‍👩‍👧"
    post_answer(client, slug, 6, sid, answer=typed)
    page = client.get(f"/s/{slug}/6").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} ab hidden 👨‍👩‍👧" in page
    assert "<script>alert(1)" not in page and ">49<" not in page
    send(client, slug, sid)
    assert send(client, slug, sid).status_code == 303  # replayed: still one response


def test_a_forged_or_foreign_submission_id_changes_nothing(app, client):
    with app.app_context():
        first = make_survey(db.session).slug
        second = make_survey(db.session).slug
    theirs = begin(app.test_client(), first)
    before = _row_counts(app)
    for slug, sid in ((first, "A" * 32), (second, theirs), (first, "../../etc"), (first, "")):
        response = post_answer(client, slug, 1, sid, answer="happy")
        assert response.status_code in (303, 400, 404, 422), (slug, sid, response.status_code)
    assert _row_counts(app) == before


def test_expired_or_made_up_family_links_are_friendly(client):
    for token in ("x", "A" * 43, "../../etc/passwd", "%00"):
        response = client.get(f"/copy/{token}")
        assert response.status_code in (404, 410), (token, response.status_code)
        assert "<h1>" in response.text


@pytest.mark.csrf
def test_staff_forms_without_or_with_a_stale_csrf_token_change_nothing(app, client, make_user):
    lead = make_user("lead")
    page = client.get("/staff/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
    assert (
        client.post(
            "/staff/login",
            data={
                "email": lead.email,
                "password": "correct horse battery staple",
                "csrf_token": token,
            },
        ).status_code
        == 302
    )
    before = _row_counts(app)
    for data in ({}, {"csrf_token": "stale-or-forged-token"}, {"csrf_token": token + "x"}):
        response = client.post(
            "/staff/privacy/people/erase", data={**data, "name": "Ava", "confirm": "y"}
        )
        assert response.status_code == 400 and "Please try that again" in response.text
    assert _row_counts(app) == before


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(words=st.text(max_size=300), name=st.text(max_size=200))
def test_any_text_in_the_rights_search_gets_a_clear_answer(app, client, login_as, words, name):
    if not getattr(app, "_signed_in", False):
        login_as("lead")
        app._signed_in = True
    response = client.post("/staff/privacy/people", data={"name": name, "reference": words})
    assert response.status_code in (200, 413, 422)
    assert_security_headers(response, "rights search")


def test_extra_form_fields_are_ignored(app, client, login_as):
    from feedback.staff.models import User

    user = login_as("practitioner")
    new = "another long passphrase"
    client.post(
        "/staff/account/password",
        data={
            "current": "correct horse battery staple",
            "new": new,
            "confirm": new,
            "role": "admin",
            "id": "1",
            "team": "Everyone",
            "active": "n",
        },
    )
    with app.app_context():
        stored = db.session.get(User, user.id)
        assert (stored.role, stored.team, stored.active) == ("practitioner", "North", True)
    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    post_answer(
        client,
        slug,
        1,
        sid,
        answer="happy",
        respondent_name="Forged Name",
        retain_until="2000-01-01",
        status="submitted",
    )
    send(client, slug, sid)
    with app.app_context():
        from feedback.surveys.models import Response

        response = db.session.scalar(select(Response).where(Response.submission_id == sid))
        assert response.respondent_name is None  # an anonymous survey stores no name
        assert response.retain_until.year > 2025


def test_an_answer_the_service_refuses_is_shown_again_not_a_server_error(app, client, monkeypatch):
    """The form checks what the service checks; if they ever disagree, the child sees a
    kind message on the same screen (422) and nothing is stored."""
    from feedback.surveys import services

    with app.app_context():
        slug = make_survey(db.session).slug
    sid = begin(client, slug)
    before = _row_counts(app)

    def refuse(*args, **kwargs):
        raise services.InvalidAnswer("Please choose one of the answers shown.")

    monkeypatch.setattr(services, "record_answer", refuse)
    response = post_answer(client, slug, 1, sid, answer="happy")
    assert response.status_code == 422
    assert "not one of the choices" in response.text
    assert _row_counts(app) == before
