"""The history window with real widgets over a real database file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QChartView
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QTableWidgetItem, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.store.database import Notice, OpenedDatabase
from rehearsal.store.export import read_csv, read_json
from rehearsal.store.facade import Store
from rehearsal.ui.history.history_window import HistoryWindow
from rehearsal.ui.history.table_model import COL_ROLE, SESSION_ID_ROLE
from tests.store.sample_data import START, History, open_populated

pytestmark = pytest.mark.gui

MakeWindow = Callable[..., HistoryWindow]


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenedDatabase, History]]:
    opened, history = open_populated(tmp_path_factory.mktemp("history"))
    yield opened, history
    opened.close()


@pytest.fixture
def own_history(tmp_path: Path) -> Iterator[tuple[OpenedDatabase, History]]:
    """A history this test may change."""
    opened, history = open_populated(tmp_path)
    yield opened, history
    opened.close()


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    windows: list[HistoryWindow] = []

    def make(opened: OpenedDatabase, **options: Any) -> HistoryWindow:
        window = HistoryWindow(Store(opened), **options)
        qtbot.addWidget(window)
        windows.append(window)
        # The charts and line lists load in the background once the window is up.
        with qtbot.waitSignal(window.chartsUpdated, timeout=10000):
            pass
        qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=10000)
        return window

    yield make
    for window in windows:
        window.shutdown()


def _ids(window: HistoryWindow) -> list[int]:
    model = window.model
    return [model.data(model.index(r, 0), SESSION_ID_ROLE) for r in range(model.rowCount())]


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def _text(item: QTreeWidgetItem | QTableWidgetItem | None) -> str:
    assert item is not None
    return item.text(0) if isinstance(item, QTreeWidgetItem) else item.text()


def _tree_texts(item: QTreeWidgetItem | None) -> list[str]:
    assert item is not None
    return [_text(item.child(i)) for i in range(item.childCount())]


def _bar_values(view: QChartView) -> list[float]:
    series = view.chart().series()[0]
    assert isinstance(series, QAbstractBarSeries)
    bars = series.barSets()[0]
    return [bars.at(i) for i in range(bars.count())]


def test_opens_on_every_session_with_filters_charts_and_lines(
    make_window: MakeWindow, populated: tuple[OpenedDatabase, History]
) -> None:
    opened, history = populated
    window = make_window(opened)
    assert window.count_label.text() == "5 sessions"
    assert _ids(window) == history.sessions[::-1]
    scripts = [window.script_combo.itemText(i) for i in range(window.script_combo.count())]
    assert scripts == ["All scripts", "Dawn", "Night Shift"]
    roles = [window.role_combo.itemText(i) for i in range(window.role_combo.count())]
    assert roles == ["All roles", "CAL", "NINA"]
    modes = [window.mode_combo.itemText(i) for i in range(window.mode_combo.count())]
    assert modes == ["All modes", "Cold read", "Drill", "Rehearse"]
    assert _bar_values(window.charts.weekly_view) == [4.5, round(220 / 60, 1)]
    assert window.line_panel.script_combo.currentText() == "Dawn"
    assert window.line_panel.slowest_table.rowCount() == 3


def test_filters_narrow_the_table_and_the_charts(
    qtbot: QtBot,
    make_window: MakeWindow,
    populated: tuple[OpenedDatabase, History],
) -> None:
    opened, history = populated
    window = make_window(opened)
    with qtbot.waitSignal(window.chartsUpdated, timeout=10000):
        _choose(window.role_combo, "CAL")
    assert _ids(window) == [history.sessions[3]]
    assert window.count_label.text() == "1 session"
    assert _bar_values(window.charts.rating_view) == [5.0]
    with qtbot.waitSignal(window.lineStatsUpdated, timeout=10000):
        _choose(window.role_combo, "All roles")
        _choose(window.script_combo, "Night Shift")
    assert window.line_panel.script_combo.currentText() == "Night Shift"
    skipped = window.line_panel.skipped_table
    assert skipped.rowCount() == 1
    assert _text(skipped.item(0, 1)) == "I need a new life."
    assert _text(skipped.item(0, 3)) == "3"
    _choose(window.mode_combo, "Drill")
    assert _ids(window) == [history.sessions[1]]
    window.reset_button.click()
    assert len(_ids(window)) == 5


def test_the_date_range_includes_both_days(
    make_window: MakeWindow, populated: tuple[OpenedDatabase, History]
) -> None:
    opened, history = populated
    window = make_window(opened)
    local_start = START.astimezone().date()
    window.from_edit.setDate(QDate(local_start.year, local_start.month, local_start.day + 1))
    window.to_edit.setDate(QDate(local_start.year, local_start.month, local_start.day + 8))
    assert len(_ids(window)) == 5  # the range applies only once switched on
    window.date_check.setChecked(True)
    assert window.from_edit.isEnabled()
    assert _ids(window) == [history.sessions[2], history.sessions[1]]


def test_sorting_by_a_header_queries_again(
    make_window: MakeWindow, populated: tuple[OpenedDatabase, History]
) -> None:
    opened, _ = populated
    window = make_window(opened)
    window.table.sortByColumn(COL_ROLE, Qt.SortOrder.AscendingOrder)
    model = window.model
    roles = [model.data(model.index(r, COL_ROLE)) for r in range(model.rowCount())]
    assert roles == ["CAL", "NINA", "NINA", "NINA", "NINA"]


def test_selecting_a_session_shows_takes_notes_ratings_and_lines(
    qtbot: QtBot,
    make_window: MakeWindow,
    populated: tuple[OpenedDatabase, History],
) -> None:
    opened, history = populated
    window = make_window(opened)
    row = window.model.row_of(history.sessions[1])
    assert row is not None
    with qtbot.waitSignal(window.detailShown, timeout=10000) as shown:
        window.select_row(row)
    assert shown.args == [history.sessions[1]]
    assert window.delete_button.isEnabled()
    tree = window.detail
    assert _text(tree.headerItem()).startswith("Night Shift — NINA — Drill — ")
    assert tree.topLevelItemCount() == 3
    first = tree.topLevelItem(0)
    assert _text(first).startswith("Take 1 (")
    assert _text(first).endswith("3 lines, 1 skipped)")
    assert _tree_texts(first) == [
        "Note (before the take, emotion): Play it angrier.",
        "Rating 2/5 — emotion — “ok”",
        "Scene 1: The bus never came. — 1.50 s",
        "Scene 1: Is that for me? — 1.50 s",
        "Scene 2: I need a new life. — skipped",
    ]


def test_delete_asks_first_and_keeps_the_session_on_no(
    qtbot: QtBot,
    make_window: MakeWindow,
    own_history: tuple[OpenedDatabase, History],
) -> None:
    opened, history = own_history
    questions: list[str] = []
    answer = [False]

    def confirm(parent: QWidget, title: str, question: str) -> bool:
        questions.append(question)
        return answer[0]

    window = make_window(opened, confirm=confirm)
    target = history.sessions[3]
    row = window.model.row_of(target)
    assert row is not None
    window.select_row(row)
    window.delete_button.click()
    assert len(questions) == 1
    assert "(Night Shift, CAL)" in questions[0]
    assert "cannot be undone" in questions[0]
    assert target in _ids(window)
    answer[0] = True
    with qtbot.waitSignal(window.sessionDeleted, timeout=10000) as deleted:
        window.delete_button.click()
    assert deleted.args == [target]
    assert target not in _ids(window)
    assert window.count_label.text() == "4 sessions"
    roles = [window.role_combo.itemText(i) for i in range(window.role_combo.count())]
    assert roles == ["All roles", "NINA"]  # CAL's only session is gone
    assert Store(opened).history.get_summary(target) is None


def test_export_writes_the_filtered_sessions(
    qtbot: QtBot,
    make_window: MakeWindow,
    populated: tuple[OpenedDatabase, History],
    tmp_path: Path,
) -> None:
    opened, history = populated
    asked: list[str] = []
    targets = iter([tmp_path / "drills.csv", tmp_path / "all.json", None])

    def choose(parent: QWidget, caption: str, suggested: str, file_filter: str) -> Path | None:
        asked.append(suggested)
        return next(targets)

    window = make_window(opened, choose_save_path=choose)
    _choose(window.mode_combo, "Drill")
    with qtbot.waitSignal(window.exportFinished, timeout=10000) as finished:
        window.export_csv_button.click()
    assert finished.args[0].startswith("Exported 2 sessions to ")
    assert [s.id for s in read_csv(tmp_path / "drills.csv")] == [
        history.sessions[1],
        history.sessions[4],
    ]
    window.filtered_only.setChecked(False)
    with qtbot.waitSignal(window.exportFinished, timeout=10000):
        window.export_json_button.click()
    assert len(read_json(tmp_path / "all.json")) == 5
    window.export_csv_button.click()  # cancelled: nothing happens
    assert asked == ["rehearsal-history.csv", "rehearsal-history.json", "rehearsal-history.csv"]
    assert window.runner.pending == 0


def test_a_locked_database_shows_a_message_instead_of_failing(
    qtbot: QtBot,
    make_window: MakeWindow,
    own_history: tuple[OpenedDatabase, History],
) -> None:
    opened, _ = own_history
    window = make_window(opened, confirm=lambda *_: True)
    window.select_row(0)
    holder = sqlite3.connect(opened.path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with qtbot.waitSignal(window.errorShown, timeout=10000) as error:
            window.delete_button.click()
        assert "locked" in error.args[0]
        assert "locked" in window.status.text()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(_ids(window)) == 5


def test_notices_from_opening_are_shown(
    make_window: MakeWindow, populated: tuple[OpenedDatabase, History]
) -> None:
    opened, _ = populated
    notice = Notice("The history database was moved to /tmp/x.corrupt-1.", Path("/tmp/x"))
    window = make_window(opened, notices=[notice])
    assert window.banner.text() == notice.message
    assert not window.banner.isHidden()
    assert make_window(opened).banner.isHidden()
