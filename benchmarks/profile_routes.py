"""Profile product routes with pyinstrument, in process, on a seeded throwaway database.

    python -m benchmarks.profile_routes                 # every scenario, 300 rounds each
    python -m benchmarks.profile_routes --only question --rounds 1000 --html out.html

It drives the same scenarios as the load test through Flask's test client, so the
profile shows the app's own time: no network, no gunicorn.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from pyinstrument import Profiler

from benchmarks import product
from benchmarks.http_client import Reply


class InProcessUser:
    """The `http_load.Client` interface over Flask's test client (which keeps cookies)."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()
        self.state: dict = {}
        self.headers: dict[str, str] = {}

    def forget_cookies(self) -> None:
        environ = self.client.environ_base
        self.client = self.app.test_client()
        self.client.environ_base = environ

    def _reply(self, response, expect) -> Reply:
        if response.status_code not in expect:
            raise AssertionError(f"{response.request.path}: {response.status_code}")
        headers = {k.lower(): v for k, v in response.headers.items()}
        return Reply(response.status_code, headers, [], response.get_data())

    def get(self, path, label=None, expect=(200,)):
        response = self.client.get(path, headers={**self.headers, "Accept-Encoding": "gzip"})
        return self._reply(response, expect)

    def post(self, path, fields, label=None, expect=(303, 302)):
        headers = {**self.headers, "Accept-Encoding": "gzip"}
        response = self.client.post(path, data=fields, headers=headers)
        return self._reply(response, expect)

    def close(self) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--only", default="", help="profile scenarios whose name has this")
    parser.add_argument("--html", help="also write an HTML profile here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="feedback-profile-") as tmp:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(tmp) / 'profile.sqlite'}"
        env = product.environment(url, Path(tmp) / "instance")
        product.prepare(env)
        os.environ.update(env)
        from feedback import create_app

        app = create_app()
        for name, scenario, *_ in (*product.SCENARIOS, product.STAND_IN):
            if args.only not in name:
                continue
            user = InProcessUser(app)
            scenario(user, lambda: True)  # warm up: first requests compile templates
            profiler = Profiler(interval=0.0005)
            with profiler:
                for _ in range(args.rounds):
                    scenario(user, lambda: True)
            print(f"=== {name}: {args.rounds} rounds")
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            if args.html:
                Path(args.html).write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
