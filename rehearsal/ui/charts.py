"""What every chart in the app shares: how a chart looks, its view, swapping charts, axes.

The history's progress charts and the dossier's check-in charts both build on these, so
they live beside both packages instead of in one of them (which made the two import each
other).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen

from rehearsal.ui.dates import short_date_format
from rehearsal.ui.theme import colours, is_dark, text_width

CHART_SIZE = (40, 12)
"""The least a chart needs, in letters across and lines down: room for its axis labels."""


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
    letters, lines = CHART_SIZE
    view.setMinimumSize(text_width(view, letters), lines * view.fontMetrics().lineSpacing())
    return view


def style_chart(chart: QChart, palette: QPalette | None = None) -> None:
    """Colour ``chart`` in the look in use.

    Qt's chart themes bring their own white (or black) card, which glared out of a dark
    window; here the chart takes the window's base and text colours, the theme's border
    for its grid, and the theme's series colours, the accent first.
    """
    palette = palette or QGuiApplication.palette()
    c = colours(palette)
    dark = is_dark(palette)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    text = palette.color(QPalette.ColorRole.Text)
    border = QColor(c.card_border)
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setBackgroundPen(QPen(border))
    chart.setTitleBrush(text)
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setTitleBrush(text)
        axis.setGridLineColor(border)
        axis.setLinePenColor(border)
    index = 0
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            for bars in series.barSets():
                colour = QColor(c.series[index % len(c.series)])
                bars.setColor(colour)
                bars.setBorderColor(colour)
                index += 1
        elif isinstance(series, QXYSeries):
            colour = QColor(c.series[index % len(c.series)])
            series.setColor(colour)
            if isinstance(series, QScatterSeries):
                series.setBorderColor(colour)
            index += 1


def replace_chart(view: QChartView, chart: QChart) -> None:
    """Show ``chart`` in ``view``, in the look in use, and free the chart it replaces."""
    style_chart(chart, view.palette())
    old = view.chart()
    view.setChart(chart)
    view.setAccessibleDescription(chart.title())
    if old is not None and old is not chart:
        old.deleteLater()


MAX_TICKS = 6
"""At most this many labels on a value axis: enough to read, few enough not to crowd."""
MAX_DAY_TICKS = 8
"""At most this many day labels on a date axis (they are wider than numbers)."""


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
