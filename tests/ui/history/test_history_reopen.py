"""The history window closed and shown again in one run, over a real database file.

The main window keeps one history window and shows it again on every Ctrl+H, so each
showing must read the database afresh and its background work must still run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.export import read_csv
from rehearsal.store.facade import Store
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from rehearsal.ui.app import build_main_window
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.history.history_window import HistoryWindow
from tests.store.sample_data import START, History, StepClock, add_scripts, record_session

pytestmark = pytest.mark.gui


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[OpenedDatabase, History, StepClock]]:
    """A migrated database with two scripts and no sessions yet."""
    clock = StepClock()
    opened = open_store(Paths.under(tmp_path).ensure(), now=clock)
    yield opened, History(scripts=add_scripts(opened.engine, clock)), clock
    opened.close()


def _rehearse(opened: OpenedDatabase, history: History, clock: StepClock, count: int) -> None:
    """Record ``count`` rated sessions through the store, as rehearsing does."""
    recorder = SessionRecorder(opened.engine, now=clock)
    for day in range(count):
        clock.at(START + timedelta(days=day))
        record_session(recorder, clock, history, history.scripts["Night Shift"], "NINA", "drill", 1)


def test_showing_the_window_again_reads_the_database_afresh(
    qtbot: QtBot, fresh: tuple[OpenedDatabase, History, StepClock], tmp_path: Path
) -> None:
    opened, history, clock = fresh
    targets = iter([tmp_path / "after.csv"])
    window = HistoryWindow(Store(opened), choose_save_path=lambda *_: next(targets))
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.chartsUpdated, timeout=10000):
            window.show()
        assert window.count_label.text() == "0 sessions"
        assert "no ratings yet" in window.charts.rating_view.chart().title()
        window.close()

        _rehearse(opened, history, clock, 5)

        with qtbot.waitSignal(window.chartsUpdated, timeout=10000):
            window.show()
        assert window.count_label.text() == "5 sessions"
        assert window.model.rowCount() == 5
        assert "no ratings yet" not in window.charts.rating_view.chart().title()
        scripts = [window.script_combo.itemText(i) for i in range(window.script_combo.count())]
        assert scripts == ["All scripts", "Night Shift"]

        with qtbot.waitSignal(window.exportFinished, timeout=10000) as finished:
            window.export_csv_button.click()
        assert finished.args[0] == f"Exported 5 sessions to {tmp_path / 'after.csv'}."
        assert window.status.text() == finished.args[0]
        assert len(read_csv(tmp_path / "after.csv")) == 5
    finally:
        window.shutdown()


def test_an_export_still_running_when_the_window_closes_is_written(
    qtbot: QtBot, fresh: tuple[OpenedDatabase, History, StepClock], tmp_path: Path
) -> None:
    opened, history, clock = fresh
    _rehearse(opened, history, clock, 2)
    window = HistoryWindow(Store(opened), choose_save_path=lambda *_: tmp_path / "late.csv")
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.chartsUpdated, timeout=10000):
            window.show()
        with qtbot.waitSignal(window.exportFinished, timeout=10000):
            window.export_csv_button.click()
            window.close()
        assert len(read_csv(tmp_path / "late.csv")) == 2
    finally:
        window.shutdown()


def test_a_runner_started_again_after_shutdown_runs_new_jobs(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = BackgroundRunner(parent)
    try:
        with qtbot.waitSignal(runner.finished, timeout=10000) as first:
            runner.submit("sum", lambda: 1 + 1)
        runner.shutdown()
        assert runner.submit("sum", lambda: 3 + 3) == 0  # dropped: no thread outlives it
        runner.start()
        with qtbot.waitSignal(runner.finished, timeout=10000) as second:
            runner.submit("sum", lambda: 2 + 2)
        assert (first.args, second.args) == (["sum", 2], ["sum", 4])
    finally:
        runner.shutdown()


def test_escape_and_ctrl_w_close_the_window(
    qtbot: QtBot, fresh: tuple[OpenedDatabase, History, StepClock]
) -> None:
    opened, _, _ = fresh
    window = HistoryWindow(Store(opened))
    qtbot.addWidget(window)
    try:
        for key, modifier in (
            (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        ):
            window.show()
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow, timeout=5000)
            window.table.setFocus()
            QTest.keyClick(window.table, key, modifier)
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        window.shutdown()


def test_the_main_window_shows_new_sessions_when_history_opens_again(
    qtbot: QtBot, paths: Paths
) -> None:
    window = build_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.services.ready, timeout=30_000):
        window.services.start()
    assert window.store is not None
    try:
        with qtbot.waitSignal(window.action_history.triggered, timeout=5000):
            window.action_history.trigger()
        history_window = window.history_window
        assert history_window is not None
        qtbot.waitUntil(lambda: history_window.runner.pending == 0, timeout=10_000)
        assert history_window.count_label.text() == "0 sessions"
        history_window.activateWindow()
        qtbot.waitUntil(history_window.isActiveWindow, timeout=5000)
        QTest.keyClick(history_window.table, Qt.Key.Key_Escape)
        assert not history_window.isVisible()

        clock = StepClock()
        rehearsing = open_store(paths, now=clock)  # another writer, as the take log is
        try:
            history = History(scripts=add_scripts(rehearsing.engine, clock))
            _rehearse(rehearsing, history, clock, 3)
        finally:
            rehearsing.close()

        with qtbot.waitSignal(history_window.chartsUpdated, timeout=10_000):
            window.action_history.trigger()
        assert window.history_window is history_window
        assert history_window.count_label.text() == "3 sessions"
        assert "no sessions yet" not in history_window.charts.weekly_view.chart().title()
    finally:
        window.close()
