"""The main window: opening files in the background, errors, recent files, drag-and-drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.script.model import Dialogue
from rehearsal.ui.app import create_main_window, demo_scene_path
from rehearsal.ui.main_window import MainWindow
from tests.ui.pages import current_page

pytestmark = pytest.mark.gui

SCENE = """Title: Keys

INT. KITCHEN - NIGHT

Rain on the window.

BOB
(quietly)
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


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_file(path)


def test_starts_on_the_welcome_page(window: MainWindow) -> None:
    assert current_page(window) is window.welcome


def test_opens_a_script_and_shows_it_like_a_screenplay(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    _open(qtbot, window, path)
    view = window.script_view
    assert current_page(window) is window.rehearsal
    text = view.toPlainText()
    assert "INT. KITCHEN - NIGHT" in text
    assert "(quietly)" in text
    assert "You came back." in text
    assert window.windowTitle().startswith("Keys")
    assert window.recent_files()[0] == str(path)


def test_demo_scene_opens(qtbot: QtBot, window: MainWindow) -> None:
    assert demo_scene_path().exists()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000) as blocker:
        window.open_demo()
    script = blocker.args[0]
    assert len(script.characters) >= 2
    assert sum(isinstance(e, Dialogue) for s in script.scenes for e in s.elements) >= 10


def test_a_bad_file_gets_a_message_naming_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 50)
    with qtbot.waitSignal(window.import_failed, timeout=10_000) as blocker:
        window.open_file(path)
    message = blocker.args[0]
    assert str(path) in message
    assert "binary" in message
    box = window.findChild(QMessageBox, "import_error_box")
    assert box is not None
    assert box.isVisible()
    assert str(path) in box.text()
    box.close()
    assert window.recent_files() == []


def test_dropping_a_file_opens_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.fountain"
    path.write_text(SCENE, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.dropEvent(event)
    assert "You came back." in window.script_view.toPlainText()


def test_recent_files_survive_a_restart(
    qtbot: QtBot, window: MainWindow, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    _open(qtbot, window, path)
    window.close()
    again = create_main_window(paths)
    qtbot.addWidget(again)
    assert again.recent_files() == [str(path)]
    assert [a.toolTip() for a in again.recent_menu.actions()] == [str(path)]


def test_highlight_follows_the_current_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    _open(qtbot, window, path)
    view = window.script_view
    keys = view.element_keys()
    speech_keys = [k for k in keys if "came back" in view.element_text(k)]
    assert len(speech_keys) == 1
    view.highlight(speech_keys[0])
    assert view.current() == speech_keys[0]
    selection = view.extraSelections()[0]
    assert "You came back." in selection.cursor.selectedText()


def test_a_new_script_disables_the_rehearse_menu_until_a_part_is_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000) as loaded:
        window.open_demo()
    window.choose_role(loaded.args[0].characters[0])
    assert window.rehearse_menu.isEnabled()
    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    _open(qtbot, window, path)
    assert not window.rehearse_menu.isEnabled(), "Voices… would cast the new script unsaved"
    window.choose_role("ANNA")
    assert window.rehearse_menu.isEnabled()
