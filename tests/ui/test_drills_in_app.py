"""Drills run from the Drill menu: an adjustment drill and a cold read, end to end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rehearsal.engine.cold_read import ColdReadSettings
from rehearsal.engine.commands import DrillPhase, State
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drill_config import AdjustmentConfig, ColdReadConfig
from rehearsal.paths import Paths
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.ui.app import create_main_window
from rehearsal.ui.drill_setup import DrillKind
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.rehearsal_controller import RehearsalController
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui


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
            qtbot.mouseClick(screen.rating_panel.score_buttons[score], Qt.MouseButton.LeftButton)
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
    history = HistoryRepository(window.store.engine)
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
        qtbot.mouseClick(panel.score_buttons[4], Qt.MouseButton.LeftButton)
    window.close()
    assert window.store is not None
    history = HistoryRepository(window.store.engine)
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
    # The briefing outlasts the banner's old 2.5 s timer: ~1.3 s of words, then 1.5 s hold.
    win.prefs.rehearsal = win.prefs.rehearsal.with_changes(
        speech=False, note_hold_seconds=1.5, partner_words_per_minute=400.0
    )
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
    assert words * 60 / 400 + 1.5 > 2.6, "the note is too short to show the old defect"
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
