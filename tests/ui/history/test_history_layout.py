"""The history window's table fits its window, and its dates follow the locale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.facade import Store
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.ui.history.column_fit import column_widths
from rehearsal.ui.history.history_window import HistoryWindow
from rehearsal.ui.history.table_model import COL_SCRIPT, COL_STARTED
from tests.store.sample_data import (
    START,
    History,
    StepClock,
    open_populated,
    record_session,
    sample_script,
)

pytestmark = pytest.mark.gui

LONG_TITLE = "The Importance of Being Earnest, or A Trivial Comedy for Serious People (Act II)"


@pytest.fixture
def british() -> Iterator[QLocale]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield QLocale()
    QLocale.setDefault(before)


@pytest.fixture
def history(tmp_path: Path) -> Iterator[tuple[OpenedDatabase, History]]:
    opened, history = open_populated(tmp_path)
    clock = StepClock(START)
    script_id = import_script(
        opened.engine, sample_script(LONG_TITLE), "/sides/long.fountain", b"long", now=clock
    )
    recorder = SessionRecorder(opened.engine, now=clock)
    record_session(recorder, clock, history, script_id, "LADY BRACKNELL", "cold_read", 1)
    yield opened, history
    opened.close()


@pytest.fixture
def window(
    qtbot: QtBot, history: tuple[OpenedDatabase, History], british: QLocale
) -> Iterator[HistoryWindow]:
    opened, _ = history
    win = HistoryWindow(Store(opened))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.chartsUpdated, timeout=10_000):
        win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()


def _fits(qtbot: QtBot, window: HistoryWindow) -> None:
    table = window.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width(), timeout=5000)
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionSize(COL_SCRIPT) < table.fontMetrics().horizontalAdvance(LONG_TITLE)


def test_the_table_fits_the_window_as_it_opens(qtbot: QtBot, window: HistoryWindow) -> None:
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width()
    assert window.height() <= screen.height()
    _fits(qtbot, window)


def test_the_table_still_fits_a_narrower_window(qtbot: QtBot, window: HistoryWindow) -> None:
    window.resize(900, 600)
    _fits(qtbot, window)


def test_dates_use_the_locale_format(window: HistoryWindow) -> None:
    model = window.model
    first = model.session_at(0)
    assert first is not None
    expected = first.started_at.astimezone().strftime("%d/%m/%Y %H:%M")
    assert model.index(0, COL_STARTED).data() == expected
    day = window.from_edit.date()
    assert window.from_edit.text() == f"{day.day():02d}/{day.month():02d}/{day.year()}"


def test_without_a_locale_the_dates_are_iso(
    qtbot: QtBot, history: tuple[OpenedDatabase, History], british: QLocale
) -> None:
    QLocale.setDefault(QLocale.c())
    window = HistoryWindow(Store(history[0]))
    qtbot.addWidget(window)
    try:
        first = window.model.session_at(0)
        assert first is not None
        expected = first.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        assert window.model.index(0, COL_STARTED).data() == expected
        day = window.to_edit.date()
        assert window.to_edit.text() == f"{day.year()}-{day.month():02d}-{day.day():02d}"
    finally:
        window.shutdown()


def test_the_detail_heading_uses_the_locale_format(
    qtbot: QtBot, window: HistoryWindow, history: tuple[OpenedDatabase, History]
) -> None:
    session_id = history[1].sessions[0]
    row = window.model.row_of(session_id)
    assert row is not None
    with qtbot.waitSignal(window.detailShown, timeout=10_000):
        window.select_row(row)
    summary = window.selected_session()
    assert summary is not None
    started = summary.started_at.astimezone().strftime("%d/%m/%Y %H:%M")
    assert f"— {started}," in window.detail.headerItem().text(0)


def test_column_widths_give_the_rest_to_the_first_flexible_column() -> None:
    assert column_widths([100, 300, 50, 60], flexible=(1, 2), available=800) == [
        100,
        590,
        50,
        60,
    ]


def test_column_widths_shrink_flexible_columns_first_then_all() -> None:
    narrow = column_widths([100, 300, 200, 60], flexible=(1, 2), available=400, minimum=80)
    assert narrow[0] == 100
    assert narrow[3] == 60
    assert sum(narrow) <= 400
    assert narrow[1] > narrow[2] >= 80
    tiny = column_widths([100, 300, 200, 60], flexible=(1, 2), available=200, minimum=80)
    assert sum(tiny) <= 200
    assert all(width > 0 for width in tiny)


def test_tab_leaves_the_date_filters_field_by_field(qtbot: QtBot, window: HistoryWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.date_check.setChecked(True)
    window.from_edit.setFocus()
    qtbot.waitUntil(window.from_edit.hasFocus, timeout=5000)
    QTest.keyClick(window.from_edit, Qt.Key.Key_Tab)
    assert window.to_edit.hasFocus(), "Tab stayed inside the first date"
    QTest.keyClick(window.to_edit, Qt.Key.Key_Tab)
    assert window.reset_button.hasFocus(), "Tab stayed inside the last date"
