"""Check-ins charted against self-ratings: does the way I arrive change how the work goes?

Two charts: energy, focus and the session's mean self-rating over time; and the mean
self-rating by the energy (and focus) checked in before. The data comes from
the store (:meth:`rehearsal.store.facade.Store.checkin_chart_data`, run off the GUI thread
as the history window does with its charts); the functions here only build ``QChart``
objects, so they are tested with known numbers.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from rehearsal.store.dossier_records import CheckInChartData, CheckInPoint, LevelRating
from rehearsal.store.facade import MAX_LEVEL, MIN_LEVEL
from rehearsal.ui.charts import chart_view, day_axis, new_chart, replace_chart

MEASURE_NAMES = {
    "energy": str(QT_TRANSLATE_NOOP("CheckInChart", "Energy")),
    "focus": str(QT_TRANSLATE_NOOP("CheckInChart", "Focus")),
}
"""The legend's name for each measure the store keys by ``energy`` and ``focus``."""


def _level_axis(title: str) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(MIN_LEVEL - 0.5, MAX_LEVEL + 0.5)
    # Ticks on the levels themselves: evenly spread ticks fell on the halves between them
    # and printed as "0, 2, 2, 4, 4, 6".
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(float(MIN_LEVEL))
    axis.setTickInterval(1.0)
    axis.setLabelFormat("%.0f")
    axis.setTitleText(title)
    return axis


def timeline_chart(points: tuple[CheckInPoint, ...]) -> QChart:
    """Energy and focus per check-in (lines) and the following session's rating (dots)."""
    chart = new_chart(
        QCoreApplication.translate("CheckInChart", "Check-ins and self-ratings"), legend=True
    )
    if not points:
        chart.setTitle(
            QCoreApplication.translate(
                "CheckInChart", "Check-ins and self-ratings — no check-ins yet"
            )
        )
        chart.legend().setVisible(False)
        return chart
    energy, focus, rating = QLineSeries(), QLineSeries(), QScatterSeries()
    energy.setName(QCoreApplication.translate("CheckInChart", MEASURE_NAMES["energy"]))
    focus.setName(QCoreApplication.translate("CheckInChart", MEASURE_NAMES["focus"]))
    rating.setName(QCoreApplication.translate("CheckInChart", "Session self-rating"))
    rating.setMarkerSize(9.0)
    for point in points:
        at = float(point.taken_at.timestamp() * 1000.0)
        energy.append(at, point.energy)
        focus.append(at, point.focus)
        if point.mean_rating is not None:
            rating.append(at, point.mean_rating)
    x_axis = day_axis(
        points[0].taken_at.astimezone().date(), points[-1].taken_at.astimezone().date()
    )
    y_axis = _level_axis(QCoreApplication.translate("CheckInChart", "1–5"))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in (energy, focus, rating):
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    return chart


def level_chart(levels: tuple[LevelRating, ...]) -> QChart:
    """Mean self-rating after each energy and focus level (bars, 1–5 on both axes)."""
    chart = new_chart(
        QCoreApplication.translate("CheckInChart", "Self-rating by how you checked in"),
        legend=True,
    )
    if not levels:
        chart.setTitle(
            QCoreApplication.translate(
                "CheckInChart",
                "Self-rating by check-in — no rated sessions after a check-in yet",
            )
        )
        chart.legend().setVisible(False)
        return chart
    series = QBarSeries()
    for measure in ("energy", "focus"):
        by_level = {lv.level: lv for lv in levels if lv.measure == measure}
        bars = QBarSet(QCoreApplication.translate("CheckInChart", MEASURE_NAMES[measure]))
        for level in range(MIN_LEVEL, MAX_LEVEL + 1):
            found = by_level.get(level)
            bars.append(round(found.mean_rating, 2) if found else 0.0)
        series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([str(level) for level in range(MIN_LEVEL, MAX_LEVEL + 1)])
    categories.setTitleText(QCoreApplication.translate("CheckInChart", "Level checked in"))
    values = QValueAxis()
    values.setRange(0.0, float(MAX_LEVEL))
    values.setTickCount(MAX_LEVEL + 1)
    values.setLabelFormat("%.0f")
    values.setTitleText(QCoreApplication.translate("CheckInChart", "Mean self-rating"))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart


class CheckInChart(QWidget):
    """Both check-in charts side by side; :meth:`show_data` replaces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline_view = chart_view(self.tr("Check-ins and self-ratings over time"))
        self.level_view = chart_view(self.tr("Self-rating by how you checked in"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.timeline_view, 3)
        layout.addWidget(self.level_view, 2)
        self.show_data(CheckInChartData((), ()))

    def show_data(self, data: CheckInChartData) -> None:
        """Redraw both charts from ``data``."""
        replace_chart(self.timeline_view, timeline_chart(data.points))
        replace_chart(self.level_view, level_chart(data.levels))
