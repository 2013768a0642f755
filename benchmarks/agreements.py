"""Working Together Agreements: time per step and the size of what a tablet downloads.

Run from the repository root:

    python benchmarks/agreements.py            # 20 agreements
    python benchmarks/agreements.py --count 50

A fresh temporary SQLite database; each agreement is prepared, filled in, signed by a
child (typed), a parent (drawn, a 600 x 220 PNG like the signature pad sends) and the
worker (the last signature locks it and computes the hash), then its PDF is rendered and
the family's link page served. Requests go through Flask's test client (no network), so
the figures are the app's own work. Medians and 95th percentiles, wall and CPU time.
Nothing asserts: it prints figures.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from benchmarks.databases import throwaway  # noqa: E402
from feedback import create_app, migrate  # noqa: E402
from feedback.agreements.template_services import install_default_template  # noqa: E402
from feedback.extensions import db  # noqa: E402
from feedback.staff.models import User  # noqa: E402

PASSWORD = "benchmark-password-123"  # nosec B105 (a throwaway database)


def _drawing() -> str:
    image = Image.new("RGBA", (1200, 440), (0, 0, 0, 0))  # 600 x 220 at a 2x screen
    points = [(40 + i * 45, 220 + (80 if i % 2 else -80)) for i in range(25)]
    ImageDraw.Draw(image).line(points, fill="black", width=6)
    out = BytesIO()
    image.save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


class Timer:
    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def run(self, name: str, call):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        self.wall.setdefault(name, []).append((time.perf_counter() - wall) * 1000)
        self.cpu.setdefault(name, []).append((time.process_time() - cpu) * 1000)
        return result

    def rows(self):
        for name, values in self.wall.items():
            ordered = sorted(values)
            p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
            yield name, statistics.median(values), p95, statistics.median(self.cpu[name])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args(argv)
    drawing = _drawing()
    timer = Timer()
    sizes: dict[str, int] = {}
    with (
        tempfile.TemporaryDirectory(prefix="agreements-bench-") as tmp,
        throwaway(Path(tmp)) as dbs,
    ):
        app = create_app(
            {
                "INSTANCE_PATH": f"{tmp}/instance",
                "SECRET_KEY": "benchmark-secret-key-that-is-long-enough-0123",
                "SQLALCHEMY_ENGINES": {"default": {"url": dbs.urls["product"]}},
                "WTF_CSRF_ENABLED": False,
                "RATELIMIT_ENABLED": False,
            }
        )
        with app.app_context():
            migrate.upgrade(db.engine)
            user = User(email="w@example.org", name="Sam Worker", role="practitioner", team="N")
            user.set_password(PASSWORD)
            db.session.add(user)
            install_default_template(db.session)
            db.session.commit()
        client = app.test_client()
        client.post("/staff/login", data={"email": "w@example.org", "password": PASSWORD})
        review = (date.today() + timedelta(days=90)).isoformat()
        for n in range(args.count):
            prepared = timer.run(
                "prepare (POST)",
                lambda n=n: client.post(
                    "/staff/agreements/new",
                    data={
                        "template": "1",
                        "audience": "adult",
                        "family_reference": f"B-{n}",
                        "people-0-name": "Mia",
                        "people-0-role": "child",
                        "people-1-name": "Jo",
                        "people-1-role": "parent",
                    },
                ),
            )
            base = prepared.location.rsplit("/", 1)[0]
            timer.run(
                "fill in and save (POST)",
                lambda base=base: client.post(
                    f"{base}/edit",
                    data={
                        "text_why": "To help with money worries.",
                        "visits_plan": "child_in_need",
                        "review_date": review,
                        "promises-0-text": "We will listen.",
                    },
                ),
            )
            edit = timer.run(
                "edit page with language advice (GET)", lambda b=base: client.get(f"{b}/edit")
            )
            sign_page = timer.run(
                "signing screen (GET)", lambda b=base: client.get(f"{b}/signing/1")
            )
            timer.run(
                "typed signature (POST)",
                lambda b=base: client.post(
                    f"{b}/signing/1", data={"method": "typed", "typed_name": "Mia"}
                ),
            )
            timer.run(
                "drawn signature, checked and re-encoded (POST)",
                lambda b=base: client.post(
                    f"{b}/signing/2", data={"method": "drawn", "drawing": drawing}
                ),
            )
            timer.run(
                "last signature: lock and hash (POST)",
                lambda b=base: client.post(
                    f"{b}/signing/3", data={"method": "typed", "typed_name": "Sam Worker"}
                ),
            )
            pdf = timer.run("PDF copy (GET)", lambda b=base: client.get(f"{b}/v/1/agreement.pdf"))
            link = client.post(f"{base}/link")
            url = link.text.split('class="family-link"><a href="')[1].split('"')[0]
            family = timer.run(
                "family copy page by link (GET)",
                lambda u=url: client.get(u.replace("http://localhost", "")),
            )
        sizes["signing screen HTML (gzip)"] = len(gzip.compress(sign_page.data))
        sizes["edit page HTML (gzip)"] = len(gzip.compress(edit.data))
        sizes["family copy HTML with drawn signature (gzip)"] = len(gzip.compress(family.data))
        sizes["PDF copy (3 to 4 pages)"] = len(pdf.data)
        sizes["drawing as sent by the tablet"] = len(drawing)
        for name in (
            "vendor/signature_pad/signature_pad.umd.min.js",
            "js/signature.js",
            "css/agreements.css",
        ):
            sizes[f"{name} (gzip)"] = len(gzip.compress((ROOT / "static" / name).read_bytes()))
    print(
        f"agreements: {args.count} agreements, each prepared, signed by 3 people, locked, "
        "printed and opened by link (Flask test client, SQLite)"
    )
    print(f"{'step':<50} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8}")
    for name, median, p95, cpu in timer.rows():
        print(f"{name:<50} {median:>10.1f} {p95:>8.1f} {cpu:>8.1f}")
    print(f"{'size':<50} {'bytes':>10}")
    for name, size in sizes.items():
        print(f"{name:<50} {size:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
