"""The confidence bar and the fix-up editor in the app, driven by keys, on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from rehearsal.paths import Paths
from rehearsal.script.model import Dialogue, Script
from rehearsal.ui.app import create_main_window
from rehearsal.ui.fixup.dialogs import MergeDialog, SplitDialog
from rehearsal.ui.fixup.editor import FixupEditor
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.shortcuts_dialog import menu_shortcuts

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

SIDES = """INT. KITCHEN - DAY

MARY
Hello there. Come in.

MARRY
Hi.

MARY
Bye now.

JOHN
Yes.

Door slams.

JOHN
No.
"""


def _window(qtbot: QtBot, paths: Paths) -> MainWindow:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    return window


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> Script:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000) as loaded:
        window.open_file(path)
    if window.role_dialog is not None and isValid(window.role_dialog):
        window.role_dialog.reject()
    script: Script = loaded.args[0]
    return script


@pytest.fixture
def sides(tmp_path: Path) -> Path:
    path = tmp_path / "kitchen.fountain"
    path.write_text(SIDES, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, paths: Paths) -> Iterator[MainWindow]:
    win = _window(qtbot, paths)
    yield win
    win.close()


def _press(
    qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None
) -> None:
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    widget.setFocus()
    if modifier is None:
        QTest.keyClick(widget, key)
    else:
        QTest.keyClick(widget, key, modifier)


def _review(qtbot: QtBot, window: MainWindow) -> FixupEditor:
    bar = window.fixup.bar
    assert bar.isVisible()
    QTest.mouseClick(bar.review, Qt.MouseButton.LeftButton)
    editor = window.fixup.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible, timeout=5000)
    return editor


def _select_text(qtbot: QtBot, editor: FixupEditor, text: str) -> None:
    """Move to the line holding ``text`` with the arrow keys, as an actor would."""
    table = editor.table
    _press(qtbot, table, Qt.Key.Key_Home, CTRL)
    for _ in range(editor.model.rowCount()):
        row = editor.selected_rows()
        if row and row[0].text is not None and text in row[0].text:
            return
        QTest.keyClick(table, Qt.Key.Key_Down)
    raise AssertionError(f"no line holds {text!r}")


def _speeches(window: MainWindow) -> list[tuple[str, str]]:
    script = window.script_view.script
    assert script is not None
    return [(d.character, d.speech) for d in script.dialogues()]


def _saved(qtbot: QtBot, window: MainWindow, sides: Path, count: int) -> None:
    store = window.store
    assert store is not None
    data = sides.read_bytes()
    qtbot.waitUntil(lambda: len(store.find_corrections(data)) == count, timeout=5000)


def test_the_bar_says_what_to_check_and_review_opens_the_first_finding(
    qtbot: QtBot, window: MainWindow, sides: Path
) -> None:
    _open(qtbot, window, sides)
    bar = window.fixup.bar
    assert bar.isVisible()
    assert bar.label.text() == "1 thing to check in this import"
    editor = _review(qtbot, window)
    assert editor.findings.count() >= 1
    selected = editor.selected_rows()
    assert [r.character for r in selected] == ["MARRY"]  # the look-alike name's cue
    assert "MARY and MARRY look alike" in editor.message.text()


def test_a_clean_import_shows_no_bar(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    qtbot.waitUntil(lambda: window.fixup.session is not None, timeout=10_000)
    assert not window.fixup.bar.isVisible()


def test_make_speech_with_keys_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, sides: Path
) -> None:
    _open(qtbot, window, sides)
    editor = _review(qtbot, window)
    assert "Door slams." in window.script_view.toPlainText()
    _select_text(qtbot, editor, "Door slams.")
    QTest.keyClick(editor.table, Qt.Key.Key_5, CTRL)  # Make Speech
    assert ("JOHN", "Yes. Door slams.") in _speeches(window)
    assert [r.text for r in editor.selected_rows()] == ["Door slams."]  # selection kept
    assert editor.selected_rows()[0].kind.value == "speech"
    _saved(qtbot, window, sides, 1)
    editor.close()
    _press(qtbot, window.script_view, Qt.Key.Key_Z, CTRL)  # not on the page: nothing to see
    assert ("JOHN", "Yes. Door slams.") in _speeches(window)
    editor = _review(qtbot, window)
    _press(qtbot, editor.table, Qt.Key.Key_Z, CTRL)
    assert ("JOHN", "Yes.") in _speeches(window)
    _saved(qtbot, window, sides, 0)
    QTest.keyClick(editor.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert ("JOHN", "Yes. Door slams.") in _speeches(window)
    _saved(qtbot, window, sides, 1)


def test_merge_with_keys_updates_page_role_list_and_bar(
    qtbot: QtBot, window: MainWindow, sides: Path
) -> None:
    _open(qtbot, window, sides)
    editor = _review(qtbot, window)  # at the MARY/MARRY finding
    _press(qtbot, editor.table, Qt.Key.Key_M, CTRL)
    dialog = editor.findChild(MergeDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.names() == ["MARY", "MARRY"]
    assert dialog.name.text() == "MARY"
    _press(qtbot, dialog.name, Qt.Key.Key_Return)
    assert window.script_view.script is not None
    assert window.script_view.script.characters == ["MARY", "JOHN"]
    assert [editor.characters.item(i).text() for i in range(editor.characters.count())] == [
        "MARY — 3 lines",
        "JOHN — 2 lines",
    ]
    assert not window.fixup.bar.isVisible()  # nothing left to check
    window.ask_role()
    assert window.role_dialog is not None
    roles = [window.role_dialog.list.item(i).text() for i in range(window.role_dialog.list.count())]
    assert roles == ["MARY — 3 lines", "JOHN — 2 lines"]
    window.role_dialog.reject()


def test_split_join_and_leave_out_with_keys(qtbot: QtBot, window: MainWindow, sides: Path) -> None:
    _open(qtbot, window, sides)
    editor = _review(qtbot, window)
    _select_text(qtbot, editor, "Hello there.")
    QTest.keyClick(editor.table, Qt.Key.Key_K, CTRL)
    dialog = editor.findChild(SplitDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    _press(qtbot, dialog.text, Qt.Key.Key_End)
    for _ in range(len("Come in.")):
        QTest.keyClick(dialog.text, Qt.Key.Key_Left)
    QTest.keyClick(dialog.text, Qt.Key.Key_Tab)  # to "Said by", all of it selected
    assert dialog.speaker.hasFocus()
    QTest.keyClicks(dialog.speaker, "JOHN")
    QTest.keyClick(dialog.speaker, Qt.Key.Key_Return)
    assert _speeches(window)[:2] == [("MARY", "Hello there."), ("JOHN", "Come in.")]

    _select_text(qtbot, editor, "Come in.")
    QTest.keyClick(editor.table, Qt.Key.Key_J, CTRL)  # made by a split: undo it instead
    assert "undo the split" in editor.message.text()
    _select_text(qtbot, editor, "Hi.")
    QTest.keyClick(editor.table, Qt.Key.Key_J, CTRL)  # MARRY's "Hi." joins JOHN's speech
    assert _speeches(window)[1] == ("JOHN", "Come in. Hi.")

    _select_text(qtbot, editor, "Door slams.")
    QTest.keyClick(editor.table, Qt.Key.Key_Delete)
    assert "Door slams." not in window.script_view.toPlainText()
    _saved(qtbot, window, sides, 3)


def test_corrections_come_back_when_the_same_file_is_opened_after_a_restart(
    qtbot: QtBot, paths: Paths, sides: Path, tmp_path: Path
) -> None:
    first = _window(qtbot, paths)
    _open(qtbot, first, sides)
    editor = _review(qtbot, first)
    _select_text(qtbot, editor, "Door slams.")
    QTest.keyClick(editor.table, Qt.Key.Key_5, CTRL)
    _saved(qtbot, first, sides, 1)
    first.close()

    moved = tmp_path / "elsewhere" / "same-sides.fountain"
    moved.parent.mkdir()
    moved.write_bytes(sides.read_bytes())
    second = _window(qtbot, paths)
    try:
        script = _open(qtbot, second, moved)
        speeches = [(d.character, d.speech) for d in script.dialogues()]
        assert ("JOHN", "Yes. Door slams.") in speeches
        assert ("JOHN", "Yes. Door slams.") in _speeches(second)
        session = second.fixup.session
        assert session is not None
        assert len(session.corrections) == 1
        assert any(isinstance(e, Dialogue) for e in session.raw.scenes[0].elements)
        assert "Door slams." in [
            getattr(e, "text", None) for e in session.raw.scenes[0].elements
        ]  # the import as read is kept apart
        reopened = second.fixup.open_editor()
        assert reopened is not None
        _press(qtbot, reopened.table, Qt.Key.Key_Z, CTRL)  # undo reaches the earlier change
        assert ("JOHN", "Yes.") in _speeches(second)
    finally:
        second.close()


def test_every_fixup_action_has_a_key_in_the_shortcut_list(window: MainWindow) -> None:
    listed = {(menu, action): keys for menu, action, keys in menu_shortcuts(window.menuBar())}
    assert listed[("File", "Paste Sides")] == "Ctrl+Alt+V"
    assert listed[("Script", "Fix Import…")] == "Ctrl+Shift+F"
    for action in (
        "Make Heading",
        "Make Action",
        "Make Cue",
        "Make Parenthetical",
        "Make Speech",
        "Make Transition",
        "Merge or Rename Characters…",
        "Split Speech…",
        "Join to Speech Before",
        "Leave Out of the Sides",
        "Undo Correction",
        "Redo Correction",
        "Next Thing to Check",
    ):
        assert ("Script", action) in listed, action
    keys = list(listed.values())
    assert len(keys) == len(set(keys)), "two actions share a key"


def test_paste_sides_imports_the_clipboard_like_a_file(
    qtbot: QtBot, window: MainWindow, paths: Paths
) -> None:
    play = "ACT I\n\nHAMLET. Who's there?\n\nHORATIO. Friends to this ground.\n\n" * 2
    QApplication.clipboard().setText(play)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(window.script_loaded, timeout=10_000) as loaded:
        QTest.keyClick(window, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.AltModifier)
    script: Script = loaded.args[0]
    assert script.title == "ACT I"
    assert script.characters == ["HAMLET", "HORATIO"]
    assert window.windowTitle().startswith("ACT I")
    stored = list((paths.data / "pasted").iterdir())
    assert len(stored) == 1
    assert stored[0].read_text(encoding="utf-8") == play
    store = window.store
    assert store is not None
    assert [info.title for info in store.list_scripts()] == ["ACT I"]
    if window.role_dialog is not None:
        window.role_dialog.reject()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        assert window.fixup.paste_sides()
    assert len(list((paths.data / "pasted").iterdir())) == 1  # same content, same file


def test_pasting_nothing_says_so(window: MainWindow) -> None:
    QApplication.clipboard().setText("  \n")
    assert not window.fixup.paste_sides()
    assert "no text" in window.statusBar().currentMessage()


def test_the_part_being_played_is_set_up_again_when_the_editor_closes(
    qtbot: QtBot, window: MainWindow, sides: Path
) -> None:
    _open(qtbot, window, sides)
    window.choose_role("JOHN")
    assert window.controller is not None
    checkin = window.prep.checkin_dialog
    if checkin is not None and isValid(checkin):
        checkin.reject()  # asked before the first rehearsal; not what this test is about
    editor = _review(qtbot, window)
    _select_text(qtbot, editor, "Door slams.")
    QTest.keyClick(editor.table, Qt.Key.Key_5, CTRL)
    assert ("JOHN", "Yes. Door slams.") in _speeches(window)
    assert window.controller is None  # the old script's run is over
    _press(qtbot, editor.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.controller is not None, timeout=5000)
    assert window.controller is not None
    assert window.controller.role == "JOHN"
    assert ("JOHN", "Yes. Door slams.") in [
        (d.character, d.speech) for d in window.controller.script.dialogues()
    ]


def test_corrections_shown_once_the_history_opens_after_the_page(
    qtbot: QtBot, paths: Paths, sides: Path, tmp_path: Path
) -> None:
    from rehearsal.script.corrections import RenameCharacter
    from rehearsal.script.loader import load_script
    from rehearsal.ui.app import build_main_window
    from rehearsal.ui.store_opener import open_store_or_explain

    store, _ = open_store_or_explain(paths)
    assert store is not None
    script_id = store.import_script(load_script(sides), sides, sides.read_bytes())
    store.save_corrections(script_id, (RenameCharacter("JOHN", "JACK"),))
    store.close()
    window = build_main_window(paths)  # as launched: the history opens after the page
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.script_shown, timeout=10_000) as shown:
            window.open_file(sides)
        assert "JOHN" in shown.args[0].characters  # the page came first
        broken = tmp_path / "broken.fdx"
        broken.write_text("<FinalDraft><Content><Paragraph>", encoding="utf-8")
        with qtbot.waitSignal(window.import_failed, timeout=10_000):
            window.open_file(broken)  # fails: the kitchen stays on screen
        with qtbot.waitSignal(window.script_loaded, timeout=20_000):
            window.services.start()
        qtbot.waitUntil(lambda: window.fixup.session is not None, timeout=10_000)
        script = window.script_view.script
        assert script is not None
        assert "JACK" in script.characters
        assert "JOHN" not in script.characters
        assert window.fixup.bar.isVisible()  # MARY/MARRY are still to check
    finally:
        window.close()
