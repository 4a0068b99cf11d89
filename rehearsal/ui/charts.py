"""What every chart in the app shares: how a chart looks, its view, and swapping charts.

The history's progress charts and the dossier's check-in charts both build on these, so
they live beside both packages instead of in one of them (which made the two import each
other).
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter


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
