"""Drills run from the Drill menu: an adjustment drill and a cold read, end to end."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.engine.cold_read import ColdReadSettings
from rehearsal.engine.commands import DrillPhase, State
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drill_config import AdjustmentConfig, ColdReadConfig
from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.drill_setup import DrillKind, DrillSetupDialog
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.rehearsal_controller import RehearsalController
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui

WPM = 300.0  # the partner's pace for a text-only director note


@pytest.fixture
def window(qtbot: QtBot, paths: Paths, clock: FakeClock) -> MainWindow:
    win = create_main_window(paths)
    qtbot.addWidget(win)
    win.show()
    win.clock = clock
    with qtbot.waitSignal(win.script_loaded, timeout=10_000):
        win.open_demo()
    assert win.role_dialog is not None
    win.role_dialog.accept()
    return win


def _drive(qtbot: QtBot, controller: RehearsalController, clock: FakeClock, score: int) -> int:
    """Play the actor until the drill ends; returns how many ratings were given."""
    screen, engine = controller.screen, controller.engine
    ratings = 0
    controller.tick_timer.setInterval(1)
    for _ in range(20_000):
        drill = controller.drill
        if drill is None:
            return ratings
        if screen.rating_panel.is_waiting():
            QTest.mouseClick(screen.rating_panel.score_buttons[score], Qt.MouseButton.LeftButton)
            ratings += 1
        elif drill.phase in (DrillPhase.BRIEFING, DrillPhase.PREP) and ratings % 2 == 0:
            clock.advance(1.0)
            with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
                pass
        elif engine.state is State.WAITING:
            screen.action_done.trigger()
        else:
            clock.advance(0.5)
            with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
                pass
    raise AssertionError("the drill never ended")


def test_adjustment_drill_gives_notes_and_records_ratings(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    dialog = window.drills.open_setup(DrillKind.ADJUSTMENT)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    config = AdjustmentConfig(takes=2, policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0))
    controller = window.drills.start(config)
    assert controller is not None
    banner = controller.screen.banner
    assert banner.isVisible()
    assert banner.text().startswith("Take 1")
    with qtbot.waitSignal(controller.drill_finished, timeout=60_000) as finished:
        ratings = _drive(qtbot, controller, clock, 4)
    assert finished.args == [2]
    assert ratings == 2
    window.close()
    assert window.store is not None
    history = window.store.history
    sessions = history.list_sessions()
    drill_sessions = [s for s in sessions if s.mode == "drill"]
    assert len(drill_sessions) == 1
    detail = history.session_detail(drill_sessions[0].id)
    assert detail is not None
    assert [r.score for r in detail.ratings] == [4, 4]
    assert len(detail.notes) >= 2


def test_cold_read_counts_down_then_performs(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    config = ColdReadConfig(
        scene=0,
        label="Scene 1",
        settings=ColdReadSettings(prep_seconds=30, warning_seconds=10, second_take=False),
        hide_page=True,
        warning_tone=False,
    )
    controller = window.drills.start(config)
    assert controller is not None
    screen = controller.screen
    assert screen.clock.isVisible()
    assert screen.view.isVisible()  # the prep shows the page
    assert screen.clock.text() == "00:30"
    controller.tick_timer.setInterval(1)
    clock.advance(22)
    with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
        pass
    assert screen.clock.is_warning()
    with qtbot.waitSignal(controller.drill_finished, timeout=60_000):
        ratings = _drive(qtbot, controller, clock, 3)
    assert ratings == 1
    assert not screen.clock.isVisible()


def test_the_first_note_is_rated_and_stored_without_a_doubled_take_prefix(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    config = AdjustmentConfig(takes=1, policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0))
    controller = window.drills.start(config)
    assert controller is not None
    assert controller.drill is not None
    briefing = controller.drill.briefing
    assert briefing is not None
    note_text = briefing.note.text.strip()
    assert controller.screen.banner.text() == f"Take 1 — {note_text}"
    panel = controller.screen.rating_panel
    controller.tick_timer.setInterval(1)
    while not panel.is_waiting():
        if controller.engine.state is State.WAITING:
            controller.screen.action_done.trigger()
        clock.advance(0.5)
        with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
            pass
    assert panel.note_label.text() == f"Take 1 — “{note_text}”"
    with qtbot.waitSignal(controller.drill_finished, timeout=5000):
        QTest.mouseClick(panel.score_buttons[4], Qt.MouseButton.LeftButton)
    window.close()
    assert window.store is not None
    history = window.store.history
    session = next(s for s in history.list_sessions() if s.mode == "drill")
    detail = history.session_detail(session.id)
    assert detail is not None
    assert [n.text for n in detail.notes] == [note_text]


def test_the_note_banner_stays_up_until_the_take_starts(qtbot: QtBot, paths: Paths) -> None:
    """Real time on purpose: the banner used to be taken down by a wall-clock timer while
    the drill's briefing (the director's words, then a hold) was still running."""
    win = create_main_window(paths)
    qtbot.addWidget(win)
    win.show()
    # The briefing outlasts the banner's old 3 s timer (words, then a 2 s hold) by a little.
    win.prefs.rehearsal = win.prefs.rehearsal.with_changes(
        speech=False, note_hold_seconds=2.0, partner_words_per_minute=WPM
    )
    win.drills.rng = random.Random(5)
    with qtbot.waitSignal(win.script_loaded, timeout=10_000):
        win.open_demo()
    assert win.role_dialog is not None
    win.role_dialog.accept()
    config = AdjustmentConfig(takes=1, policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0))
    controller = win.drills.start(config)
    assert controller is not None
    assert controller.drill is not None
    briefing = controller.drill.briefing
    assert briefing is not None
    assert controller.engine.settings.speech is False
    words = len(briefing.spoken.split())
    assert 3.2 < words * 60 / WPM + 2.0 < 6, "pick another seed: the note does not fit"
    banner = controller.screen.banner
    seen: list[bool] = []  # the banner on every tick of the briefing, up to the take

    def on_tick() -> None:
        if controller.engine.take_number is None:
            seen.append(banner.isVisible())

    controller.tick_timer.timeout.connect(on_tick)
    assert banner.isVisible()
    with qtbot.waitSignal(controller.take_started, timeout=15_000):
        pass
    assert len(seen) > 10
    assert all(seen), f"the banner was gone for {seen.count(False)} ticks before the take"
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=1000)  # gone once the take runs
    win.close()


def _three_scenes(folder: Path) -> Path:
    """Sides long enough that each scene needs scrolling to."""
    parts = ["Title: Three Rooms\n"]
    for number, place in enumerate(("KITCHEN", "GARAGE", "ROOF"), start=1):
        parts.append(f"\nINT. {place} - NIGHT\n\nThey talk in the {place.lower()}.\n")
        for line in range(14):
            parts.append(f"\nALICE\nLine {line} of scene {number}, said by Alice.\n")
            parts.append(f"\nBOB\nLine {line} of scene {number}, answered by Bob.\n")
    path = folder / "three_rooms.fountain"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _type_into(qtbot: QtBot, box: QWidget, text: str) -> None:
    """Select what the box holds and type over it, then move on with Tab, like an actor."""
    window = box.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Tab)


def _set_prep_in_settings(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    _type_into(qtbot, dialog.prep, typed)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def _open_cold_read(qtbot: QtBot, window: MainWindow) -> DrillSetupDialog:
    window.drills.action_cold_read.trigger()
    dialog = window.drills.setup_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def test_cold_read_prep_comes_from_settings_and_the_last_choice_is_remembered(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _set_prep_in_settings(qtbot, window, "15")
    dialog = _open_cold_read(qtbot, window)
    assert dialog.prep.text() == "0:15"
    _type_into(qtbot, dialog.prep, "1:30")
    with qtbot.waitSignal(dialog.config_chosen, timeout=2000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    controller = window.controller
    assert controller is not None
    assert controller.screen.clock.text() == "01:30"
    with qtbot.waitSignal(controller.drill_finished, timeout=5000):
        controller.send_stop()
    again = _open_cold_read(qtbot, window)
    assert again.prep.text() == "1:30"  # the last choice wins over the Settings default
    again.reject()
    _set_prep_in_settings(qtbot, window, "45 s")
    latest = _open_cold_read(qtbot, window)
    assert latest.prep.text() == "0:45"  # ... until Settings are changed again
    latest.reject()


def test_the_page_is_hidden_while_a_cold_read_is_set_up_and_back_on_cancel(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = window.rehearsal
    assert screen.view.isVisible()
    dialog = _open_cold_read(qtbot, window)
    assert not screen.view.isVisible()
    assert screen.page_cover.isVisible()
    dialog.hide_page.click()  # the actor chose to see it
    assert screen.view.isVisible()
    dialog.hide_page.click()
    assert not screen.view.isVisible()
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert screen.view.isVisible()
    assert not screen.page_cover.isVisible()
    adjustment = window.drills.open_setup(DrillKind.ADJUSTMENT)
    assert adjustment is not None
    assert screen.view.isVisible()  # an adjustment drill is on the page the actor knows
    adjustment.reject()


def test_the_page_stays_hidden_until_the_prep_starts_then_opens_at_the_scene(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_file(_three_scenes(tmp_path))
    assert window.role_dialog is not None
    window.role_dialog.accept()
    first = window.controller
    assert first is not None
    view = window.rehearsal.view
    last = first.lines[-1].id
    view.highlight((last.scene, last.element))  # the actor ran the whole script: at its end
    assert view.verticalScrollBar().value() > 0
    dialog = _open_cold_read(qtbot, window)
    items = [
        dialog.scene_list.topLevelItem(i) for i in range(dialog.scene_list.topLevelItemCount())
    ]
    garage = next(i for i in items if i is not None and "GARAGE" in i.text(0))
    dialog.scene_list.setCurrentItem(garage)
    assert not view.isVisible()
    with qtbot.waitSignal(dialog.config_chosen, timeout=2000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert view.isVisible()  # the prep has started: the page is there to read
    heading = view.document().find("INT. GARAGE - NIGHT")
    assert not heading.isNull()
    top = view.cursorRect(heading).top()
    assert 0 <= top < view.viewport().height() // 3, "the scene's start is not in view"
    assert view.current() is None  # no line of the last run is still marked


def test_a_cold_read_without_prep_shows_the_page_for_the_take(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open_cold_read(qtbot, window)
    assert not window.rehearsal.view.isVisible()
    _type_into(qtbot, dialog.prep, "0")
    with qtbot.waitSignal(dialog.config_chosen, timeout=2000):
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    controller = window.controller
    assert controller is not None
    assert controller.screen.clock.text() == "00:00"  # straight to the perform clock
    assert controller.engine.take_number == 1
    assert window.rehearsal.view.isVisible()
    with qtbot.waitSignal(controller.drill_finished, timeout=5000):
        controller.send_stop()


def test_a_drill_after_other_takes_is_a_session_of_its_own(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """A cold read run after an adjustment drill on the same part is filed as a cold read,
    not as more takes of the drill's session (its mode is set by its first take)."""
    from rehearsal.store.records import SessionMode

    first = window.drills.start(
        AdjustmentConfig(takes=1, policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0))
    )
    assert first is not None
    with qtbot.waitSignal(first.drill_finished, timeout=60_000):
        _drive(qtbot, first, clock, 4)
    cold = ColdReadConfig(
        scene=0,
        label="Scene 1",
        settings=ColdReadSettings(prep_seconds=0, warning_seconds=0, second_take=False),
        hide_page=False,
        warning_tone=False,
    )
    second = window.drills.start(cold)
    assert second is not None
    assert second is not first
    with qtbot.waitSignal(second.drill_finished, timeout=60_000):
        _drive(qtbot, second, clock, 3)
    window._close_take_log()  # what the next rehearsal or closing the window does
    store = window.store
    assert store is not None
    qtbot.waitUntil(lambda: store.history.count_sessions() == 2, timeout=10_000)
    modes = sorted(s.mode for s in store.history.list_sessions())
    assert modes == sorted([SessionMode.DRILL, SessionMode.COLD_READ])


def test_the_end_of_a_drill_counts_its_takes_in_words(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    controller = window.drills.start(
        AdjustmentConfig(takes=1, policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0))
    )
    assert controller is not None
    with qtbot.waitSignal(controller.drill_finished, timeout=60_000):
        _drive(qtbot, controller, clock, 4)
    assert controller.screen.status.text() == "Drill over: 1 take."
