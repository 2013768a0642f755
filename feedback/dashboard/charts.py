"""Chart geometry for server-drawn SVG: no chart library and no script in the browser.

Each function turns figures into rectangles and labels in a fixed coordinate space
(the SVG's viewBox); `templates/dashboard/_charts.html` draws them, with colours from
the stylesheet. A suppressed figure ("fewer than 5") is drawn as an empty outline, never
as a bar of any height. Every chart also has a table of the same numbers on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from feedback.analysis.scores import Figure

WIDTH = 720
SUPPRESSED = "fewer than 5"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str  # class: "bar", "suppressed", "positive", "neutral", "negative"


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"  # SVG text-anchor
    css: str = ""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rects: tuple[Rect, ...]
    labels: tuple[Label, ...]
    lines: tuple[tuple[float, float, float, float], ...] = ()  # gridlines x1, y1, x2, y2


def shown(figure: Figure, suffix: str = "") -> str:
    return SUPPRESSED if figure.suppressed else f"{figure.value}{suffix}"


def _nice_top(value: int) -> int:
    """A round number at or above `value` for the top of an axis."""
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return max(step * 4, step * ((value + step - 1) // step))
    return value


def columns(items: list[tuple[str, Figure]], height: int = 260) -> Chart:
    """Vertical bars (e.g. responses per week), with a y axis and every few x labels."""
    left, bottom, top = 48, 44, 16
    plot_w, plot_h = WIDTH - left - 8, height - bottom - top
    highest = max((f.value or 0 for _, f in items), default=0)
    axis_top = _nice_top(max(highest, 5))
    slot = plot_w / max(len(items), 1)
    every = max(1, round(len(items) / 8))  # at most about 8 x labels
    rects, labels, lines = [], [], []
    for i in range(5):
        value = axis_top * i // 4
        y = top + plot_h - plot_h * value / axis_top
        lines.append((left, y, WIDTH - 8, y))
        labels.append(Label(left - 6, y + 5, str(value), "end", "axis"))
    for i, (name, figure) in enumerate(items):
        x = left + i * slot + slot * 0.15
        width = slot * 0.7
        if figure.suppressed:
            rects.append(Rect(x, top + plot_h - 6, width, 6, "suppressed"))
        else:
            h = plot_h * figure.value / axis_top
            rects.append(Rect(x, top + plot_h - h, width, h, "bar"))
        if i % every == 0:
            labels.append(Label(x + width / 2, height - bottom + 20, name, "middle", "axis"))
    return Chart(WIDTH, height, tuple(rects), tuple(labels), tuple(lines))


def rows(items: list[tuple[str, Figure]], top_value: int = 100, suffix: str = "") -> Chart:
    """Horizontal bars with the name above each (e.g. a 0-100 score per principle)."""
    row_h, bar_h, left, right = 54, 20, 8, 150
    plot_w = WIDTH - left - right
    rects, labels = [], []
    for i, (name, figure) in enumerate(items):
        y = i * row_h
        labels.append(Label(left, y + 18, name, "start", "name"))
        if figure.suppressed:
            rects.append(Rect(left, y + 26, plot_w, bar_h, "track"))
            labels.append(Label(left + plot_w + 8, y + 41, SUPPRESSED, "start", "value"))
        else:
            rects.append(Rect(left, y + 26, plot_w, bar_h, "track"))
            width = plot_w * min(figure.value, top_value) / top_value
            rects.append(Rect(left, y + 26, width, bar_h, "bar"))
            labels.append(
                Label(left + plot_w + 8, y + 41, f"{figure.value}{suffix}", "start", "value")
            )
    return Chart(WIDTH, max(row_h * len(items), row_h), tuple(rects), tuple(labels))


def shares(items: list[tuple[str, Figure, Figure, Figure]]) -> Chart:
    """Stacked bars: percent positive, neutral and negative, with the name above each."""
    row_h, bar_h, left, right = 54, 20, 8, 150
    plot_w = WIDTH - left - right
    rects, labels = [], []
    for i, (name, positive, neutral, negative) in enumerate(items):
        y = i * row_h
        labels.append(Label(left, y + 18, name, "start", "name"))
        if positive.suppressed:
            rects.append(Rect(left, y + 26, plot_w, bar_h, "track"))
            labels.append(Label(left + plot_w + 8, y + 41, SUPPRESSED, "start", "value"))
            continue
        x = left
        parts = ((positive, "positive"), (neutral, "neutral"), (negative, "negative"))
        total = sum(f.value or 0 for f, _ in parts) or 1
        for figure, css in parts:
            width = plot_w * (figure.value or 0) / total
            if width:
                rects.append(Rect(x, y + 26, width, bar_h, css))
            x += width
        summary = f"{positive.value}% / {neutral.value}% / {negative.value}%"
        labels.append(Label(left + plot_w + 8, y + 41, summary, "start", "value"))
    return Chart(WIDTH, max(row_h * len(items), row_h), tuple(rects), tuple(labels))
