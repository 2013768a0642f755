"""Page weight of every survey screen: HTML + CSS + JavaScript, pictures excluded.

    python benchmarks/page_weight.py

Walks each shipped survey with a test client (CSRF on, as in production) and, for each
screen, adds up the page and the stylesheets and scripts it links. Prints bytes as sent
uncompressed and gzipped (what a browser that asks for gzip transfers), and whether each
screen is within the 40 KB budget. The budget is checked on the uncompressed figure.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

BUDGET = 40 * 1024
LINKED = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
ATTR = re.compile(r'(name|value)="([^"]*)"')
GZIP = {"Accept-Encoding": "gzip", "Sec-Fetch-Site": "same-origin"}  # as a browser asks


@dataclass(frozen=True)
class Screen:
    name: str
    html: int
    css: int
    js: int
    requests: int
    gzipped: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def _hidden_fields(html: str) -> dict[str, str]:
    fields = {}
    for tag in HIDDEN.findall(html):
        attrs = dict(ATTR.findall(tag))
        if "name" in attrs:
            fields[attrs["name"]] = attrs.get("value", "")
    return fields


def _weigh(client, name: str, html: str, gzipped_html: int) -> Screen:
    """Add the stylesheets and scripts a page links to the page itself."""
    css = js = 0
    gzipped = gzipped_html
    links = LINKED.findall(html)
    for url in links:
        size = len(client.get(url, buffered=True).data)
        gzipped += len(client.get(url, headers=GZIP, buffered=True).data)
        if url.split("?")[0].endswith(".css"):
            css += size
        else:
            js += size
    return Screen(name, len(html.encode()), css, js, 1 + len(links), gzipped)


def _get(client, name: str, path: str) -> tuple[Screen, str]:
    html = client.get(path).text
    return _weigh(client, name, html, len(client.get(path, headers=GZIP).data)), html


def _walk_survey(client, slug: str, name: str) -> list[Screen]:
    """Start screen, the first screen of each kind of question, an error, Send, Thanks."""
    screen, start = _get(client, f"{name}: start", f"/s/{slug}")
    screens = [screen]
    reply = client.post(f"/s/{slug}", data=_hidden_fields(start))
    path, seen = reply.headers["Location"], set()
    while "/send" not in path:
        screen, html = _get(client, "", path)
        kind = re.search(r'class="question kind-(\w+)"', html)[1]
        fields = _hidden_fields(html)
        if kind not in seen:
            seen.add(kind)
            screens.append(replace(screen, name=f"{name}: question ({kind})"))
        if not any("error" in s.name for s in screens) and kind != "text":
            # An answer that is not one of the choices: the error screen, as sent back.
            # (Next with nothing chosen is a skip, not an error.)
            wrong = {**fields, "go": "next", "answer": "not-a-choice"}
            error = client.post(path, data=wrong)
            gzipped = len(client.post(path, data=wrong, headers=GZIP).data)
            screens.append(_weigh(client, f"{name}: question with an error", error.text, gzipped))
        reply = client.post(path, data={**fields, "go": "skip"})
        path = reply.headers["Location"]
    screen, send = _get(client, f"{name}: last screen (send)", path)
    screens.append(screen)
    client.post(path, data=_hidden_fields(send))
    screens.append(_get(client, f"{name}: thank you", f"/s/{slug}/thanks")[0])
    return screens


def _new_kinds_survey() -> dict:
    """A survey with the kinds no shipped survey uses yet: ten statements sharing a scale
    (the heaviest screen of them: ten fieldsets and survey-statements.js), "Other - tell
    us", a number, and a question asked only after an answer."""
    from feedback.surveys import scales

    return {
        "key": "new kinds",
        "title": "About you",
        "audience": "8-12",
        "status": "open",
        "questions": [
            {"kind": "one_other", "principle": 4, "text": "Who do you live with?",
             "bank_key": "live",
             "options": [{"value": "mum", "label": "Mum"}, {"value": "carer", "label": "A carer"},
                         scales.other_option()]},
            {"kind": "statements", "principle": 6, "text": "How true are these for you?",
             "options": scales.ready_made("sometimes"),
             "settings": {"statements": [f"Statement number {n} about where I live and who I see"
                                         for n in range(1, 11)], "scale": "sometimes"}},
            {"kind": "number", "principle": 5, "text": "How old are you?",
             "settings": {"min": 8, "max": 11}},
            {"kind": "text", "principle": 4, "text": "Tell us about your carer",
             "show_when": {"question": "live", "values": ["carer"]}},
        ],
    }  # fmt: skip


def measure() -> list[Screen]:
    """Weigh every survey screen in a throwaway app with the shipped surveys."""
    from sqlalchemy import select

    from feedback import create_app
    from feedback.db import Model
    from feedback.extensions import db
    from feedback.surveys import device
    from feedback.surveys.loader import build_survey, load_shipped
    from feedback.surveys.models import Survey

    tmp = Path(tempfile.mkdtemp(prefix="page-weight-"))
    app = create_app(
        {
            "SECRET_KEY": "page-weight-benchmark-secret-key-0123456789",
            "INSTANCE_PATH": str(tmp),
            "SQLALCHEMY_ENGINES": {"default": {"url": f"sqlite:///{tmp / 'weight.sqlite'}"}},
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        Model.metadata.create_all(db.engine)
        load_shipped(db.session)
        db.session.add(build_survey(_new_kinds_survey()))
        db.session.commit()
        surveys = [
            (s.slug, s.key or s.audience)
            for s in db.session.scalars(select(Survey).where(Survey.status == "open"))
        ]
    client = app.test_client()
    screens = [_get(client, "start page (Have your say)", "/")[0]]
    for slug, name in surveys:
        screens.extend(_walk_survey(client, slug, name))
    with app.test_request_context():
        now = time.time()
        cookie = device._signer("survey-tablet").dumps(
            {"slugs": [surveys[0][0]], "by": 1, "started": now, "seen": now}
        )
    client.set_cookie(device.TABLET_COOKIE, cookie)
    screens.append(_get(client, "tablet welcome", "/tablet")[0])
    slug = surveys[0][0]
    reply = client.post(f"/s/{slug}", data=_hidden_fields(client.get(f"/s/{slug}").text))
    screens.append(
        _get(client, "tablet: question (with idle warning)", reply.headers["Location"])[0]
    )
    with app.app_context():
        db.engine.dispose()
    return screens


def main() -> int:
    screens = measure()
    width = max(len(s.name) for s in screens)
    print(f"{'screen':<{width}}  {'HTML':>7} {'CSS':>7} {'JS':>6} {'total':>7} {'gzip':>6} req")
    for s in screens:
        flag = "" if s.total <= BUDGET else "  OVER BUDGET"
        print(
            f"{s.name:<{width}}  {s.html:>7,} {s.css:>7,} {s.js:>6,} {s.total:>7,} "
            f"{s.gzipped:>6,} {s.requests:>3}{flag}"
        )
    largest = max(screens, key=lambda s: s.total)
    over = [s for s in screens if s.total > BUDGET]
    verdict = f"{len(over)} OVER" if over else "all within budget"
    print(
        f"page weight: largest screen {largest.total:,} bytes ({largest.gzipped:,} gzipped, "
        f"{largest.requests} requests), {largest.name}; budget {BUDGET:,} bytes; "
        f"{len(screens)} screens, {verdict}"
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
