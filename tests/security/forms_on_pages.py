"""Find the forms on a page (action, method, field names) to fill with bad input."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class PageForm:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> value shown
    text_fields: list[str] = field(default_factory=list)  # the ones a person types into


class _Parser(HTMLParser):
    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.forms: list[PageForm] = []
        self._current: PageForm | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = PageForm(
                a.get("action") or self.url, (a.get("method") or "get").upper()
            )
            self.forms.append(self._current)
        elif self._current is None or not a.get("name"):
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                self._current.fields.setdefault(a["name"], a.get("value", "y"))
            elif kind not in ("submit", "button", "file", "image"):
                self._current.fields[a["name"]] = a.get("value", "")
                if kind not in ("hidden",):
                    self._current.text_fields.append(a["name"])
        elif tag == "textarea":
            self._current.fields[a["name"]] = ""
            self._current.text_fields.append(a["name"])
        elif tag == "select":
            self._select = a["name"]
            self._current.fields.setdefault(a["name"], "")
        elif tag == "option" and self._select and not self._current.fields.get(self._select):
            self._current.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def forms_on(html: str, url: str) -> list[PageForm]:
    parser = _Parser(url)
    parser.feed(html)
    return [f for f in parser.forms if f.method == "POST"]
