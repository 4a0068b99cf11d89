"""The progress charts: time rehearsed per week, response time per script, ratings by note.

The data comes from the store (:meth:`rehearsal.store.facade.Store.chart_data`) in the
background; the functions here only turn it into ``QChart`` objects, so they can be tested
with known numbers.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from rehearsal.store.records import CategoryRating, ChartData, ResponsePoint, WeeklyTime
from rehearsal.ui.charts import (
    chart_view,
    day_axis,
    new_chart,
    noon_msecs,
    replace_chart,
    value_axis,
)
from rehearsal.ui.dates import date_text

MAX_WEEKS = 26
MAX_SCRIPTS = 8


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
