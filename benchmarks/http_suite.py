"""The HTTP part of `make bench`: three baselines and the product, loaded in turn.

All four servers start first (same gunicorn settings, same machine, same run) and stay
up; each measurement then runs in several short rounds, interleaved, so background load
on a shared machine falls on the baselines and the product alike. Each virtual user
keeps its connection state, cookies and survey response from round to round.
"""

from __future__ import annotations

import random
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import baselines, http_load, product, servers
from benchmarks.databases import Databases
from benchmarks.http_client import Client
from benchmarks.table import Row, http_row

ROUND_WARMUP = 0.2  # unmeasured start of each round, while connections ramp up


def hello(client, running) -> None:
    client.get("/", label="load")


def read_note(client, running) -> None:
    client.get(f"/notes/{random.randint(1, baselines.ROWS)}", label="load")  # nosec B311


def insert_note(client, running) -> None:
    client.post("/notes", {"title": "A note from the benchmark"}, label="load", expect=(303,))


BASELINES = (
    ("hello", "bare Flask hello", hello),
    ("read", "Flask + SQLAlchemy read one row + Jinja", read_note),
    ("insert", "Flask + SQLAlchemy insert one row", insert_note),
)


@dataclass
class Measure:
    name: str
    port: int
    scenario: http_load.Scenario
    label: str
    baseline: str = ""  # key of the baseline it is compared with
    key: str = ""
    clients: list[Client] = field(default_factory=list)
    rounds: list[http_load.Result] = field(default_factory=list)

    def run(self, seconds: float, warmup: float) -> None:
        results = http_load.run(
            self.port, self.scenario, seconds=seconds, warmup=warmup, clients=self.clients
        )
        failures = max((r.failures for r in results.values()), default=0)
        empty = http_load.Result(self.label, (), 0, seconds, failures)
        self.rounds.append(results.get(self.label, empty))


def http_rows(dbs: Databases, tmp: Path, args) -> list[Row]:
    baselines.prepare(dbs.urls["baseline"])
    product_env = product.environment(dbs.urls["product"], tmp / "instance")
    product.prepare(product_env)
    with ExitStack() as stack:
        measures, missing = [], []
        env = {"BASELINE_DATABASE_URL": dbs.urls["baseline"]}
        for kind, name, scenario in BASELINES:
            target = f"benchmarks.baselines:create('{kind}')"
            port = stack.enter_context(servers.serve(target, env, tmp, f"baseline-{kind}"))
            measures.append(Measure(f"baseline: {name}", port, scenario, "load", key=kind))
        port = stack.enter_context(servers.serve(product.TARGET, product_env, tmp, "product"))
        specs = product.SCENARIOS
        if not product.surveys_available(port):
            specs, missing = (product.STAND_IN,), product.SCENARIOS
        for name, scenario, label, baseline, _target in specs:
            # Each product measurement runs right after its baseline, round by round.
            after = next(i for i, m in enumerate(measures) if m.key == baseline)
            measures.insert(after + 1, Measure(name, port, scenario, label, baseline))
        for measure in measures:
            measure.clients = http_load.users(measure.port, args.connections)
            measure.run(seconds=0, warmup=args.warmup)  # start journeys, warm caches
            measure.rounds.clear()
        for _ in range(args.rounds):
            for measure in measures:
                measure.run(args.seconds / args.rounds, ROUND_WARMUP)
    by_key = {m.key: m for m in measures if m.key}
    rows = []
    for m in measures:
        result = http_load.merge(m.rounds)
        if not m.baseline:
            rows.append(http_row(m.name, result))
            continue
        ratio = http_load.paired_ratio(m.rounds, by_key[m.baseline].rounds)
        rows.append(http_row(m.name, result, ratio, m.baseline))
    rows.extend(Row(spec[0], "not yet available", spec[4]) for spec in missing)
    return rows
