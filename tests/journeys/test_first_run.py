"""A new actor's first session: the welcome, their own sides, three lines, and the history.

The journey that failed on a hands-on run: the welcome's **Import my sides…** crashed and
left a role window for the demo scene behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rehearsal.ui.first_run import FirstRunDialog
from rehearsal.ui.history.history_window import HistoryWindow
from tests.journeys.harness import Journey

pytestmark = pytest.mark.gui

KITCHEN = """Title: Kitchen Table

INT. KITCHEN - NIGHT

MAYA
You kept the letter.

JONAH
I kept everything.

MAYA
Then give it back.

JONAH
It was never yours.

MAYA
It had my name on it.

JONAH
So did the house.

MAYA
Goodnight, Jonah.
"""


def write_sides(folder: Path) -> Path:
    """Sides an actor was sent, saved where they keep them."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kitchen-table.fountain"
    path.write_text(KITCHEN, encoding="utf-8")
    return path


def open_history(journey: Journey) -> HistoryWindow:
    """View ▸ History…, once the history is open; the window must come up."""
    journey.wait(lambda: journey.find_action("View", "History").isEnabled(), "History enabled")
    journey.menu("View", "History")
    return journey.dialog(HistoryWindow, "the History window")


def test_first_run_import_rehearse_quit_and_find_the_session(
    journey: Journey, tmp_path: Path
) -> None:
    sides = write_sides(tmp_path / "sides")
    window = journey.launch()
    welcome = journey.dialog(FirstRunDialog, "the welcome")
    # The actor reads the welcome; the demo scene opens behind it meanwhile.
    journey.wait(lambda: window.windowTitle().startswith("Night Shift"), "the demo behind")
    assert welcome.demo_open, "the welcome should say the demo is open behind it"
    journey.shot("welcome", welcome)
    with journey.file_dialog(sides):
        journey.click(journey.button(welcome, "Import my sides…"))
    journey.wait(lambda: window.windowTitle().startswith("Kitchen Table"), "the sides on screen")
    journey.choose_role("MAYA")
    journey.skip_check_in()
    journey.start_take()
    assert journey.say_my_lines(3) == 3
    journey.quit()

    journey.launch()
    history = open_history(journey)
    journey.wait(lambda: history.model.rowCount() == 1, "the session in the table")
    session = history.model.session_at(0)
    assert session is not None
    assert (session.script_title, session.role) == ("Kitchen Table", "MAYA")
    assert session.line_count >= 3
    journey.key(Qt.Key.Key_Escape, widget=history)
    journey.gone(history, "History to close on Esc")
