"""The chart helpers shared by the history and the dossier windows."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QBarSeries, QBarSet, QChart
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from rehearsal.ui.charts import chart_view, new_chart, replace_chart
from rehearsal.ui.theme import DARK, LIGHT, dark_palette

pytestmark = pytest.mark.gui


def test_a_replaced_chart_is_freed_and_its_title_describes_the_view(qtbot: QtBot) -> None:
    view = chart_view("Progress")
    qtbot.addWidget(view)
    assert view.accessibleName() == "Progress"
    first = new_chart("Nothing yet")
    replace_chart(view, first)
    assert view.chart() is first
    assert view.accessibleDescription() == "Nothing yet"
    second = new_chart("Minutes per week", legend=True)
    with qtbot.waitSignal(first.destroyed, timeout=5000):
        replace_chart(view, second)
    assert view.chart() is second
    assert view.accessibleDescription() == "Minutes per week"
    assert second.legend().isVisible()
    assert not new_chart("x").legend().isVisible()


def _bar_chart() -> QChart:
    chart = new_chart("Minutes per week")
    bars = QBarSet("Minutes")
    bars.append([12.0, 30.0])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    chart.createDefaultAxes()
    return chart


@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
def test_charts_take_the_look_in_use(qtbot: QtBot, dark: bool) -> None:
    """A dark window shows a dark chart with light labels, not Qt's white card."""
    view = chart_view("Progress")
    qtbot.addWidget(view)
    palette = dark_palette() if dark else QPalette(QColor("#efefef"))
    view.setPalette(palette)
    chart = _bar_chart()
    replace_chart(view, chart)
    look = DARK if dark else LIGHT
    base = palette.color(QPalette.ColorRole.Base)
    assert chart.backgroundBrush().color() == base
    text = palette.color(QPalette.ColorRole.Text)
    assert all(axis.labelsColor() == text for axis in chart.axes())
    series = chart.series()[0]
    assert isinstance(series, QBarSeries)
    assert series.barSets()[0].color() == QColor(look.series[0])

    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    corner = image.pixelColor(image.width() - 20, 20)  # the chart's card, off the plot
    assert (corner.lightness() < 100) == dark, corner.name()
