"""Vector drawings: a principle's picture, horizontal bar charts, and bookmark marks."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Ellipse,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors
from reportlab.platypus import Flowable

from feedback.reports.pdf.styles import BRAND, LIGHT
from feedback.reports.pdf.text import BOLD, REGULAR, fonts, printable
from feedback.reports.pictures import PICTURES


def picture(number: int, size: float) -> Drawing:
    """Turn a principle's picture (plain shapes on a 100 x 100 grid) into a Drawing."""
    fonts()
    drawing = Drawing(size, size, initialFontName=REGULAR)
    drawing.hAlign = "CENTER"
    k = size / 100
    for s in PICTURES[number]:
        p = [v * k for v in s.points]
        paint = {
            "fillColor": colors.HexColor(s.fill) if s.fill else None,
            "strokeColor": colors.HexColor(s.stroke) if s.stroke else None,
            "strokeWidth": s.width * k,
            "strokeLineCap": 1,
            "strokeLineJoin": 1,
        }
        if s.kind == "circle":
            shape = Circle(p[0], p[1], p[2], **paint)
        elif s.kind == "ellipse":
            shape = Ellipse(p[0], p[1], p[2], p[3], **paint)
        elif s.kind == "rect":
            shape = Rect(p[0], p[1], p[2], p[3], rx=p[4], ry=p[4], **paint)
        elif s.kind == "line":
            paint.pop("fillColor")
            shape = Line(p[0], p[1], p[2], p[3], **paint)
        elif s.closed:
            shape = Polygon(p, **paint)
        else:
            paint.pop("fillColor")
            shape = PolyLine(p, **paint)
        drawing.add(shape)
    return drawing


def bar_chart(
    width: float,
    title: str,
    labels: list[str],
    series: list[list[int | None]],
    shown: list[list[str]],
    maximum: int | None = None,
) -> Drawing:
    """Horizontal bars, the first series on top in each group; None draws no bar, and
    `shown` gives each bar's printed label (so a suppressed one reads "fewer than 5")."""
    fonts()
    row = 13 * len(series) + 9
    height = row * len(labels) + (44 if title else 24)
    drawing = Drawing(width, height, initialFontName=REGULAR)
    if title:
        drawing.add(String(0, height - 12, printable(title), fontName=BOLD, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = width * 0.42, 14
    chart.width, chart.height = width * 0.5, height - (44 if title else 24)
    # reportlab draws the first category and series at the bottom: reverse both.
    chart.data = [[v or 0 for v in reversed(s)] for s in reversed(series)]
    chart.categoryAxis.categoryNames = [printable(x) for x in reversed(labels)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = maximum or max(1, *(v or 0 for s in series for v in s))
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(s)) for s in reversed(shown)]
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.bars.strokeColor = None
    palette = [BRAND, LIGHT, colors.HexColor("#6fa8dc")][: len(series)]
    for n, colour in enumerate(reversed(palette)):
        chart.bars[n].fillColor = colour
    drawing.add(chart)
    return drawing


class Bookmark(Flowable):
    """An invisible mark that puts an entry in the PDF's bookmarks (outline)."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(printable(self.title), self.key, level=self.level)
