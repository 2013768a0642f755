"""A simple picture for each principle, as plain shapes on a 100 x 100 grid (y upwards).

Drawn as vector shapes rather than emoji, so the PDF never depends on an emoji font; the
same shapes become inline SVG in the HTML edition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BLUE, DARK, PALE, ORANGE, RED = "#0b5394", "#073763", "#cfe2f3", "#e69138", "#cc0000"
GOLD, BROWN, CREAM, GREEN, MINT = "#f1c232", "#7f6000", "#fff2cc", "#38761d", "#d9ead3"


@dataclass(frozen=True)
class Shape:
    kind: str  # circle, ellipse, rect, line, poly
    points: tuple[float, ...]  # circle: cx cy r; ellipse: cx cy rx ry; rect: x y w h rx
    fill: str | None = None
    stroke: str | None = None
    width: float = 0
    closed: bool = True


def _arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 16) -> tuple:
    points: list[float] = []
    for n in range(steps + 1):
        angle = math.radians(start + (end - start) * n / steps)
        points += [round(cx + r * math.cos(angle), 2), round(cy + r * math.sin(angle), 2)]
    return tuple(points)


def _person(x: float, colour: str) -> tuple[Shape, ...]:
    return (
        Shape("circle", (x, 60, 10), fill=colour),
        Shape("rect", (x - 14, 16, 28, 34, 12), fill=colour),
    )


PICTURES: dict[int, tuple[Shape, ...]] = {
    # 1 Building positive relationships: two people and a heart
    1: (
        *_person(28, BLUE),
        *_person(72, ORANGE),
        Shape("circle", (45.5, 84, 5.5), fill=RED),
        Shape("circle", (54.5, 84, 5.5), fill=RED),
        Shape("poly", (40.3, 82, 59.7, 82, 50, 71), fill=RED),
    ),
    # 2 Child and family assessments: a magnifying glass
    2: (
        Shape("line", (58, 42, 82, 18), stroke=DARK, width=11),
        Shape("circle", (42, 58, 24), fill=PALE, stroke=BLUE, width=7),
    ),
    # 3 Your wishes and feelings: a speech bubble
    3: (
        Shape("poly", (26, 40, 18, 14, 46, 40), fill=CREAM, stroke=BROWN, width=4),
        Shape("rect", (10, 34, 80, 52, 14), fill=CREAM, stroke=BROWN, width=4),
        Shape("rect", (24, 36, 20, 6, 0), fill=CREAM),
        Shape("circle", (32, 60, 6), fill=BROWN),
        Shape("circle", (50, 60, 6), fill=BROWN),
        Shape("circle", (68, 60, 6), fill=BROWN),
    ),
    # 4 Planning and review: a calendar with a tick
    4: (
        Shape("rect", (14, 12, 72, 70, 6), fill="#ffffff", stroke=BLUE, width=4),
        Shape("rect", (14, 64, 72, 18, 6), fill=BLUE),
        Shape("line", (32, 74, 32, 90), stroke=DARK, width=6),
        Shape("line", (68, 74, 68, 90), stroke=DARK, width=6),
        *(
            Shape("rect", (22 + 20 * col, 40 - 20 * row, 14, 14, 2), fill=PALE)
            for row in range(2)
            for col in range(3)
        ),
        Shape("poly", (44, 28, 50, 21, 62, 36), stroke=GREEN, width=5, closed=False),
    ),
    # 5 Reflection, supervision and management overview: a mirror on a stand
    5: (
        Shape("line", (50, 28, 50, 10), stroke=GREEN, width=6),
        Shape("line", (32, 9, 68, 9), stroke=GREEN, width=6),
        Shape("ellipse", (50, 58, 26, 34), fill=MINT, stroke=GREEN, width=6),
        Shape("line", (38, 66, 46, 80), stroke="#ffffff", width=5),
    ),
    # 6 Your right to information: a padlock
    6: (
        Shape(
            "poly", (32, 48, *_arc(50, 60, 18, 180, 0), 68, 48), stroke=BROWN, width=8, closed=False
        ),
        Shape("rect", (22, 10, 56, 42, 6), fill=GOLD, stroke=BROWN, width=3),
        Shape("circle", (50, 35, 6), fill=BROWN),
        Shape("rect", (47, 20, 6, 14, 1), fill=BROWN),
    ),
}


def svg(number: int, size: int = 96) -> str:
    """The picture as an inline SVG string (decorative: the heading names the principle)."""
    parts = []
    for s in PICTURES[number]:
        paint = f'fill="{s.fill or "none"}"'
        if s.stroke:
            paint += f' stroke="{s.stroke}" stroke-width="{s.width}" stroke-linecap="round"'
            paint += ' stroke-linejoin="round"'
        p = s.points
        if s.kind == "circle":
            parts.append(f'<circle cx="{p[0]}" cy="{100 - p[1]}" r="{p[2]}" {paint}/>')
        elif s.kind == "ellipse":
            parts.append(
                f'<ellipse cx="{p[0]}" cy="{100 - p[1]}" rx="{p[2]}" ry="{p[3]}" {paint}/>'
            )
        elif s.kind == "rect":
            y = 100 - p[1] - p[3]
            parts.append(
                f'<rect x="{p[0]}" y="{y}" width="{p[2]}" height="{p[3]}" rx="{p[4]}" {paint}/>'
            )
        elif s.kind == "line":
            parts.append(
                f'<line x1="{p[0]}" y1="{100 - p[1]}" x2="{p[2]}" y2="{100 - p[3]}" {paint}/>'
            )
        else:
            xy = " ".join(f"{p[i]},{100 - p[i + 1]}" for i in range(0, len(p), 2))
            tag = "polygon" if s.closed else "polyline"
            parts.append(f'<{tag} points="{xy}" {paint}/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="{size}" '
        f'height="{size}" aria-hidden="true" focusable="false">{"".join(parts)}</svg>'
    )
