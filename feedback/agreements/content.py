"""The words of an agreement: shipped data files, default answers, and what is shown.

`fields` is what the worker fills in (kept to edit later); `render_content(fields,
audience)` turns it into the list of sections the family is shown and signs.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from feedback.principles import principle

HERE = Path(__file__).resolve().parent
SECTION_KINDS = ("who", "text", "promises", "keep_in_touch", "visits", "review")
WORKER_FIELDS = ("worker_name", "worker_role", "team", "contact", "manager")
TOUCH_FIELDS = ("way", "times", "interpreter", "needs")
# Always needed before signing, whatever the template says: without them an agreement
# never comes up for review. "why" is needed in templates saved before `needed` existed.
ALWAYS_NEEDED_KINDS = ("visits", "review")
NEEDED_BY_DEFAULT = ("why",)


@cache
def words() -> dict[str, Any]:
    """Labels, signer roles, faces and PDF words (words.toml)."""
    with (HERE / "words.toml").open("rb") as f:
        return tomllib.load(f)


@cache
def default_template() -> dict[str, Any]:
    """The shipped Working Together Agreement template (default_template.toml)."""
    with (HERE / "default_template.toml").open("rb") as f:
        return tomllib.load(f)


@cache
def visit_choices() -> tuple[dict[str, str], ...]:
    """The visiting timescales by kind of plan, from the Torbay seed (visits.toml)."""
    with (HERE / "visits.toml").open("rb") as f:
        return tuple(tomllib.load(f)["visit"])


def visit_choice(key: str) -> dict[str, str] | None:
    return next((v for v in visit_choices() if v["key"] == key), None)


def long_date(value: date) -> str:
    """3 March 2027: no leading zero, month in words (never 03/03/27)."""
    return f"{value.day} {value:%B %Y}"


def default_fields(template_sections, template_promises, audience: str, worker) -> dict:
    """Start an agreement's answers from the template and the worker's own details."""
    text = "text_child" if audience == "child" else "text"
    return {
        "sections": [dict(s) for s in template_sections],
        "texts": {s["key"]: s.get(text, "") for s in template_sections},
        "worker": {
            "worker_name": worker.name,
            "worker_role": words()["defaults"]["worker_role"],
            "team": worker.team,
            "contact": "",
            "manager": "",
        },
        "promises": [
            {"principle": p["principle"], "text": p.get(text, "")} for p in template_promises
        ],
        "keep_in_touch": dict.fromkeys(TOUCH_FIELDS, ""),
        "visits": {"plan": "", "text": ""},
        "review_date": "",
    }


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _items(labels: dict[str, str], values: dict[str, str], names) -> list[dict[str, str]]:
    return [
        {"label": labels[n], "text": values.get(n, "").strip()}
        for n in names
        if values.get(n, "").strip()
    ]


def render_content(fields: dict, audience: str) -> list[dict[str, Any]]:
    """Build the sections exactly as the family will see and sign them."""
    child = audience == "child"
    labels = words()["labels"]["child" if child else "adult"]
    shown = []
    for section in fields["sections"]:
        kind, key = section["kind"], section["key"]
        items: list[dict[str, str]] = []
        if kind == "who":
            items = _items(labels, fields["worker"], WORKER_FIELDS)
        elif kind == "promises":
            items = [
                {"label": principle(int(p["principle"])).title, "text": p["text"].strip()}
                for p in fields["promises"]
                if p["text"].strip()
            ]
        elif kind == "keep_in_touch":
            items = _items(labels, fields["keep_in_touch"], TOUCH_FIELDS)
        elif kind == "visits":
            text = fields["visits"]["text"].strip()
            choice = visit_choice(fields["visits"]["plan"])
            if not text and choice:
                text = choice["child" if child else "adult"]
            items = [{"label": labels["visits"], "text": text}] if text else []
        elif kind == "review" and fields.get("review_date"):
            when = long_date(date.fromisoformat(fields["review_date"]))
            items = [{"label": labels["review_date"], "text": when}]
        shown.append(
            {
                "key": key,
                "emoji": section.get("emoji", ""),
                "heading": section["heading_child" if child else "heading"],
                "paragraphs": _paragraphs(fields["texts"].get(key, "")),
                "items": items,
                # The visit plan and review date say most; their extra words come after.
                "items_first": kind in ("visits", "review"),
            }
        )
    return shown


def checkable_texts(fields: dict) -> list[tuple[str, str]]:
    """(heading, text) pairs the language checker should read."""
    heading = {s["key"]: s["heading"] for s in fields["sections"]}
    found = [(heading[k], t) for k, t in fields["texts"].items() if t.strip() and k in heading]
    found += [("Promise", p["text"]) for p in fields["promises"] if p["text"].strip()]
    touch = fields["keep_in_touch"]
    found += [("How we keep in touch", touch[n]) for n in TOUCH_FIELDS if touch.get(n, "").strip()]
    if fields["visits"]["text"].strip():
        found.append(("How often we will visit", fields["visits"]["text"]))
    return found


def is_needed(section: dict) -> bool:
    """Must this section be filled in before anyone signs?"""
    if section["kind"] in ALWAYS_NEEDED_KINDS:
        return True
    return bool(section.get("needed", section["key"] in NEEDED_BY_DEFAULT))


def _filled(section: dict, fields: dict) -> bool:
    kind = section["kind"]
    if kind == "who":
        return bool(fields["worker"].get("worker_name", "").strip())
    if kind == "promises":
        return any(p["text"].strip() for p in fields["promises"])
    if kind == "keep_in_touch":
        return any(v.strip() for v in fields["keep_in_touch"].values())
    if kind == "visits":
        return bool(fields["visits"]["plan"] or fields["visits"]["text"].strip())
    if kind == "review":
        return bool(fields.get("review_date"))
    return bool(fields["texts"].get(section["key"], "").strip())


def missing(fields: dict, audience: str) -> list[str]:
    """Headings (in the family's wording) of the needed sections still empty."""
    heading = "heading_child" if audience == "child" else "heading"
    return [
        s.get(heading) or s["heading"]
        for s in fields["sections"]
        if is_needed(s) and not _filled(s, fields)
    ]
