"""A virtual respondent's way through a survey, read from the pages as a browser would.

Nothing here knows the field names: each form is parsed from the HTML (hidden fields,
CSRF token, radio buttons, check boxes, text areas, the first named submit button), so
the load test follows the survey screens as they are, not as they were when it was written.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from benchmarks.http_client import Client, UnexpectedReply

# What a respondent writes: one of these, at random, each time (so, as with the choices,
# a later round usually changes the words, and the new words are analysed again).
COMMENTS = (
    "My worker listens to me and explains things. I would like more time with my mum.",
    "Meetings are too long and I do not always know who everyone is.",
    "I like that they came when they said they would. Sometimes I feel nobody tells me.",
    "It is better now, my worker helped me with school and I feel happier at home.",
    "They keep changing my worker and I have to tell my story again every time.",
)
TOKENS = ("csrf_token", "submission_id")  # the hidden fields that belong to one response
SURVEY_LINK = re.compile(r'href="(/s/[A-Za-z0-9_-]+)/?"')


@dataclass
class Form:
    action: str
    hidden: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)  # radio and check boxes
    texts: list[str] = field(default_factory=list)  # text areas and text inputs
    button: tuple[str, str] | None = None

    def filled(self, rng: random.Random) -> dict[str, str]:
        """Values a respondent might send: one choice per group, a comment in each box."""
        values = dict(self.hidden)
        for name, options in self.choices.items():
            values[name] = rng.choice(options)
        for name in self.texts:
            values[name] = rng.choice(COMMENTS)
        if self.button:
            values[self.button[0]] = self.button[1]
        return values


class _FormParser(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: list[Form] = []
        self.current: Form | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.current = Form(a.get("action") or self.page_path)
            self.forms.append(self.current)
        elif self.current is None or not a.get("name"):
            return
        elif tag == "textarea":
            self.current.texts.append(a["name"])
        elif tag == "button" and a.get("type", "submit") == "submit":
            self.current.button = self.current.button or (a["name"], a.get("value", ""))
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden":
                self.current.hidden[a["name"]] = a.get("value", "")
            elif kind in ("radio", "checkbox"):
                self.current.choices.setdefault(a["name"], []).append(a.get("value", "on"))
            elif kind in ("text", "email"):
                self.current.texts.append(a["name"])
            elif kind == "submit":
                self.current.button = self.current.button or (a["name"], a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def post_form(html: str, page_path: str) -> Form:
    """The first form on the page that posts."""
    parser = _FormParser(page_path)
    parser.feed(html)
    if not parser.forms:
        raise UnexpectedReply(f"{page_path}: no form to post")
    return parser.forms[0]


def survey_paths(index_html: str) -> list[str]:
    """Public survey links on the "Have your say" page, e.g. ["/s/AbC123"]."""
    return sorted(set(SURVEY_LINK.findall(index_html)))


@dataclass
class Journey:
    """One respondent's response to one survey: its question screens and their forms."""

    start_path: str
    screens: list[str]  # question screen paths, in order
    forms: dict[str, Form] = field(default_factory=dict)
    position: int = 0
    tokens: dict[str, str] = field(default_factory=dict)  # this response's CSRF token and id

    def next_screen(self) -> str:
        path = self.screens[self.position % len(self.screens)]
        self.position += 1
        return path


def begin(client: Client, survey_path: str) -> Journey:
    """Open the start screen, press Start, and find every question screen (not timed)."""
    start = client.get(survey_path)
    form = post_form(start.text, survey_path)
    reply = client.post(form.action, form.filled(random.Random(0)))  # nosec B311
    first = reply.headers["location"].split("://", 1)[-1]
    first = first[first.index("/") :] if not first.startswith("/") else first
    prefix, _, number = first.rpartition("/")
    if not number.isdigit():
        raise UnexpectedReply(f"Start led to {first}, not a question screen")
    page = client.get(first)
    total = _total_questions(page.text, prefix)
    screens = [f"{prefix}/{n}" for n in range(1, total + 1)]
    hidden = post_form(page.text, first).hidden
    return Journey(survey_path, screens, tokens={k: hidden[k] for k in TOKENS if k in hidden})


def restart(client: Client, journey: Journey) -> Journey:
    """The next respondent takes the same survey from the start: a response of their own
    (not timed). The forms already read are kept, with this response's token and id, so a
    new respondent costs three requests, not one for every screen."""
    fresh = begin(client, journey.start_path)
    fresh.forms = {
        path: replace(form, hidden={**form.hidden, **fresh.tokens})
        for path, form in journey.forms.items()
    }
    return fresh


def _total_questions(html: str, prefix: str) -> int:
    """Read "question 1 of 7" from the page's <progress max=...>."""
    match = re.search(r'<progress[^>]*max="(\d+)"', html)
    if not match:
        raise UnexpectedReply(f"{prefix}/1: no progress bar to count the questions")
    return int(match[1])


def learn_forms(client: Client, journey: Journey) -> None:
    """Visit each question screen once to read its form (not timed)."""
    for path in journey.screens:
        journey.forms[path] = post_form(client.get(path).text, path)
