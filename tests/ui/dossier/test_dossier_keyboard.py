"""The auditions windows by keyboard alone: real key presses, a real database file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.facade import Store
from rehearsal.store.startup import open_store
from rehearsal.ui.dossier.auditions_window import AuditionsWindow
from rehearsal.ui.dossier.details_tab import DetailsTab
from tests.store.sample_data import START, StepClock
from tests.ui.dossier.support import CALLBACK

pytestmark = pytest.mark.gui


@pytest.fixture
def store(paths: Paths) -> Iterator[OpenedDatabase]:
    opened = open_store(paths, now=StepClock(START))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, store: OpenedDatabase, paths: Paths) -> Iterator[AuditionsWindow]:
    clock = StepClock(START)
    facade = Store(store, now=clock)
    facade.auditions.create(CALLBACK)
    win = AuditionsWindow(facade, paths, now=clock, autosave_ms=30)
    qtbot.addWidget(win)
    yield win
    for editor in win.editors.values():
        editor.autosaver.discard()


def _activate(qtbot: QtBot, widget: QWidget) -> None:
    widget.show()
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_the_auditions_and_follow_up_windows_close_by_keyboard(
    qtbot: QtBot, window: AuditionsWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    _activate(qtbot, window)
    QTest.keyClick(window.table, key, modifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    panel = window.show_followups()
    _activate(qtbot, panel)
    QTest.keyClick(panel.list, key, modifier)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_a_dossier_closes_by_keyboard_from_a_field_and_keeps_what_was_typed(
    qtbot: QtBot,
    window: AuditionsWindow,
    store: OpenedDatabase,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    editor = window.new_audition()
    assert editor is not None
    _activate(qtbot, editor)
    tab: DetailsTab = editor.details_tab
    tab.project.setFocus()
    qtbot.waitUntil(lambda: _focused() is tab.project, timeout=5000)
    QTest.keyClicks(tab.project, "Night Shift pilot")
    QTest.keyClick(tab.project, key, modifier)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    projects = [a.details.project_title for a in Store(store).auditions.list_auditions()]
    assert "Night Shift pilot" in projects


def test_tab_moves_from_field_to_field_past_the_date_boxes(
    qtbot: QtBot, window: AuditionsWindow
) -> None:
    editor = window.new_audition()
    assert editor is not None
    _activate(qtbot, editor)
    tab: DetailsTab = editor.details_tab
    tab.project.setFocus()
    qtbot.waitUntil(lambda: _focused() is tab.project, timeout=5000)

    QTest.keyClicks(tab.project, "The Seagull")
    QTest.keyClick(tab.project, Qt.Key.Key_Tab)
    assert _focused() is tab.role
    QTest.keyClicks(tab.role, "Nina")
    QTest.keyClick(tab.role, Qt.Key.Key_Tab)
    assert _focused() is tab.round
    QTest.keyClick(tab.round, Qt.Key.Key_Tab)
    assert _focused() is tab.scheduled.check
    QTest.keyClick(tab.scheduled.check, Qt.Key.Key_Space)
    assert tab.scheduled.check.isChecked()
    QTest.keyClick(tab.scheduled.check, Qt.Key.Key_Tab)
    assert _focused() is tab.scheduled.edit
    when: QDateTime = tab.scheduled.edit.dateTime()
    QTest.keyClick(tab.scheduled.edit, Qt.Key.Key_Tab)
    assert _focused() is tab.location, "Tab stayed inside the date box"
    QTest.keyClicks(tab.location, "Studio 4")
    QTest.keyClick(tab.location, Qt.Key.Key_Tab)
    assert _focused() is tab.deadline.check
    QTest.keyClick(tab.deadline.check, Qt.Key.Key_Tab)  # unset: its date box is skipped
    assert _focused() is tab.casting_director
    QTest.keyClicks(tab.casting_director, "Priya Shah")
    QTest.keyClick(tab.casting_director, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focused() is tab.deadline.check
    QTest.keyClick(tab.deadline.check, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focused() is tab.location
    QTest.keyClick(tab.location, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focused() is tab.scheduled.edit

    details = tab.details()
    assert details.project_title == "The Seagull"
    assert details.role == "Nina"
    assert details.location == "Studio 4"
    assert details.casting_director == "Priya Shah"
    assert tab.scheduled.edit.dateTime() == when


def test_the_date_boxes_show_the_locale_format(qtbot: QtBot, window: AuditionsWindow) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    try:
        editor = window.new_audition()
        assert editor is not None
        edit = editor.details_tab.scheduled.edit
        moment = edit.dateTime()
        assert edit.text() == moment.toString("ddd dd/MM/yyyy HH:mm")
    finally:
        QLocale.setDefault(before)
