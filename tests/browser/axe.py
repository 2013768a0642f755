"""Run axe-core (bundled, offline) on the current page and fail on any WCAG 2.2 AA issue."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()
# What Playwright says when the page navigated away while axe was reading it: a click
# just before starts a navigation that may land after the check began.
_NAVIGATED = ("documentElement", "Execution context was destroyed", "navigation")


def _run(page):
    page.wait_for_load_state()
    return _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})


def assert_accessible(page, context: str = "") -> None:
    try:
        result = _run(page)
    except Error as error:
        if not any(mark in str(error) for mark in _NAVIGATED):
            raise
        result = _run(page)  # the page the click led to, now loaded
    if result.violations_count:
        problems = [
            f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in result.response["violations"]
        ]
        raise AssertionError(
            f"axe found problems on {context or page.url}:\n" + "\n".join(problems)
        )
