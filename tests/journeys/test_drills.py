"""An adjustment drill of three rated takes, then a cold read with the prep time from Settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rehearsal.engine.commands import DrillPhase, State
from rehearsal.ui.casting_dialog import CastingDialog
from rehearsal.ui.drill_setup import DrillSetupDialog
from rehearsal.ui.settings_dialog import SettingsDialog
from tests.journeys.harness import Journey

pytestmark = pytest.mark.gui

SCORE_KEYS = {3: Qt.Key.Key_3, 4: Qt.Key.Key_4, 5: Qt.Key.Key_5}


def run_drill(journey: Journey, scores: list[int], shoot_note: bool = False) -> list[int]:
    """Play the drill to its end: lines said, time passing, each take rated with a key."""
    controller = journey.win.controller
    assert controller is not None
    screen, engine = controller.screen, controller.engine
    given: list[int] = []
    for _ in range(20_000):
        drill = controller.drill
        if drill is None:
            return given
        if screen.rating_panel.is_waiting():
            score = scores[len(given) % len(scores)]
            journey.key(SCORE_KEYS[score], widget=screen)
            journey.wait(lambda: not screen.rating_panel.is_waiting(), "the rating to register")
            given.append(score)
        elif drill.phase in (DrillPhase.BRIEFING, DrillPhase.PREP):
            if shoot_note and screen.banner.isVisible():
                journey.shot("director-note")
                shoot_note = False
            journey.tick(1.0)
        elif engine.state is State.WAITING:
            journey.say_my_lines(1)
        else:
            journey.tick(0.5)
    raise AssertionError("the drill never ended")


def test_adjustment_drill_then_a_cold_read_with_the_prep_time_from_settings(
    journey: Journey,
) -> None:
    window = journey.launch()
    window.resize(1180, 820)
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()

    journey.in_main_window()
    journey.shortcut("Ctrl+Shift+V")  # how the partners sound
    voices = journey.dialog(CastingDialog, "the Voices window")
    journey.shot("voices", voices)
    journey.key(Qt.Key.Key_Escape, widget=voices)
    journey.gone(voices, "the Voices window to close")

    journey.in_main_window()
    journey.shortcut("Ctrl+D")
    setup = journey.dialog(DrillSetupDialog, "the drill setup")
    assert setup.takes.value() == 3
    journey.key(Qt.Key.Key_Return, widget=setup)  # Start
    journey.gone(setup, "the drill setup to close")
    assert run_drill(journey, [4, 3, 5], shoot_note=True) == [4, 3, 5]
    assert window.store is not None
    history = window.store.history

    def stored_scores() -> list[int]:
        drills = [s for s in history.list_sessions() if s.mode == "drill"]
        detail = history.session_detail(drills[0].id) if len(drills) == 1 else None
        return [r.score for r in detail.ratings] if detail is not None else []

    journey.wait(lambda: stored_scores() == [4, 3, 5], lambda: f"ratings saved: {stored_scores()}")
    drills = [s for s in history.list_sessions() if s.mode == "drill"]
    detail = history.session_detail(drills[0].id)
    assert detail is not None
    doubled = [n.text for n in detail.notes if n.text.count("Take ") > 1]
    assert not doubled, f"notes stored with the take prefix twice: {doubled}"

    journey.in_main_window()
    journey.shortcut("Ctrl+,")
    settings = journey.dialog(SettingsDialog, "Settings")
    settings.prep.setFocus()
    journey.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, widget=settings.prep)
    journey.type_text("15", widget=settings.prep)
    journey.shot("settings", settings)
    journey.key(Qt.Key.Key_Return, widget=settings.prep)  # OK
    journey.gone(settings, "Settings to close")
    assert window.prefs.prep_seconds == 15

    journey.in_main_window()
    journey.shortcut("Ctrl+Shift+D")
    cold = journey.dialog(DrillSetupDialog, "the cold-read setup")
    journey.shot("drill-setup", cold)
    assert cold.prep_seconds() == 15, "the prep time set in Settings"
    assert not window.rehearsal.view.isVisible(), "the page is readable behind the setup"
    journey.key(Qt.Key.Key_Return, widget=cold)
    journey.gone(cold, "the cold-read setup to close")
    controller = window.controller
    assert controller is not None
    journey.wait(lambda: controller.screen.clock.isVisible(), "the prep clock")
    assert controller.screen.clock.text() == "00:15"
    scroll = controller.screen.view.verticalScrollBar()
    assert scroll.value() == scroll.minimum(), "the prep page did not open at the top"
    assert len(run_drill(journey, [4])) >= 1
