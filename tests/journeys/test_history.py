"""History looked at, closed, a rehearsal done, looked at again, exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import Qt

from rehearsal.store.records import SessionSummary
from rehearsal.ui.history.history_window import HistoryWindow
from tests.journeys.harness import Journey

pytestmark = pytest.mark.gui


def rehearse_demo_lines(journey: Journey, lines: int) -> None:
    """One take of the demo as NINA, stopped after ``lines`` of hers."""
    journey.in_main_window()
    journey.start_take()
    assert journey.say_my_lines(lines) == lines
    journey.key(Qt.Key.Key_Escape)  # Stop


def open_history(journey: Journey) -> HistoryWindow:
    """Ctrl+H; the History window comes up and has loaded its charts."""
    journey.in_main_window()
    journey.shortcut("Ctrl+H")
    history = journey.dialog(HistoryWindow, "the History window")
    history.resize(1100, 640)
    return history


def sessions(history: HistoryWindow) -> list[SessionSummary]:
    """The sessions the table shows, oldest first."""
    rows = [history.model.session_at(row) for row in range(history.model.rowCount())]
    return sorted((s for s in rows if s is not None), key=lambda s: s.started_at)


def response_points(history: HistoryWindow) -> int:
    """How many points the response-time chart draws."""
    chart = history.charts.response_view.chart()
    return sum(s.count() for s in chart.series() if isinstance(s, QXYSeries))


def test_history_shows_a_new_session_when_opened_again_and_exports_it(
    journey: Journey, tmp_path: Path
) -> None:
    window = journey.launch()
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()
    rehearse_demo_lines(journey, 2)

    history = open_history(journey)
    journey.wait(lambda: history.model.rowCount() == 1, "the first session")
    journey.shot("history", history)
    history.close()  # the window's close button

    journey.in_main_window()
    journey.shortcut("Ctrl+Shift+R")  # Change role: a new rehearsal, a new session
    journey.choose_role("NINA")
    rehearse_demo_lines(journey, 3)
    with journey.qtbot.waitSignal(history.chartsUpdated, timeout=15_000):
        again = open_history(journey)
    assert again is history
    journey.wait(
        lambda: [s.line_count for s in sessions(history)] == [2, 3],
        lambda: f"both sessions, without Refresh (the table shows {sessions(history)})",
    )
    journey.shot("history", history)
    journey.click_tab(history.tabs, "Progress")
    journey.wait(lambda: response_points(history) >= 1, "the response chart's points")
    journey.shot("history-progress", history)

    target = tmp_path / "exports" / "my-history.csv"
    target.parent.mkdir()
    with journey.file_dialog(target):
        journey.click(history.export_csv_button)
    journey.wait(target.exists, "the CSV file")
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 2
    assert {row["role"] for row in rows} == {"NINA"}
    assert window.isVisible()
