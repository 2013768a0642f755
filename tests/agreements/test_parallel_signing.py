"""Two last signers at once, or a double tap on the final Sign: locked, and no 500.

Real threads through the real routes, against the suite's database (a SQLite file by
default, PostgreSQL with TEST_DATABASE_URL).
"""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from feedback.agreements import services
from tests.agreements.conftest import get_agreement
from tests.conftest import login

FAMILY = [{"name": "Mia", "role": "child"}, {"name": "Jo", "role": "parent"}]
ROUNDS = 6


def _signer(app, worker):
    client = app.test_client()
    login(client, worker)
    return client


def _post_all(app, worker, reference, people: list[int]) -> list[int]:
    clients = [_signer(app, worker) for _ in people]
    barrier = Barrier(len(people))

    def sign(i: int) -> int:
        barrier.wait()
        n = people[i]
        url = f"/staff/agreements/{reference}/signing/{n}"
        return clients[i].post(url, data={"method": "typed", "typed_name": f"P{n}"}).status_code

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(sign, range(len(people))))


def test_two_last_signers_at_once_leave_every_agreement_locked(
    app, session, make_user, make_agreement
):
    worker = make_user("practitioner")
    for _ in range(ROUNDS):
        reference = make_agreement(worker.id, people=FAMILY)
        version = get_agreement(reference).current
        services.sign(session, version, 0, method="typed", typed_name="Mia")
        session.commit()
        statuses = _post_all(app, worker, reference, [2, 3])  # Jo and the worker, together
        assert 500 not in statuses and set(statuses) <= {302}, statuses
        session.expire_all()
        version = get_agreement(reference).current
        assert version.status == "signed" and version.sha256, reference
        assert len(version.signatures) == 3


def test_a_double_tap_on_the_final_sign_gives_no_500(app, session, make_user, make_agreement):
    worker = make_user("practitioner")
    for _ in range(ROUNDS):
        reference = make_agreement(worker.id, people=FAMILY[:1])
        version = get_agreement(reference).current
        services.sign(session, version, 0, method="typed", typed_name="Mia")
        session.commit()
        statuses = _post_all(app, worker, reference, [2, 2])  # the same tap, twice
        assert sorted(statuses) == [302, 302], statuses
        session.expire_all()
        version = get_agreement(reference).current
        assert version.status == "signed" and len(version.signatures) == 2
