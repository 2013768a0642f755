"""Run axe-core (bundled, offline) on the current page and fail on any WCAG 2.2 AA issue."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def assert_accessible(page, context: str = "") -> None:
    result = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if result.violations_count:
        problems = [
            f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in result.response["violations"]
        ]
        raise AssertionError(
            f"axe found problems on {context or page.url}:\n" + "\n".join(problems)
        )
