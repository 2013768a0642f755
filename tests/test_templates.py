"""No inline script or style anywhere, so the strict Content-Security-Policy holds."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def _templates():
    return sorted(TEMPLATES.rglob("*.html"))


def test_there_are_templates_to_check():
    assert len(_templates()) >= 3


def test_no_inline_scripts_styles_or_event_handlers():
    problems = []
    for path in _templates():
        text = path.read_text()
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, EVENT_HANDLER):
            for match in pattern.finditer(text):
                problems.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)!r}")
    assert problems == []


def test_no_external_requests_in_templates():
    # Links people may follow are fine; anything the browser fetches by itself is not.
    external = re.compile(
        r"""(?:\bsrc|<link[^>]*\bhref|\baction)\s*=\s*["']?(?:https?:)?//""", re.I
    )
    problems = [
        str(p.relative_to(TEMPLATES)) for p in _templates() if external.search(p.read_text())
    ]
    assert problems == []
