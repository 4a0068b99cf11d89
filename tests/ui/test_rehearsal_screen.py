"""The rehearsal screen end to end: open the demo, pick a role, run the scene to its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.engine.hiding import HIDDEN, HideLevel, first_letters
from rehearsal.engine.settings import WaitMode
from rehearsal.engine.timing import MemoryRecorder
from rehearsal.paths import Paths
from rehearsal.script.loader import load_script
from rehearsal.ui.app import create_main_window, demo_scene_path
from rehearsal.ui.listening.sources import microphone_present
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.rehearsal_controller import RehearsalController
from rehearsal.ui.rehearsal_screen import RehearsalScreen
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: QtBot) -> RehearsalScreen:
    widget = RehearsalScreen()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _controller(
    screen: RehearsalScreen, clock: FakeClock, recorder: MemoryRecorder | None = None
) -> RehearsalController:
    script = load_script(demo_scene_path())
    role = max(script.characters, key=lambda name: script.line_counts()[name])
    controller = RehearsalController(screen, script, role, clock=clock, recorder=recorder)
    controller.tick_timer.setInterval(1)  # the fake clock does the waiting, not the test
    return controller


def _one_tick(qtbot: QtBot, controller: RehearsalController) -> None:
    with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
        pass


def _run_to_end(
    qtbot: QtBot, controller: RehearsalController, clock: FakeClock, press_keys: bool
) -> list[int]:
    """Drive a take with the fake clock; returns the line indices the screen showed."""
    engine, screen = controller.engine, controller.screen
    shown: list[int] = []
    screen.action_start.trigger()
    for _ in range(5000):
        if engine.state is State.FINISHED:
            break
        key = screen.view.current()
        line = engine.line
        assert line is not None
        assert key == (line.id.scene, line.id.element)  # the highlight follows the run
        if not shown or shown[-1] != engine.index:
            shown.append(engine.index)
        if engine.state is State.WAITING and press_keys:
            screen.action_done.trigger()
            continue
        clock.advance(0.5)
        _one_tick(qtbot, controller)
    assert engine.state is State.FINISHED
    return shown


def test_key_mode_runs_the_scene_to_the_end(
    qtbot: QtBot, screen: RehearsalScreen, clock: FakeClock
) -> None:
    recorder = MemoryRecorder()
    controller = _controller(screen, clock, recorder)
    with qtbot.waitSignal(controller.take_ended, timeout=60_000) as ended:
        shown = _run_to_end(qtbot, controller, clock, press_keys=True)
    assert shown == list(range(len(controller.lines)))
    result = ended.args[0]
    assert result.completed
    own = [t for t in result.timings if controller.lines[t.index].own]
    assert len(own) == sum(1 for line in controller.lines if line.own)
    assert [r.info.number for r in recorder.ended] == [1]
    assert len(recorder.lines) == len(controller.lines)
    assert "done" in screen.status.text().lower() or "end" in screen.status.text().lower()


def test_timed_mode_needs_no_key_at_all(
    qtbot: QtBot, screen: RehearsalScreen, clock: FakeClock
) -> None:
    controller = _controller(screen, clock)
    screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(WaitMode.TIMED.value))
    assert controller.engine.settings.wait_mode is WaitMode.TIMED
    with qtbot.waitSignal(controller.take_ended, timeout=60_000):
        shown = _run_to_end(qtbot, controller, clock, press_keys=False)
    assert shown == list(range(len(controller.lines)))


def test_the_run_options_are_greyed_while_no_rehearsal_drives_the_screen(
    screen: RehearsalScreen, clock: FakeClock
) -> None:
    options = (screen.wait_mode, screen.hide_level, screen.response, screen.wpm, screen.speed)
    assert not any(widget.isEnabled() for widget in options)  # no role chosen yet
    controller = _controller(screen, clock)
    assert all(widget.isEnabled() for widget in options)
    assert not screen.first_words.isEnabled()  # only for "first words"
    controller.disconnect_screen()  # another script opens: its role is not chosen yet
    assert not any(widget.isEnabled() for widget in (*options, screen.first_words))


def test_listen_for_my_voice_opens_the_microphone_or_falls_back_to_the_key(
    qtbot: QtBot, screen: RehearsalScreen, clock: FakeClock
) -> None:
    controller = _controller(screen, clock)
    screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(WaitMode.VOICE.value))
    if microphone_present():
        assert controller.voice.listening
        assert controller.engine.settings.wait_mode is WaitMode.VOICE
        with qtbot.waitSignal(controller.voice.level, timeout=3000):
            pass
        assert screen.level_meter.isVisible()
    else:  # CI: said in words, the key takes over, nothing left open
        qtbot.waitUntil(lambda: controller.engine.settings.wait_mode is WaitMode.KEY)
        assert "The partner waits for your key instead." in screen.status.text()
        assert screen.wait_mode.currentData() == WaitMode.KEY.value
        assert not controller.voice.listening
        assert not screen.level_meter.isVisible()
    controller.disconnect_screen()
    assert not controller.voice.listening


def test_hiding_levels_change_what_the_page_shows(
    screen: RehearsalScreen, clock: FakeClock
) -> None:
    controller = _controller(screen, clock)
    own = next(line for line in controller.lines if line.own and len(line.text.split()) > 4)
    key = (own.id.scene, own.id.element)
    view = screen.view
    assert own.parts[-1].text in view.element_text(key)

    screen.hide_level.setCurrentIndex(screen.hide_level.findData(HideLevel.FIRST_LETTERS.value))
    speech = [p.text for p in own.parts if p.kind.value == "speech"]
    assert first_letters(speech[0]) in view.element_text(key)
    assert speech[0] not in view.element_text(key)

    screen.hide_level.setCurrentIndex(screen.hide_level.findData(HideLevel.CUE_ONLY.value))
    assert HIDDEN in view.element_text(key)
    assert speech[0] not in view.element_text(key)

    partner = next(line for line in controller.lines if not line.own)
    assert partner.parts[-1].text in view.element_text((partner.id.scene, partner.id.element))


def test_reveal_shows_the_hidden_line(screen: RehearsalScreen, clock: FakeClock) -> None:
    controller = _controller(screen, clock)
    screen.hide_level.setCurrentIndex(screen.hide_level.findData(HideLevel.CUE_ONLY.value))
    first_own = next(line for line in controller.lines if line.own)
    key = (first_own.id.scene, first_own.id.element)
    speech = next(p.text for p in first_own.parts if p.kind.value == "speech")
    assert speech not in screen.view.element_text(key)
    screen.action_reveal.trigger()
    assert speech in screen.view.element_text(key)


def test_pause_and_skip(qtbot: QtBot, screen: RehearsalScreen, clock: FakeClock) -> None:
    controller = _controller(screen, clock)
    screen.action_start.trigger()
    assert controller.engine.state is not State.IDLE
    first = controller.engine.index
    screen.action_skip.trigger()
    assert controller.engine.index == first + 1
    screen.action_pause.trigger()
    assert controller.engine.paused
    assert screen.action_pause.text() == "Resume"
    screen.action_pause.trigger()
    assert not controller.engine.paused
    screen.action_stop.trigger()
    assert controller.engine.state in (State.IDLE, State.FINISHED)


def test_opening_sides_asks_for_a_role_then_rehearses(
    qtbot: QtBot, paths: Paths, tmp_path: Path
) -> None:
    window: MainWindow = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    dialog = window.role_dialog
    assert dialog is not None
    assert dialog.isVisible()
    script = window._script
    assert script is not None
    assert dialog.list.count() == len(script.characters)
    dialog.list.setCurrentRow(1)
    chosen = dialog.role()
    dialog.accept()
    assert window.controller is not None
    assert window.controller.role == chosen
    assert window.rehearse_menu.isEnabled()
    shortcuts = {a.text(): a.shortcut().toString() for a in window.rehearse_menu.actions()}
    assert shortcuts["Done"] == "Space"


def test_a_take_in_the_window_lands_in_the_history(
    qtbot: QtBot, paths: Paths, clock: FakeClock
) -> None:
    window: MainWindow = create_main_window(paths)
    qtbot.addWidget(window)
    assert window.store is not None
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    assert window.role_dialog is not None
    window.clock = clock
    window.role_dialog.accept()
    controller = window.controller
    assert controller is not None
    controller.tick_timer.setInterval(1)
    _run_to_end(qtbot, controller, clock, press_keys=True)
    window.close()  # ends the session and drains the writer

    from rehearsal.store.history_cli import print_history

    text = print_history(paths, limit=5)
    assert "Night Shift" in text
    assert controller.role is not None
    assert controller.role in text

    again = create_main_window(paths)
    qtbot.addWidget(again)
    again.open_history()
    assert again.history_window is not None
    assert again.history_window.isVisible()
    again.close()


def test_a_reveal_ends_when_the_line_is_passed_and_never_outlives_the_loop(
    qtbot: QtBot, screen: RehearsalScreen, clock: FakeClock
) -> None:
    controller = _controller(screen, clock)
    screen.hide_level.setCurrentIndex(screen.hide_level.findData(HideLevel.CUE_ONLY.value))
    engine = controller.engine
    own_indices = [i for i, line in enumerate(controller.lines) if line.own][:2]
    first = controller.lines[own_indices[0]]
    key = (first.id.scene, first.id.element)
    speech = next(p.text for p in first.parts if p.kind.value == "speech")
    screen.action_start.trigger()
    screen.action_loop_clear.trigger()
    for _ in range(2000):  # run until the actor's first line is up
        if engine.state is State.WAITING and engine.index == own_indices[0]:
            break
        clock.advance(0.5)
        _one_tick(qtbot, controller)
    # Loop this stretch: from the top to the actor's first line.
    screen.action_loop_end.trigger()
    QTest.keyClick(screen, Qt.Key.Key_R)
    assert speech in screen.view.element_text(key)
    assert speech in screen.prompt.text()
    QTest.keyClick(screen, Qt.Key.Key_Space)  # said: the run goes on to the top of the loop
    for _ in range(2000):
        if engine.state is State.WAITING and engine.index == own_indices[0]:
            break
        clock.advance(0.5)
        _one_tick(qtbot, controller)
    assert engine.index == own_indices[0]
    assert speech not in screen.view.element_text(key)  # the next pass is off book again
    assert speech not in screen.prompt.text()
