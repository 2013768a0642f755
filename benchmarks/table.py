"""The one table `make bench` prints."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import UTC, datetime

from benchmarks.http_load import Result


@dataclass
class Row:
    measure: str
    result: str
    target: str = ""
    met: bool | None = None  # None: no target, or not measured

    @property
    def verdict(self) -> str:
        return {True: "yes", False: "NO", None: ""}[self.met]


def http_result(result: Result, ratio: float | None = None, baseline: str = "") -> str:
    text = f"{result.per_second:,.0f} req/s, p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms"
    if result.errors or result.failures:
        text += f", {result.errors + result.failures} errors"
    if ratio is not None:
        text += f", {ratio:.0%} of {baseline} baseline"
    return text


def http_row(name: str, result: Result, ratio: float | None = None, baseline="", share=0.45) -> Row:
    """A load-test row; against a baseline the target is `share` of it and p99 < 100 ms."""
    ok = not (result.errors or result.failures)
    if ratio is None:
        return Row(name, http_result(result), met=None if ok else False)
    met = ratio >= share and result.p99_ms < 100 and ok
    target = f">= {share:.0%} of {baseline} baseline, p99 < 100 ms"
    return Row(name, http_result(result, ratio, baseline), target, met)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{when}; {os.cpu_count()} CPUs ({cpu}); Python {platform.python_version()}"


def render(title: str, rows: list[Row]) -> str:
    headers = ("measure", "result", "target", "met")
    cells = [headers, *((r.measure, r.result, r.target, r.verdict) for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(headers))]
    lines = [title, ""]
    for n, cell in enumerate(cells):
        lines.append(" | ".join(v.ljust(w) for v, w in zip(cell, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)
