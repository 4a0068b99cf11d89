"""No speech engine: a whole rehearsal with the partners' lines shown as text.

The app decides at start whether the partner can be heard (eSpeak NG through pyttsx3, and
an audio output Qt can see). This journey runs where it cannot: PulseAudio is pointed at a
server that does not exist, so Qt lists no audio output, which is the app's own check
(``rehearsal.speech.availability``) — the path a machine without a sound device takes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rehearsal.engine.commands import State
from rehearsal.ui.first_run import FirstRunDialog
from tests.journeys.harness import SCENES, Journey

pytestmark = pytest.mark.gui

PLAY = SCENES / "demo-the-lighthouse-keepers.txt"


def test_a_whole_scene_without_a_voice(journey: Journey, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse/native")
    window = journey.launch(file=PLAY)
    welcome = journey.dialog(FirstRunDialog, "the welcome")
    journey.wait(lambda: "LIGHTHOUSE" in window.windowTitle(), "the play behind the welcome")
    journey.key(Qt.Key.Key_Escape, widget=welcome)  # read later
    journey.wait(lambda: window.services.speech_started, "the speech check")
    reason = window.services.speech().reason
    if reason is None:
        pytest.skip("this machine has a working voice and a sound device")
    journey.choose_role("NELL")
    journey.skip_check_in()
    journey.start_take()
    controller = window.controller
    assert controller is not None
    engine, screen = controller.engine, controller.screen
    notices = [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible() and label is not screen.status and reason in label.text()
    ]
    assert notices, f"nothing on screen says why the partner is silent ({reason})"
    shown: list[tuple[str, str]] = []  # (the caption, the status) of each partner line
    said = 0
    for _ in range(20_000):
        if engine.state is State.FINISHED:
            break
        if engine.state is State.WAITING:
            said += journey.say_my_lines(1)
        else:
            if engine.state is State.SPEAKING and (
                not shown or shown[-1][0] != screen.prompt.text()
            ):
                shown.append((screen.prompt.text(), screen.status.text()))
            journey.tick(0.5)
    assert engine.state is State.FINISHED
    assert said == 10  # every one of NELL's lines
    partners = [caption for caption, _ in shown]
    assert any(caption.startswith("MARGARET") for caption in partners)
    assert any(caption.startswith("ARTHUR") for caption in partners)
    for caption, status in shown:
        assert "speaking" not in status, f"{status!r} while {caption!r} was only shown"
        assert "not spoken" in status
