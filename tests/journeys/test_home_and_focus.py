"""The home an actor comes back to, and the page in focus mode.

A first evening: the demo, a few lines, the options folded away, a run in focus mode; the
next launch opens on the home, which knows the script and the time spent, and one key
takes the actor back to it with the options as they left them.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSize, Qt

from rehearsal.engine.commands import State
from tests.journeys.harness import Journey
from tests.ui.pages import current_page

pytestmark = pytest.mark.gui


def window_size() -> QSize:
    """The size the screenshots are taken at (``packaging/screenshots.py --size``)."""
    width, _, height = os.environ.get("REHEARSAL_SCREENSHOT_SIZE", "1280x720").partition("x")
    return QSize(int(width), int(height))


def test_focus_mode_then_home_after_a_restart(journey: Journey) -> None:
    window = journey.launch()
    window.resize(window_size())
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()
    screen = window.rehearsal
    assert screen.options_panel.isVisible()

    journey.start_take()
    journey.say_my_lines(2)
    journey.shot("rehearsal-screen")
    journey.key(Qt.Key.Key_F9, widget=screen)  # fold the options away
    assert not screen.options_panel.isVisible()

    journey.key(Qt.Key.Key_F11, widget=screen)
    journey.wait(window.isFullScreen, "full screen")
    assert not window.menuBar().isVisible()
    assert not screen.toolbar.isVisible()
    journey.say_my_lines(1)
    journey.wait(lambda: screen.focus_header.speaker.text() != "", "the speaker")
    journey.shot("focus-mode")
    journey.key(Qt.Key.Key_Escape, widget=screen)  # leaves focus mode, the take goes on
    journey.wait(lambda: not window.isFullScreen(), "the window back")
    controller = window.controller
    assert controller is not None
    assert controller.engine.state is not State.IDLE
    journey.key(Qt.Key.Key_Escape, widget=screen)  # now Stop
    journey.wait(lambda: controller.engine.state is State.IDLE, "the take to stop")
    journey.quit()

    window = journey.launch()
    window.resize(window_size())
    home = window.home
    assert current_page(window) is home
    journey.wait(lambda: home.digest is not None, "the home to read the history")
    assert [row.accessibleName() for row in home.recent_rows()] == ["Night Shift"]
    assert "NINA" in home.recent_rows()[0].accessibleDescription()
    assert "this week" in home.week_detail.text()
    journey.shot("home")
    journey.key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier, widget=home)
    journey.wait(lambda: window.windowTitle().startswith("Night Shift"), "the script again")
    journey.choose_role("NINA")
    journey.skip_check_in()  # a new launch: the check-in is offered again
    assert not window.rehearsal.options_panel.isVisible()  # as the actor left it
    journey.in_main_window()
    journey.menu("View", "Home")
    assert current_page(window) is home
    journey.key(Qt.Key.Key_Escape, widget=home)  # back to the script
    assert current_page(window) is window.rehearsal
