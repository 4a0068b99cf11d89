"""The progress charts drawn from known numbers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
)
from pytestqt.qtbot import QtBot

from rehearsal.store.records import CategoryRating, ChartData, ResponsePoint, WeeklyTime
from rehearsal.ui.dates import date_text
from rehearsal.ui.history.charts import (
    ChartsPanel,
    fill_weeks,
    rating_chart,
    response_chart,
    weekly_time_chart,
)

pytestmark = pytest.mark.gui

WEEKS = (
    WeeklyTime(date(2024, 3, 4), 1800.0, 2),
    WeeklyTime(date(2024, 3, 18), 600.0, 1),
)


def bar_values(chart: QChart) -> list[float]:
    """The values of the first bar set of the chart's only bar series."""
    (series,) = chart.series()
    assert isinstance(series, QAbstractBarSeries)
    (bars,) = series.barSets()
    return [bars.at(i) for i in range(bars.count())]


def categories(chart: QChart) -> list[str]:
    """The labels of the chart's category axis."""
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    return list(axis.categories())


def test_missing_weeks_are_shown_as_zero() -> None:
    filled = fill_weeks(WEEKS)
    assert [(w.week_start, w.seconds) for w in filled] == [
        (date(2024, 3, 4), 1800.0),
        (date(2024, 3, 11), 0.0),
        (date(2024, 3, 18), 600.0),
    ]
    assert len(fill_weeks((WeeklyTime(date(2020, 1, 6), 1, 1), WEEKS[1]), max_weeks=4)) == 4
    assert fill_weeks(()) == []


def test_weekly_chart_has_minutes_per_week(qtbot: QtBot) -> None:
    chart = weekly_time_chart(WEEKS)
    assert isinstance(chart.series()[0], QBarSeries)
    assert bar_values(chart) == [30.0, 0.0, 10.0]
    assert categories(chart) == [date_text(w.week_start) for w in fill_weeks(WEEKS)]


def test_response_chart_has_a_line_per_script(qtbot: QtBot) -> None:
    points = (
        ResponsePoint(1, "Night Shift", date(2024, 3, 4), 1.5, 6),
        ResponsePoint(1, "Night Shift", date(2024, 3, 6), 1.0, 6),
        ResponsePoint(2, "Dawn", date(2024, 3, 5), 2.5, 3),
    )
    chart = response_chart(points)
    series = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert len(series) == len(chart.series()) == 2
    assert [s.name() for s in series] == ["Night Shift", "Dawn"]  # busiest first
    night = series[0]
    assert [night.at(i).y() for i in range(night.count())] == [1.5, 1.0]
    assert night.at(0).x() < night.at(1).x()


def test_rating_chart_puts_the_weakest_category_on_top(qtbot: QtBot) -> None:
    ratings = (CategoryRating("subtext", 2.0, 4), CategoryRating("tempo", 4.5, 2))
    chart = rating_chart(ratings)
    assert isinstance(chart.series()[0], QHorizontalBarSeries)
    assert bar_values(chart) == [4.5, 2.0]
    assert categories(chart) == ["tempo (2)", "subtext (4)"]


def test_empty_history_says_so(qtbot: QtBot) -> None:
    panel = ChartsPanel()
    qtbot.addWidget(panel)
    assert "no sessions yet" in panel.weekly_view.chart().title()
    assert "no timed lines yet" in panel.response_view.chart().title()
    assert "no ratings yet" in panel.rating_view.chart().title()
    panel.show_data(ChartData(WEEKS, (), ()))
    assert panel.weekly_view.chart().title() == "Rehearsal time per week (minutes)"
    assert panel.weekly_view.chart().series()
