"""The progress charts: time rehearsed per week, response time per script, ratings by note.

The data comes from :mod:`rehearsal.store.stats_repo` in the background; the functions
here only turn it into ``QChart`` objects, so they can be tested with known numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QWidget
from sqlalchemy import Engine

from rehearsal.store import stats_repo
from rehearsal.store.records import (
    CategoryRating,
    ResponsePoint,
    SessionFilter,
    WeeklyTime,
)
from rehearsal.ui.dates import date_text, short_date_format

MAX_WEEKS = 26
MAX_SCRIPTS = 8
MAX_TICKS = 6
"""At most this many labels on a value axis: enough to read, few enough not to crowd."""
MAX_DAY_TICKS = 8
"""At most this many day labels on a date axis (they are wider than numbers)."""


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything the charts show for one filter."""

    weekly: tuple[WeeklyTime, ...]
    response: tuple[ResponsePoint, ...]
    ratings: tuple[CategoryRating, ...]


def load_chart_data(engine: Engine, where: SessionFilter) -> ChartData:
    """Query all three charts' data (runs on the worker thread)."""
    return ChartData(
        weekly=tuple(stats_repo.weekly_time(engine, where)),
        response=tuple(stats_repo.response_trend(engine, where)),
        ratings=tuple(stats_repo.rating_by_category(engine, where)),
    )


def fill_weeks(weeks: tuple[WeeklyTime, ...], max_weeks: int = MAX_WEEKS) -> list[WeeklyTime]:
    """Consecutive weeks up to the last one with data, empty weeks as zero: gaps show."""
    if not weeks:
        return []
    by_start = {w.week_start: w for w in weeks}
    last = max(by_start)
    first = max(min(by_start), last - timedelta(weeks=max_weeks - 1))
    filled = []
    current = first
    while current <= last:
        filled.append(by_start.get(current, WeeklyTime(current, 0.0, 0)))
        current += timedelta(weeks=1)
    return filled


def nice_step(top: float, max_ticks: int = MAX_TICKS) -> float:
    """The smallest 1, 2 or 5 times a power of ten that covers ``top`` in few enough ticks."""
    top = max(top, 1e-9)
    magnitude = 10.0 ** math.floor(math.log10(top / max(1, max_ticks - 1)))
    for factor in (1.0, 2.0, 5.0, 10.0):
        step = factor * magnitude
        if math.ceil(top / step - 1e-9) <= max_ticks - 1:
            return step
    return 10.0 * magnitude  # pragma: no cover - 10 always fits


def value_axis(top: float, *, whole: bool = False) -> QValueAxis:
    """An axis from 0 to a round number at or above ``top``, one label per round step.

    Qt spreads a fixed number of ticks evenly and prints each with the label format, so
    0–1.5 with five ticks read "0, 0, 1, 2, 2". Here the range is a whole number of steps
    and every tick falls on a step, so no two labels repeat; ``whole`` keeps the steps
    (and so the labels) to whole numbers, for counts and minutes.
    """
    step = nice_step(top)
    if whole:
        step = max(1.0, round(step))
    ticks = max(1, math.ceil(top / step - 1e-9))
    axis = QValueAxis()
    axis.setRange(0.0, ticks * step)
    axis.setTickCount(ticks + 1)
    decimals = 0 if step >= 1 else max(0, -math.floor(math.log10(step) + 1e-9))
    axis.setLabelFormat(f"%.{decimals}f")
    return axis


def noon_msecs(day: date) -> float:
    """Local noon of ``day`` on a date axis: a day's point sits on its tick."""
    moment = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
    return float(moment.toMSecsSinceEpoch())


def day_axis(first: date, last: date, max_ticks: int = MAX_DAY_TICKS) -> QDateTimeAxis:
    """A date axis one day either side of ``first``..``last``, ticks on whole days.

    Qt puts its ticks at even fractions of the range, so two days with five ticks gave
    three labels for two days ("7 Dec, 7 Dec, 8 Dec"). Here the range is stretched to a
    whole number of steps of whole days, so each tick is the noon of a distinct day.
    """
    start, end = first - timedelta(days=1), last + timedelta(days=1)
    days = (end - start).days
    step = math.ceil(days / (max_ticks - 1))
    steps = math.ceil(days / step)
    end = start + timedelta(days=steps * step)
    axis = QDateTimeAxis()
    axis.setFormat(short_date_format())
    axis.setTickCount(steps + 1)
    axis.setRange(
        QDateTime.fromMSecsSinceEpoch(int(noon_msecs(start))),
        QDateTime.fromMSecsSinceEpoch(int(noon_msecs(end))),
    )
    return axis


def new_chart(title: str, *, legend: bool = False) -> QChart:
    """A chart as every chart in the app looks: no animation (redraws are instant)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    if legend:
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    else:
        chart.legend().setVisible(False)
    return chart


def chart_view(name: str) -> QChartView:
    """An antialiased chart view with a size that keeps axis labels readable.

    ``name`` is what a screen reader calls the view; :func:`replace_chart` keeps its
    description on the chart's title, which says when there is nothing to show yet.
    """
    view = QChartView()
    view.setAccessibleName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 220)
    return view


def replace_chart(view: QChartView, chart: QChart) -> None:
    """Show ``chart`` in ``view`` and free the chart it replaces."""
    old = view.chart()
    view.setChart(chart)
    view.setAccessibleDescription(chart.title())
    if old is not None and old is not chart:
        old.deleteLater()


def weekly_time_chart(weeks: tuple[WeeklyTime, ...]) -> QChart:
    """Bars of minutes rehearsed per week."""
    chart = new_chart(
        QCoreApplication.translate("ChartsPanel", "Rehearsal time per week (minutes)")
    )
    filled = fill_weeks(weeks)
    if not filled:
        chart.setTitle(
            QCoreApplication.translate("ChartsPanel", "Rehearsal time per week — no sessions yet")
        )
        return chart
    bars = QBarSet(QCoreApplication.translate("ChartsPanel", "Minutes"))
    for week in filled:
        bars.append(round(week.seconds / 60.0, 1))
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([date_text(w.week_start) for w in filled])
    values = value_axis(max(1.0, max(w.seconds for w in filled) / 60.0), whole=True)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart


def response_chart(points: tuple[ResponsePoint, ...]) -> QChart:
    """One line per script: mean seconds from cue to the end of the actor's line, by day."""
    chart = new_chart(
        QCoreApplication.translate("ChartsPanel", "Response time per script (seconds)")
    )
    if not points:
        chart.setTitle(
            QCoreApplication.translate(
                "ChartsPanel", "Response time per script — no timed lines yet"
            )
        )
        return chart
    by_script: dict[int, list[ResponsePoint]] = {}
    for point in points:
        by_script.setdefault(point.script_id, []).append(point)
    busiest = sorted(by_script.values(), key=lambda ps: -sum(p.lines for p in ps))
    days = [p.day for p in points]
    x_axis = day_axis(min(days), max(days))
    y_axis = value_axis(max(0.5, max(p.mean_response_s for p in points)))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for script_points in busiest[:MAX_SCRIPTS]:
        series = QLineSeries()
        series.setName(script_points[0].script_title)
        # A line needs two points; a script rehearsed on one day is a dot, so show them.
        series.setPointsVisible(True)
        series.setMarkerSize(8.0)
        for point in sorted(script_points, key=lambda p: p.day):
            series.append(noon_msecs(point.day), point.mean_response_s)
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def rating_chart(ratings: tuple[CategoryRating, ...]) -> QChart:
    """Horizontal bars of the mean self-rating per note category, weakest at the top."""
    chart = new_chart(
        QCoreApplication.translate("ChartsPanel", "Self-rating per note category (1–5)")
    )
    if not ratings:
        chart.setTitle(
            QCoreApplication.translate(
                "ChartsPanel", "Self-rating per note category — no ratings yet"
            )
        )
        return chart
    bars = QBarSet(QCoreApplication.translate("ChartsPanel", "Mean rating"))
    # Horizontal bar charts draw the first category at the bottom; reverse to put the
    # lowest-rated (first in the data) on top, where the eye starts.
    ordered = list(reversed(ratings))
    for rating in ordered:
        bars.append(round(rating.mean_score, 2))
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([f"{r.category} ({r.count})" for r in ordered])
    values = QValueAxis()
    values.setRange(0.0, 5.0)
    values.setTickCount(6)
    values.setLabelFormat("%.0f")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart


class ChartsPanel(QWidget):
    """The three charts side by side; :meth:`show_data` replaces them all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weekly_view = chart_view(self.tr("Rehearsal time per week"))
        self.response_view = chart_view(self.tr("Response time per script"))
        self.rating_view = chart_view(self.tr("Self-rating per note category"))
        layout = QGridLayout(self)
        layout.addWidget(self.weekly_view, 0, 0)
        layout.addWidget(self.rating_view, 0, 1)
        layout.addWidget(self.response_view, 1, 0, 1, 2)
        self.show_data(ChartData((), (), ()))

    def show_data(self, data: ChartData) -> None:
        """Redraw all three charts from ``data``."""
        replace_chart(self.weekly_view, weekly_time_chart(data.weekly))
        replace_chart(self.response_view, response_chart(data.response))
        replace_chart(self.rating_view, rating_chart(data.ratings))
