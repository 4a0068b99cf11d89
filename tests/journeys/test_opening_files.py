"""The demo first, then the actor's own files, one right after the other."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rehearsal.engine.hiding import HideLevel
from tests.journeys.harness import SCENES, Journey

pytestmark = pytest.mark.gui

ROOF = """Title: Up on the Roof

EXT. ROOF - DAWN

ANNA
You came up.

BEN
You asked.

ANNA
I didn't think you'd hear.

BEN
I always hear.
"""


def test_demo_then_two_other_files_in_a_row(journey: Journey, tmp_path: Path) -> None:
    roof = tmp_path / "up-on-the-roof.fountain"
    roof.write_text(ROOF, encoding="utf-8")
    window = journey.launch()
    window.resize(1180, 820)
    journey.welcome_to_demo()
    journey.choose_role("NINA", shot="choose-role")
    journey.skip_check_in(shot="check-in")

    # Off book: first letters only (the My lines box, with the keyboard).
    screen = window.rehearsal
    screen.hide_level.setFocus()
    wanted = screen.hide_level.findData(HideLevel.FIRST_LETTERS.value)
    while screen.hide_level.currentIndex() != wanted:
        journey.key(Qt.Key.Key_Down, widget=screen.hide_level)
    journey.start_take()
    journey.say_my_lines(3)
    journey.shot("rehearsal")
    journey.key(Qt.Key.Key_Escape)  # Stop

    for path, role, title in (
        (roof, "BEN", "Up on the Roof"),
        (SCENES / "demo-the-inheritance.fdx", None, "The Inheritance"),
    ):
        previous_line = screen.prompt.text()
        journey.in_main_window()
        with journey.file_dialog(path):
            journey.shortcut("Ctrl+O")

        def shown(t: str = title) -> bool:
            return window.windowTitle().startswith(t)

        journey.wait(shown, f"{title} on screen")
        if role is None:
            role = script_first_character(journey)
        journey.choose_role(role)
        journey.skip_check_in()
        assert not previous_line or screen.prompt.text() != previous_line, (
            "the caption still shows the previous script's line"
        )
        journey.start_take()
        assert journey.say_my_lines(1) == 1
        journey.key(Qt.Key.Key_Escape)
    assert window.recent_files()[:2] == [str(SCENES / "demo-the-inheritance.fdx"), str(roof)]


def script_first_character(journey: Journey) -> str:
    """The first part the role window offers (the one an actor trying a file would take)."""
    from rehearsal.ui.role_dialog import RoleDialog

    dialog = journey.dialog(RoleDialog, "the role window")
    journey.wait(lambda: dialog.list.count() > 0, "the parts listed")
    return dialog.list.item(0).text().split(" ")[0]
