"""The partner's voice in a real rehearsal: eSpeak NG renders, QMediaPlayer plays, on cue.

No sound card is needed: Qt plays to no device in real time and still reports the end of
each file, and the player runs faster than real time to keep the test short.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.paths import Paths
from rehearsal.script.loader import parse_bytes
from rehearsal.script.model import Script
from rehearsal.speech.render import inspect_wav
from rehearsal.ui.rehearsal_controller import RehearsalController
from rehearsal.ui.rehearsal_screen import RehearsalScreen
from rehearsal.ui.speech_support import SpeechSupport
from tests.speech.wav_tools import ENGINE_REASON

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(ENGINE_REASON is not None, reason=f"no speech engine: {ENGINE_REASON}"),
]

SCENE = b"""INT. KITCHEN - NIGHT

ANNA
You came back.

BOB
I forgot my keys.

ANNA
(whispering)
They're on the table.
"""


@pytest.fixture
def support(qtbot: QtBot, paths: Paths) -> Iterator[SpeechSupport]:
    speech = SpeechSupport(paths, force=True)
    assert speech.service is not None
    with qtbot.waitSignal(speech.service.ready, timeout=30_000):
        pass
    yield speech
    speech.close()
    qtbot.wait(50)  # let the event loop destroy the players (see PartnerPlayer.close)


def _script() -> Script:
    return parse_bytes(SCENE, ".fountain")


def test_the_partner_speaks_every_line_of_a_take(qtbot: QtBot, support: SpeechSupport) -> None:
    script = _script()
    reader = support.reader_for(script.characters, None, -1)
    assert reader is not None
    assert reader.voice_for("ANNA") != reader.voice_for("BOB")  # distinct voices
    assert support.player is not None
    support.player.setPlaybackRate(4.0)
    started: list[int] = []
    support.player.started.connect(started.append)
    screen = RehearsalScreen()
    qtbot.addWidget(screen)
    controller = RehearsalController(
        screen, script, "BOB", RehearsalSettings(response_seconds=0.0), reader=reader
    )
    with qtbot.waitSignal(controller.take_ended, timeout=30_000) as ended:
        screen.action_start.trigger()
        deadline = time.monotonic() + 25
        while controller.engine.state is not State.FINISHED and time.monotonic() < deadline:
            if controller.engine.state is State.WAITING:
                screen.action_done.trigger()
            qtbot.wait(20)
    assert len(started) == 2  # ANNA's two lines, nothing for BOB's own
    result = ended.args[0]
    assert result.completed
    spoken = [t for t in result.timings if not t.own]
    assert all(t.outcome.value == "spoken" for t in spoken)
    # the whispered line was rendered softer than the plain one
    service = support.service
    assert service is not None
    loud = service.ahead.path(reader.plan("You came back.", "ANNA", controller.lines[0]))
    soft = service.ahead.path(reader.plan("They're on the table.", "ANNA", controller.lines[2]))
    assert loud is not None
    assert soft is not None
    assert inspect_wav(soft).peak < inspect_wav(loud).peak


def test_a_director_note_is_spoken(qtbot: QtBot, support: SpeechSupport) -> None:
    reader = support.reader_for(["ANNA"], None, -1)
    assert reader is not None
    assert support.player is not None
    support.player.setPlaybackRate(4.0)
    with qtbot.waitSignal(reader.finished, timeout=20_000) as done:
        reader.speak_director(7, "Again, but you just found out she is lying.")
    assert done.args == [7]


def test_stop_cuts_the_voice_at_once(qtbot: QtBot, support: SpeechSupport) -> None:
    reader = support.reader_for(["ANNA"], None, -1)
    assert reader is not None
    player = support.player
    assert player is not None
    long_line = "This is a long line that goes on and on so that there is time to stop it. " * 4
    with qtbot.waitSignal(player.started, timeout=20_000):
        reader.speak(1, long_line, "ANNA", None)
    finished: list[int] = []
    reader.finished.connect(finished.append)
    reader.stop()
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=1000)
    assert finished == []
