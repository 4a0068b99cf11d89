"""The role window: a chooser an actor can use with the keyboard, whatever the cast size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.script.model import Script
from rehearsal.ui.role_dialog import LIST_ROWS, RoleDialog
from tests.engine.builders import action, dlg, scene, script

pytestmark = pytest.mark.gui

NAMES = [f"SOLDIER {i}" for i in range(1, 45)] + ["EDWARD", "WILL", "SANDRA", "JENNY"]


def _big_cast() -> Script:
    elements = [dlg(name, "Hold the line.") for name in NAMES]
    elements += [dlg("WILL", "Dad."), dlg("WILL", "Again."), dlg("EDWARD AND WILL", "Together.")]
    return script(scene(action("Role: EDWARD"), *elements))


def _dialog(qtbot: QtBot, sides: Script, remembered: str | None = None) -> RoleDialog:
    dialog = RoleDialog(sides, remembered)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rows_in_view(dialog: RoleDialog) -> float:
    return dialog.list.viewport().height() / dialog.list.sizeHintForRow(0)


def _shown(dialog: RoleDialog) -> list[str]:
    items = [dialog.list.item(i) for i in range(dialog.list.count())]
    return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items if not item.isHidden()]


def test_a_big_cast_gets_a_proper_window_with_line_counts(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _big_cast())
    _, most = LIST_ROWS
    assert _rows_in_view(dialog) >= most  # a long list, as long as it can be
    assert not dialog.list.horizontalScrollBar().isVisible()
    assert len(_shown(dialog)) == 48  # every part, and the shared cue is not one
    assert "EDWARD AND WILL" not in _shown(dialog)
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(label.startswith("WILL") and "4 lines" in label for label in labels)
    assert any(label.startswith("EDWARD") and "1 shared" in label for label in labels)
    assert dialog.filter.isVisible()


def test_the_part_the_sides_name_is_preselected(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _big_cast())
    assert dialog.role() == "EDWARD"  # WILL has more lines, but the sides are for EDWARD
    again = _dialog(qtbot, _big_cast(), remembered="JENNY")
    assert again.role() == "JENNY"  # the part the actor chose last time wins


def test_type_to_filter_and_enter_to_choose(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _big_cast())
    dialog.list.setFocus()
    QTest.keyClicks(dialog.list, "sand")  # typing on the list goes to the filter
    assert dialog.filter.text() == "sand"
    assert _shown(dialog) == ["SANDRA"]
    assert dialog.role() == "SANDRA"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        QTest.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert dialog.role() == "SANDRA"


def test_arrow_keys_move_through_the_filtered_list(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _big_cast())
    dialog.filter.setFocus()
    QTest.keyClicks(dialog.filter, "soldier 1")
    shown = _shown(dialog)
    assert shown[0] == "SOLDIER 1"
    assert all(name.startswith("SOLDIER 1") for name in shown)
    QTest.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.role() == shown[1]
    QTest.keyClicks(dialog.filter, "zzz")
    assert _shown(dialog) == []
    assert dialog.role() is None
    assert not dialog.ok_button.isEnabled()


def test_a_small_cast_needs_no_filter(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, script(scene(dlg("BOB", "Hi."), dlg("ANNA", "Hi."))))
    assert dialog.filter.isHidden()
    fewest, _ = LIST_ROWS
    assert fewest <= _rows_in_view(dialog) < fewest + 1  # no tall empty list under two parts
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.role() == "BOB"
