"""Microphone level: the dB scale, and a clean fallback where there is no microphone."""

from __future__ import annotations

import array
import math

import pytest
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from rehearsal.ui.mic_level import MicrophoneLevel, VoiceLevelWait, rms_level


def _tone(amplitude: float, count: int = 1600) -> bytes:
    samples = array.array("h", (int(amplitude * 32767 * math.sin(i / 5)) for i in range(count)))
    return samples.tobytes()


def test_silence_is_zero() -> None:
    assert rms_level(bytes(3200)) == 0.0
    assert rms_level(b"") == 0.0


def test_louder_is_higher_on_a_db_scale() -> None:
    quiet, speech, loud = rms_level(_tone(0.003)), rms_level(_tone(0.1)), rms_level(_tone(0.9))
    assert 0.0 < quiet < speech < loud <= 1.0
    assert speech > 0.5


@pytest.mark.gui
def test_start_reports_clearly_when_there_is_no_microphone(qtbot: QtBot) -> None:
    mic = MicrophoneLevel()
    messages: list[str] = []
    mic.unavailable.connect(messages.append)
    started = mic.start()
    if started:  # a machine with a microphone: levels arrive
        with qtbot.waitSignal(mic.level, timeout=3000):
            pass
    else:
        assert messages
        assert "microphone" in messages[0].lower()
    mic.stop()


@pytest.mark.gui
def test_the_voice_wait_shows_its_meter_only_while_a_microphone_delivers(qtbot: QtBot) -> None:
    meter = QProgressBar()
    qtbot.addWidget(meter)
    meter.show()
    wait = VoiceLevelWait(meter)
    messages: list[str] = []
    wait.unavailable.connect(messages.append)
    wait.set_listening(True)
    if messages:  # no microphone here (CI): said once, released, no meter
        assert "microphone" in messages[0].lower()
        assert not wait.listening
        assert not meter.isVisible()
    else:  # a microphone: its levels reach the meter and the rehearsal
        with qtbot.waitSignal(wait.level, timeout=3000) as heard:
            pass
        assert meter.isVisible()
        assert meter.value() == int(heard.args[0] * 100)
    wait.set_listening(False)
    assert not wait.listening
    assert not meter.isVisible()
