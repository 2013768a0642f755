"""Public writes are limited per device and per address, in the database; a child over
a limit sees a kind page, and nothing already saved is lost."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from feedback.alerts.models import SafeguardingAlert
from feedback.extensions import db
from feedback.limits import guard, public, rules
from feedback.limits.counting import Rule
from tests.surveys.conftest import begin, make_survey, post_answer, stored

pytestmark = pytest.mark.ratelimit
SCHOOL = {"REMOTE_ADDR": "192.0.2.10"}


@pytest.fixture
def slug(app):
    with app.app_context():
        return make_survey(db.session).slug


@pytest.fixture
def clock(monkeypatch):
    now = [1_800_000_000.0]
    monkeypatch.setattr(guard, "now", lambda: now[0])
    return now


def _device(app, address: str = SCHOOL["REMOTE_ADDR"]):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _start(client, slug) -> int:
    page = client.get(f"/s/{slug}")
    token = page.text.split('name="token" type="hidden" value="')[1].split('"')[0]
    return client.post(f"/s/{slug}", data={"token": token}).status_code


def _limit(monkeypatch, name: str, device: int, address: int) -> None:
    monkeypatch.setattr(
        rules,
        name.upper(),
        {
            "device": (Rule(f"{name}-device", device, 600),),
            "address": (Rule(f"{name}-address", address, 600),),
        },
    )
    monkeypatch.setitem(public.KINDS, name, getattr(rules, name.upper()))


def test_one_device_is_limited_before_its_school_is(app, slug, clock, monkeypatch):
    _limit(monkeypatch, "start", device=3, address=5)
    tablet = _device(app)
    assert [_start(tablet, slug) for _ in range(4)] == [303, 303, 303, 429]
    page = tablet.post(f"/s/{slug}", data={"token": "x"})
    assert page.status_code == 429 and "Please wait a few minutes" in page.text
    assert "Childline" in page.text and "already sent is saved" in page.text
    assert int(page.headers["Retry-After"]) > 0
    others = [_start(_device(app), slug) for _ in range(3)]  # classmates on their own devices
    assert others == [303, 303, 429]  # the school's address: 5 in all
    assert _start(_device(app, "192.0.2.99"), slug) == 303
    clock[0] += 20 * 60
    assert _start(tablet, slug) == 303  # after a pause, on again


def test_answers_saved_before_a_limit_are_kept_and_the_child_carries_on(
    app, slug, clock, monkeypatch
):
    _limit(monkeypatch, "answer", device=3, address=100)
    child = _device(app)
    sid = begin(child, slug)
    codes = [post_answer(child, slug, n, sid, answer=a).status_code for n, a in
             ((1, "happy"), (2, "4"), (3, "yes"), (4, "phone"))]  # fmt: skip
    assert codes == [303, 303, 303, 429]
    _, answers = stored(app, sid)
    assert sorted(answers) == [1, 2, 3]
    clock[0] += 20 * 60
    assert post_answer(child, slug, 4, sid, answer="phone").status_code == 303
    _, answers = stored(app, sid)
    assert sorted(answers) == [1, 2, 3, 4]


def test_many_new_alerts_from_one_device_make_it_wait_and_the_alert_is_kept(
    app, slug, clock, monkeypatch
):
    monkeypatch.setattr(rules, "ALERT", {"device": (Rule("alert-device", 1, 3600),),
                                         "address": (Rule("alert-address", 5, 3600),)})  # fmt: skip
    child = _device(app)
    sid = begin(child, slug)
    worry = "my mums boyfriend shouts at me and hit me last week"
    assert post_answer(child, slug, 6, sid, answer=worry).status_code == 303
    again = post_answer(child, slug, 6, sid, answer=worry + " again")
    assert again.status_code == 429
    classmate = _device(app)
    assert (
        post_answer(classmate, slug, 1, begin(classmate, slug), answer="happy").status_code == 303
    )
    with app.app_context():
        alerts = db.session.scalar(select(func.count()).select_from(SafeguardingAlert))
    assert alerts == 1
    _, answers = stored(app, sid)
    assert answers[6].value == worry  # the first comment, kept as written


def test_limits_are_off_when_switched_off(app, slug, monkeypatch):
    app.config["RATELIMIT_ENABLED"] = False
    _limit(monkeypatch, "start", device=1, address=1)
    tablet = _device(app)
    assert [_start(tablet, slug) for _ in range(3)] == [303] * 3
