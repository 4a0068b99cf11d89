"""The charts as drawn on screen: axis labels read back from the rendered scene, points in pixels.

The labels are the text items Qt Charts lays out in the view's scene, so these tests see
what the actor sees (``7 Dec, 7 Dec, 8 Dec`` was on screen while the axis ranges looked right).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QGraphicsTextItem
from pytestqt.qtbot import QtBot

from rehearsal.store.dossier_records import CheckInPoint, LevelRating
from rehearsal.store.records import ResponsePoint, WeeklyTime
from rehearsal.ui.charts import chart_view, replace_chart
from rehearsal.ui.dossier.checkin_chart import level_chart, timeline_chart
from rehearsal.ui.history.charts import response_chart, weekly_time_chart

pytestmark = pytest.mark.gui

DAY = date(2026, 12, 7)


@pytest.fixture
def locale() -> Iterator[QLocale]:
    """English (United Kingdom) for the test, whatever the machine's locale is."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield QLocale()
    QLocale.setDefault(before)


def shown(qtbot: QtBot, chart: QChart) -> QChartView:
    view = chart_view("chart under test")
    qtbot.addWidget(view)
    replace_chart(view, chart)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def labels(view: QChartView) -> tuple[list[str], list[str]]:
    """The (bottom, left) axis labels as laid out, left to right and bottom to top."""
    chart = view.chart()
    plot = chart.plotArea()
    found: list[tuple[float, float, str]] = []
    legend = chart.legend()
    titles = {axis.titleText() for axis in chart.axes()} | {chart.title()}
    for item in view.scene().items():
        if legend.isAncestorOf(item):
            continue
        text = item.toGraphicsObject()
        if isinstance(text, QGraphicsTextItem) and text.toPlainText() not in titles | {""}:
            centre = text.mapToScene(text.boundingRect().center())
            found.append((centre.x(), centre.y(), text.toPlainText()))
    bottom = sorted((x, s) for x, y, s in found if y > plot.bottom())
    left = sorted((-y, s) for x, y, s in found if x < plot.left() and y <= plot.bottom())
    return [s for _, s in bottom], [s for _, s in left]


def series_pixels(view: QChartView, series: QLineSeries) -> int:
    """How many pixels of the plot area carry the series' own colour."""
    image = view.grab().toImage()
    colour = series.color().rgb()
    plot = view.chart().plotArea().toRect()
    return sum(
        1
        for x in range(plot.left(), plot.right())
        for y in range(plot.top(), plot.bottom())
        if image.pixel(x, y) == colour
    )


def test_a_script_rehearsed_on_one_day_shows_its_point(qtbot: QtBot, locale: QLocale) -> None:
    points = (
        ResponsePoint(1, "Night Shift", DAY, 1.5, 6),
        ResponsePoint(2, "Dawn", DAY + timedelta(days=1), 1.0, 6),
    )
    view = shown(qtbot, response_chart(points))
    for series in view.chart().series():
        assert isinstance(series, QLineSeries)
        assert series.count() == 1
        assert series_pixels(view, series) > 20, f"no point drawn for {series.name()}"


def test_date_labels_are_distinct_days_in_the_locale_format(qtbot: QtBot, locale: QLocale) -> None:
    points = (
        ResponsePoint(1, "Night Shift", DAY, 1.5, 6),
        ResponsePoint(1, "Night Shift", DAY + timedelta(days=1), 1.0, 6),
    )
    bottom, left = labels(shown(qtbot, response_chart(points)))
    days = [DAY + timedelta(days=n) for n in range(-1, 3)]
    assert bottom == [locale.toString(QDate(d.year, d.month, d.day), "dd/MM/yyyy") for d in days]
    assert len(set(left)) == len(left)


@pytest.mark.parametrize("span", [1, 3, 12, 40, 200])
def test_long_ranges_keep_one_label_per_tick(qtbot: QtBot, locale: QLocale, span: int) -> None:
    points = (
        ResponsePoint(1, "Night Shift", DAY, 1.5, 6),
        ResponsePoint(1, "Night Shift", DAY + timedelta(days=span), 1.0, 6),
    )
    bottom, _ = labels(shown(qtbot, response_chart(points)))
    assert 3 <= len(bottom) <= 9
    assert len(set(bottom)) == len(bottom), bottom
    first = datetime.strptime(bottom[0], "%d/%m/%Y").date()
    last = datetime.strptime(bottom[-1], "%d/%m/%Y").date()
    assert first < DAY
    assert last > DAY + timedelta(days=span)


def test_the_date_format_follows_the_locale(qtbot: QtBot, locale: QLocale) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    points = (ResponsePoint(1, "Night Shift", DAY, 1.5, 6),)
    bottom, _ = labels(shown(qtbot, response_chart(points)))
    assert bottom == ["06.12.26", "07.12.26", "08.12.26"]
    weekly, _ = labels(shown(qtbot, weekly_time_chart((WeeklyTime(DAY, 600.0, 1),))))
    assert weekly == ["07.12.26"]


def test_without_a_locale_dates_are_iso(qtbot: QtBot, locale: QLocale) -> None:
    QLocale.setDefault(QLocale.c())  # LANG=C: Qt's own short date would read "7 12 2026"
    weekly, _ = labels(shown(qtbot, weekly_time_chart((WeeklyTime(DAY, 600.0, 1),))))
    assert weekly == ["2026-12-07"]


@pytest.mark.parametrize("seconds", [80.0, 150.0, 600.0, 4000.0])
def test_minute_axis_has_whole_distinct_numbers(
    qtbot: QtBot, locale: QLocale, seconds: float
) -> None:
    weeks = (WeeklyTime(DAY, seconds, 1),)
    bottom, left = labels(shown(qtbot, weekly_time_chart(weeks)))
    assert bottom == ["07/12/2026"]
    values = [int(label) for label in left]  # whole numbers only
    assert values[0] == 0
    assert values == sorted(set(values))
    assert values[-1] >= seconds / 60
    assert len(values) >= 3


def test_check_in_axes_count_one_to_five_once(qtbot: QtBot, locale: QLocale) -> None:
    start = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    points = (
        CheckInPoint(1, start, 2, 3, 10, 2.5, 2),
        CheckInPoint(2, start + timedelta(hours=30), 5, 4, 11, 4.0, 1),
    )
    bottom, left = labels(shown(qtbot, timeline_chart(points)))
    assert left == ["1", "2", "3", "4", "5"]
    assert len(set(bottom)) == len(bottom) >= 3
    levels = (LevelRating("energy", 2, 3.0, 1), LevelRating("focus", 4, 4.5, 2))
    _, left = labels(shown(qtbot, level_chart(levels)))
    assert left == ["0", "1", "2", "3", "4", "5"]
