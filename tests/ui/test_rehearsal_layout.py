"""The rehearsal screen's layout: icon controls, the folding options, focus mode, sizes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.main_window import MainWindow
from tests.ui.pages import cell_text

pytestmark = pytest.mark.gui

DEMO = Path(__file__).resolve().parents[2] / "resources" / "scenes" / "demo-night-shift.fountain"
SMALL_SCREEN = QSize(1280, 720)


def start(qtbot: QtBot, paths: Paths) -> MainWindow:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.resize(SMALL_SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_file(DEMO)
    if window.role_dialog is not None:
        window.role_dialog.reject()
    window.start_rehearsal("NINA")
    if window.prep.checkin_dialog is not None:
        window.prep.checkin_dialog.reject()  # Skip the check-in
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.rehearsal.setFocus()
    return window


@pytest.fixture
def window(qtbot: QtBot, paths: Paths) -> Iterator[MainWindow]:
    win = start(qtbot, paths)
    yield win
    win.close()


def test_run_controls_are_icons_whose_tooltips_name_their_keys(window: MainWindow) -> None:
    screen = window.rehearsal
    assert screen.toolbar.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly
    for action in screen.toolbar.actions():
        if action.isSeparator() or not action.text():
            continue
        assert not action.icon().isNull(), action.text()
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        assert keys, action.text()
        assert all(key in action.toolTip() for key in keys), action.toolTip()
    assert "Ctrl+Return" in screen.action_start.toolTip()
    button = screen.toolbar.widgetForAction(screen.action_stop)
    assert isinstance(button, QToolButton)
    assert button.accessibleName() == "Stop"


def test_f9_folds_the_options_and_a_restart_remembers_it(qtbot: QtBot, paths: Paths) -> None:
    window = start(qtbot, paths)
    panel = window.rehearsal.options_panel
    assert panel.isVisible()  # open the first time
    assert window.rehearsal.wait_mode.isVisible()
    QTest.keyClick(window.rehearsal, Qt.Key.Key_F9)
    assert not panel.isVisible()
    window.close()

    again = start(qtbot, paths)
    panel = again.rehearsal.options_panel
    assert not panel.isVisible()
    QTest.keyClick(again.rehearsal, Qt.Key.Key_F9)
    assert panel.isVisible()
    QTest.mouseClick(panel.fold, Qt.MouseButton.LeftButton)  # its ✕ folds it too
    assert not panel.isVisible()
    assert again.rehearsal.hasFocus()  # Space goes to the run, not to the ✕
    again.close()


def test_f11_shows_only_the_page_and_esc_leaves(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.rehearsal
    QTest.keyClick(screen, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert screen.focus.active
    for widget in (screen.toolbar, screen.options_panel, screen.status_row, screen.prompt):
        assert not widget.isVisible()
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    assert screen.view.isVisible()
    assert screen.focus_header.isVisible()

    # The run keys work in focus mode.
    QTest.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    controller = window.controller
    assert controller is not None
    qtbot.waitUntil(lambda: controller.engine.state is not State.IDLE, timeout=5_000)
    qtbot.waitUntil(lambda: screen.focus_header.speaker.text() != "", timeout=5_000)
    assert screen.focus_header.progress.value() > 0

    QTest.keyClick(screen, Qt.Key.Key_Escape)  # leaves focus mode, does not stop the take
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not screen.focus.active
    assert controller.engine.state is not State.IDLE
    assert screen.toolbar.isVisible()
    assert screen.options_panel.isVisible()
    assert window.menuBar().isVisible()
    assert not screen.focus_header.isVisible()
    QTest.keyClick(screen, Qt.Key.Key_Escape)  # and Esc is Stop again
    qtbot.waitUntil(lambda: controller.engine.state is State.IDLE, timeout=5_000)

    QTest.keyClick(screen, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    QTest.keyClick(screen, Qt.Key.Key_F11)  # F11 leaves as well
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_the_page_is_a_centred_column(qtbot: QtBot, window: MainWindow) -> None:
    view = window.rehearsal.view
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.viewportMargins().left() > 0)
    margins = view.viewportMargins()
    assert margins.left() == margins.right()
    assert abs(view.viewport().width() - view.column_width()) <= 2
    window.resize(600, 500)  # narrower than the column: the page takes the width
    qtbot.waitUntil(lambda: view.viewportMargins().left() == 0)


def _too_big(widget_size: QSize) -> bool:
    return widget_size.width() > SMALL_SCREEN.width() or widget_size.height() > (
        SMALL_SCREEN.height()
    )


def test_nothing_is_cut_off_at_1280_by_720(qtbot: QtBot, window: MainWindow) -> None:
    assert not _too_big(window.minimumSizeHint())
    window.navigation.action_home.trigger()
    assert not _too_big(window.minimumSizeHint())
    window.navigation.show_rehearsal()
    window.open_history()
    history = window.history_window
    assert history is not None
    assert not _too_big(history.minimumSizeHint())
    assert history.width() <= SMALL_SCREEN.width()
    history.shutdown()


SCALED = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
app = QApplication(sys.argv[:1])
window = create_main_window(Paths.under(Path(sys.argv[1])).ensure(), with_store=False)
window.show()
app.processEvents()
hint = window.minimumSizeHint()
screen = app.primaryScreen()
print(screen.devicePixelRatio(), hint.width(), hint.height(),
      window.home.minimumSizeHint().width())
window.close()
"""


def test_nothing_is_cut_off_at_200_percent(tmp_path: Path) -> None:
    """At 200 % a 2560×1440 screen is 1280×720 logical pixels: the window must fit in it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [sys.executable, "-c", SCALED, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    ratio, width, height, home = result.stdout.split()
    assert float(ratio) == 2.0
    assert int(width) <= SMALL_SCREEN.width()
    assert int(height) <= SMALL_SCREEN.height()
    assert int(home) <= SMALL_SCREEN.width()


def test_the_first_paint_needs_no_history(qapp: QApplication) -> None:
    """The icons come from the theme or the bundled files, never from an icon font."""
    from rehearsal.ui.run_icons import bundled_icon

    icon = bundled_icon("media-playback-start", "#ff0000")
    image = icon.pixmap(24, 24).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(24) for y in range(24)}
    assert "#ff0000" in colours  # tinted as asked
    assert bundled_icon("no-such-icon").isNull()


def test_the_cheat_sheet_lists_focus_mode_the_options_and_the_home(
    window: MainWindow,
) -> None:
    from rehearsal.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.menuBar(), window)
    table = dialog.table
    rows = {(cell_text(table, r, 1), cell_text(table, r, 2)) for r in range(table.rowCount())}
    assert ("Focus Mode", "F11") in rows
    assert ("Options", "F9") in rows
    assert ("Home", "Alt+Home") in rows
    assert ("Open a recent script", "Ctrl+1 … Ctrl+5") in rows
    dialog.close()
