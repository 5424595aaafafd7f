"""Server-rendered charts of overturn rates: the geometry of an SVG drawn by templates/analytics/includes/.

Bars (one per row, its 95% interval as a whisker) for breakdowns of kinds,
a line (a point per period, whiskers for intervals) for breakdowns over
time. Coordinates are in the SVG's own units (its viewBox); the page scales
it to any width. Rows without a rate (no item with a known outcome) are left
out of a chart; the table beside it lists every row.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_archive.analytics.breakdowns import Row
from imr_archive.search.breakdowns import NOT_STATED

WIDTH = 560
LABEL_WIDTH = 170  # bars: the row labels' column
FIGURE_WIDTH = 118  # bars: the rate's column on the right
ROW_HEIGHT = 26
AXIS_HEIGHT = 28
LINE_HEIGHT = 220
LINE_MARGIN = 48
SCALES = (0.02, 0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.8, 1.0)
TICKS = 4
LONGEST_LABEL = 25  # characters of a row label the bars show (the full label is its tooltip and in the table)


def percent(rate: float) -> str:
    """A rate as the page writes it: 12%, 0.4%, 100%."""
    value = rate * 100
    return f"{value:.1f}%" if 0 < value < 1 else f"{value:.0f}%"


def scale_for(rows: list[Row]) -> float:
    """The axis' end: the first of SCALES reaching every interval's upper bound."""
    highest = max((row.interval[1] for row in rows if row.interval), default=1.0)
    return next(scale for scale in SCALES if scale >= highest - 1e-9)


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class Bar:
    row: Row
    label: str
    y: float
    width: float
    low: float
    high: float
    figure: str  # the rate and its interval in words


@dataclass
class BarChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    bars: list[Bar]
    ticks: list[Tick]
    row_height: int = ROW_HEIGHT


def _short(label: str) -> str:
    return label if len(label) <= LONGEST_LABEL else label[:LONGEST_LABEL - 1].rstrip() + "…"


def _ticks(scale: float, start: float, length: float) -> list[Tick]:
    return [Tick(start + length * i / TICKS, percent(scale * i / TICKS)) for i in range(TICKS + 1)]


def bar_chart(rows: list[Row]) -> BarChart | None:
    """One bar per row with a rate, longest first as the rows come; None when no row has one."""
    rated = [row for row in rows if row.overturn_rate is not None]
    if not rated:
        return None
    scale = scale_for(rated)
    left, right = LABEL_WIDTH, WIDTH - FIGURE_WIDTH
    length = right - left

    def x(rate: float) -> float:
        return round(length * min(rate, scale) / scale, 1)

    bars = []
    for i, row in enumerate(rated):
        low, high = row.interval
        bars.append(Bar(row, _short(row.label), AXIS_HEIGHT + i * ROW_HEIGHT, x(row.overturn_rate), x(low), x(high),
                        f"{percent(row.overturn_rate)} ({percent(low)}–{percent(high)})"))
    return BarChart(WIDTH, AXIS_HEIGHT + len(rated) * ROW_HEIGHT + 8, left, right, bars, _ticks(scale, left, length))


@dataclass
class Point:
    row: Row
    x: float
    y: float
    low: float  # y of the interval's lower bound (further down)
    high: float
    label: str  # the period under the axis


@dataclass
class LineChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    points: list[Point]
    ticks: list[Tick]  # on the vertical axis

    @property
    def path(self) -> str:
        """The polyline through the points."""
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def line_chart(rows: list[Row], short_label=lambda row: row.label) -> LineChart | None:
    """A point per period with a rate, in the rows' (chronological) order; None when no row has one.

    Items without a decision date are no period: the table lists them, the line does not."""
    rated = [row for row in rows if row.overturn_rate is not None and row.value != NOT_STATED]
    if not rated:
        return None
    scale = scale_for(rated)
    left, right, top, bottom = LINE_MARGIN + 8, WIDTH - 16, 16, LINE_HEIGHT - 36
    step = (right - left) / max(len(rated) - 1, 1)

    def y(rate: float) -> float:
        return round(bottom - (bottom - top) * min(rate, scale) / scale, 1)

    points = []
    for i, row in enumerate(rated):
        low, high = row.interval
        x = round(left + step * i if len(rated) > 1 else (left + right) / 2, 1)
        points.append(Point(row, x, y(row.overturn_rate), y(low), y(high), short_label(row)))
    ticks = [Tick(y(scale * i / TICKS), percent(scale * i / TICKS)) for i in range(TICKS + 1)]
    return LineChart(WIDTH, LINE_HEIGHT, left, right, top, bottom, points, ticks)
