"""A self-tape of the demo scene: Callback ▸ Self-Tape, Record, the scene, Stop, the take listed.

The journey machine has no camera and no microphone, so generated frames and a tone go in
their place, through the same capture session and recorder (the one thing set up by
hand). Everything else is the actor's: the menus, the Record button, Space at the end of
each of their lines, and the list of takes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from rehearsal.engine.commands import State
from rehearsal.tape.library import TapeLibrary, TapeTake
from rehearsal.ui.tape.capture import CaptureSource, GeneratedSource
from rehearsal.ui.tape.tape_prefs import TapePreferences
from rehearsal.ui.tape.tape_window import SourceProblem, TapeWindow
from tests.journeys.harness import Journey, left_line

pytestmark = pytest.mark.gui

FINISH_TIMEOUT = 90_000


def generated(prefs: TapePreferences, audio_only: bool) -> CaptureSource | SourceProblem:
    del prefs
    return GeneratedSource(QSize(640, 360), 30.0, realtime=True, video=not audio_only)


def test_a_self_tape_of_the_demo_is_recorded_and_listed(journey: Journey) -> None:
    window = journey.launch()
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()
    journey.in_main_window()
    window.tape.source_factory = generated  # the camera's and microphone's place
    journey.menu("Callback", "Self-Tape")
    tape = journey.dialog(TapeWindow, "the Self-Tape window")
    assert tape.capture is not None
    assert tape.preview.message == ""  # the picture, not a complaint
    journey.click(tape.slate_box)  # no slate: Settings has no name yet
    assert not tape.slate_box.isChecked()
    recorded: list[TapeTake] = []
    tape.take_recorded.connect(recorded.append)
    journey.click(tape.record_button)
    controller = window.controller
    assert controller is not None
    engine = controller.engine
    journey.wait(lambda: engine.state is not State.IDLE, "the scene to start with the recording")
    lines = 0
    for _ in range(2000):
        if engine.state is State.FINISHED or lines >= 3:
            break
        if engine.state is State.WAITING:
            line = engine.index
            journey.key(Qt.Key.Key_Space, widget=tape)
            journey.wait(left_line(engine, line), "the partner to come in after Space")
            lines += 1
        else:
            journey.tick()
    assert lines >= 1
    journey.click(tape.stop_button)
    journey.wait(lambda: recorded, "the take to be finished", timeout=FINISH_TIMEOUT)
    take = recorded[0]
    assert take.finished
    assert take.number == 1
    assert take.info.role == "NINA"
    assert [t.number for t in TapeLibrary(window.paths.data).takes()] == [1]
    journey.wait(lambda: "Take 1 saved" in tape.status.text(), "the window to say so")
    takes = tape.takes
    assert takes is not None
    journey.wait(lambda: takes.model.rowCount() == 1, "the take in the list beside the camera")
    assert [(t.number, t.finished) for t in takes.model.takes()] == [(1, True)]
    tape.close()
