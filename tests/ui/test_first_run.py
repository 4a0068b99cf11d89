"""The first run as an actor lives it: the welcome, the Open dialog, the role that follows.

These tests go through the widgets a user touches (buttons, the file dialog with a typed
path, the role list) across several dialogs in a row, because each dialog working alone
was not enough: the welcome used to be read again after Qt had deleted it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.first_run import FirstRunDialog
from rehearsal.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SCENE = """Title: Keys

INT. KITCHEN - NIGHT

BOB
You came back.

ANNA
I forgot my keys.
"""


@pytest.fixture
def window(qtbot: QtBot, paths: Paths) -> MainWindow:
    win = create_main_window(paths)
    qtbot.addWidget(win)
    win.show()
    return win


def _sides(tmp_path: Path, name: str = "keys.fountain") -> Path:
    path = tmp_path / name
    path.write_text(SCENE, encoding="utf-8")
    return path


def _open_dialog(qtbot: QtBot, window: MainWindow) -> QFileDialog:
    qtbot.waitUntil(lambda: window.open_dialog is not None and window.open_dialog.isVisible())
    assert window.open_dialog is not None
    return window.open_dialog


def _type_path(qtbot: QtBot, dialog: QFileDialog, path: Path) -> None:
    """Paste the file's path in the dialog's name box and press Enter, as an actor would.

    (Pasted rather than typed key by key: the name box's completer pops up on typing and
    takes the first Enter.)
    """
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    edit.setFocus()
    edit.setText(str(path))
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _pick(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    dialog = _open_dialog(qtbot, window)
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        _type_path(qtbot, dialog, path)


def test_import_from_the_welcome_asks_the_role_of_the_imported_sides(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    welcome = window.maybe_show_welcome(force=True)
    assert welcome is not None
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()  # the demo opens behind the welcome, as at first launch
    assert window.role_dialog is None
    QTest.mouseClick(welcome.import_sides, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(qtbot, window)
    assert window.role_dialog is None  # no role for the demo the actor just turned down
    qtbot.waitUntil(lambda: window.welcome_dialog is None)  # deleted, and forgotten
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        _type_path(qtbot, dialog, _sides(tmp_path))
    role_dialog = window.role_dialog
    assert role_dialog is not None
    qtbot.waitUntil(role_dialog.isVisible)
    names = {role_dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)}
    assert names == {"BOB", "ANNA"}
    QTest.keyClick(role_dialog.list, Qt.Key.Key_Return)
    assert window.controller is not None
    assert window.controller.script.title == "Keys"

    # Every later open works too, the welcome long gone.
    window.action_open.trigger()
    _pick(qtbot, window, _sides(tmp_path, "again.fountain"))
    assert window.windowTitle().startswith("Keys")


def test_cancelling_the_import_from_the_welcome_asks_the_role_of_the_demo(
    qtbot: QtBot, window: MainWindow
) -> None:
    welcome = window.maybe_show_welcome(force=True)
    assert welcome is not None
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    QTest.mouseClick(welcome.import_sides, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(qtbot, window)
    dialog.reject()
    assert window.role_dialog is not None
    qtbot.waitUntil(window.role_dialog.isVisible)


def test_no_dialog_attribute_outlives_its_dialog(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    assert window.role_dialog is not None
    window.role_dialog.reject()
    window.open_settings()
    assert window.settings_dialog is not None
    window.settings_dialog.reject()
    window.open_voices()
    assert window.voices_dialog is not None
    window.voices_dialog.reject()
    welcome = window.maybe_show_welcome(force=True)
    assert welcome is not None
    welcome.accept()
    window.action_open.trigger()
    _open_dialog(qtbot, window).reject()
    names = ("role_dialog", "settings_dialog", "voices_dialog", "welcome_dialog", "open_dialog")
    qtbot.waitUntil(lambda: all(getattr(window, name) is None for name in names))
    QApplication.processEvents()


def test_open_starts_in_the_home_folder_then_in_the_last_one_used(
    qtbot: QtBot, window: MainWindow, paths: Paths, tmp_path: Path
) -> None:
    window.action_open.trigger()
    dialog = _open_dialog(qtbot, window)
    assert Path(dialog.directory().absolutePath()) == Path.home()
    folder = tmp_path / "sides"
    folder.mkdir()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        _type_path(qtbot, dialog, _sides(folder))
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()  # the demo is not where the actor keeps their sides
    window.action_open.trigger()
    dialog = _open_dialog(qtbot, window)
    assert Path(dialog.directory().absolutePath()) == folder
    dialog.reject()
    window.close()

    settings = QSettings(str(paths.data / "settings.ini"), QSettings.Format.IniFormat)
    again = create_main_window(paths)
    qtbot.addWidget(again)
    assert again.settings.fileName() == settings.fileName()
    again.action_open.trigger()
    dialog = _open_dialog(qtbot, again)
    assert Path(dialog.directory().absolutePath()) == folder
    dialog.reject()


def test_a_role_window_left_open_gives_way_to_the_next_script(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    old = window.role_dialog
    assert old is not None
    qtbot.waitUntil(old.isVisible)
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_file(_sides(tmp_path))  # dropped on the window, say
    new = window.role_dialog
    assert new is not None
    assert new is not old
    qtbot.waitUntil(lambda: not shiboken6.isValid(old))  # closed: its parts are not here
    qtbot.waitUntil(new.isVisible)
    names = {new.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(new.list.count())}
    assert names == {"BOB", "ANNA"}
    QTest.keyClick(new.list, Qt.Key.Key_Return)
    assert window.controller is not None
    assert window.controller.role in {"BOB", "ANNA"}


def _welcome_text(welcome: FirstRunDialog) -> str:
    label = welcome.findChild(QLabel)
    assert label is not None
    return label.text()


def test_the_welcome_from_help_over_other_sides_opens_the_demo_it_offers(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.action_open.trigger()
    _pick(qtbot, window, _sides(tmp_path))
    if window.role_dialog is not None:
        window.role_dialog.reject()
    welcome = window.maybe_show_welcome(force=True)
    assert welcome is not None
    assert "open behind this window" not in _welcome_text(welcome), "Keys is open, not the demo"
    with qtbot.waitSignal(window.script_loaded, timeout=10_000) as loaded:
        QTest.mouseClick(welcome.try_demo, Qt.MouseButton.LeftButton)
    assert loaded.args is not None
    assert Path(loaded.args[1]).name == "demo-night-shift.fountain"


def test_the_welcome_over_the_demo_says_so_and_leaves_it_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    welcome = window.maybe_show_welcome(force=True)
    assert welcome is not None
    assert "open behind this window" in _welcome_text(welcome)
    with qtbot.assertNotEmitted(window.script_shown, wait=500):
        QTest.mouseClick(welcome.try_demo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.welcome_dialog is None)  # closed (and deleted)
    assert window.windowTitle().startswith("Night Shift")
