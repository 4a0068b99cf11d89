"""Tape mode records real takes through the window's own code path, without a camera.

Generated frames and sound go through ``QVideoFrameInput`` and ``QAudioBufferInput`` into
the window's capture session (what a camera and microphone would feed); the reader is the
rehearsal controller's real reader (eSpeak NG rendering, Qt playing); the finishing is the
core's, in its child process. The finished files are read back with PyAV.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.paths import Paths
from rehearsal.script.loader import parse_bytes
from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from rehearsal.tape.slate import SlateInfo
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.qt_player import PartnerPlayer
from rehearsal.ui.rehearsal_controller import RehearsalController
from rehearsal.ui.rehearsal_screen import RehearsalScreen
from rehearsal.ui.speech_support import SpeechSupport
from rehearsal.ui.tape.capture import CaptureSource, GeneratedSource
from rehearsal.ui.tape.take_recording import Phase
from rehearsal.ui.tape.tape_prefs import (
    TapePreferences,
    load_tape_preferences,
    save_tape_preferences,
)
from rehearsal.ui.tape.tape_window import (
    SourceFactory,
    SourceProblem,
    TapeWindow,
    device_source,
    no_camera,
)
from tests.speech.wav_tools import ENGINE_REASON

pytestmark = pytest.mark.gui

SCENE = b"""INT. KITCHEN - NIGHT

ANNA
You came back.

BOB
I forgot my keys.

ANNA
They're on the table.
"""
FINISH_TIMEOUT = 90_000  # ms: encoding H.264 on a loaded 2-core machine


class Host:
    """The main window's part for tape mode: the rehearsal, and what the take is for."""

    def __init__(self, controller: RehearsalController | None) -> None:
        self._controller = controller

    def controller(self) -> RehearsalController | None:
        return self._controller

    def take_info(self, audio_only: bool) -> TakeInfo:
        return TakeInfo("Keys", "BOB", "Keys", None, audio_only)

    def slate_info(self, prefs: TapePreferences) -> SlateInfo:
        return SlateInfo(prefs.actor_name, "Bob", "Keys", prefs.agency, prefs.height)


def generated(prefs: TapePreferences, audio_only: bool) -> CaptureSource | SourceProblem:
    """Generated frames in the camera's place, a tone in the microphone's."""
    del prefs
    return GeneratedSource(QSize(640, 360), 30.0, realtime=True, video=not audio_only)


def without_camera(prefs: TapePreferences, audio_only: bool) -> CaptureSource | SourceProblem:
    """A machine with a microphone (a tone here) and no camera."""
    del prefs
    return GeneratedSource(realtime=True, video=False) if audio_only else no_camera()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    prefs = TapePreferences(actor_name="Maya Okafor", agency="Blue Door", slate_card_seconds=1.0)
    save_tape_preferences(store, prefs)
    return store


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    background = BackgroundRunner(name="tape test")
    yield background
    background.shutdown()


def _window(
    qtbot: QtBot,
    paths: Paths,
    settings: QSettings,
    runner: BackgroundRunner,
    host: Host,
    factory: SourceFactory,
    player: PartnerPlayer | None = None,
) -> TapeWindow:
    window = TapeWindow(
        TapeLibrary(paths.data), settings, runner, host, player, source_factory=factory
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _streams(path: Path) -> dict[str, tuple[str, float, int, int]]:
    with av.open(str(path)) as container:
        found: dict[str, tuple[str, float, int, int]] = {}
        for stream in container.streams:
            time_base = stream.time_base
            assert time_base is not None, f"stream {stream.index} of {path} has no time base"
            duration = float(stream.duration * time_base) if stream.duration else 0.0
            width = getattr(stream.codec_context, "width", 0) or 0
            height = getattr(stream.codec_context, "height", 0) or 0
            found[stream.type] = (stream.codec_context.name, duration, width, height)
        return found


@pytest.fixture
def speech(qtbot: QtBot, paths: Paths) -> Iterator[SpeechSupport]:
    if ENGINE_REASON is not None:
        pytest.skip(f"no speech engine: {ENGINE_REASON}")
    support = SpeechSupport(paths, force=True)
    assert support.service is not None
    with qtbot.waitSignal(support.service.ready, timeout=30_000):
        pass
    yield support
    support.close()
    qtbot.wait(50)  # the players are destroyed from the event loop


def test_a_take_with_slate_and_reader_is_recorded_and_finished(
    qtbot: QtBot,
    paths: Paths,
    settings: QSettings,
    runner: BackgroundRunner,
    speech: SpeechSupport,
) -> None:
    script = parse_bytes(SCENE, ".fountain")
    reader = speech.reader_for(script.characters, None, -1)
    assert reader is not None
    player = speech.player
    assert player is not None
    player.setPlaybackRate(2.0)
    screen = RehearsalScreen()
    qtbot.addWidget(screen)
    controller = RehearsalController(
        screen, script, "BOB", RehearsalSettings(response_seconds=0.0), reader=reader
    )
    window = _window(qtbot, paths, settings, runner, Host(controller), generated, player)
    recording = window.recording
    assert recording is not None
    volumes: list[float] = []
    recording.phase_changed.connect(lambda _p: volumes.append(player.volume()))
    window.record_button.click()
    qtbot.waitUntil(lambda: recording.phase is Phase.SLATE, timeout=15_000)
    assert window.prompter.full_text.startswith("Hi, I'm Maya Okafor.")
    capture = window.capture
    assert capture is not None
    qtbot.waitUntil(lambda: capture.elapsed_s() >= 0.6, timeout=5_000)
    assert window.done_shortcut.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_Space)  # the slate is said
    slate_end = capture.elapsed_s()
    assert recording.phase is Phase.SCENE
    assert window.status.text() == "Recording. Esc stops the take."
    engine = controller.engine
    cues_at_finish: list[object] = []
    recording.phase_changed.connect(
        lambda phase: (
            cues_at_finish.extend(recording.take.cues)
            if phase == Phase.FINISHING.value and recording.take is not None
            else None
        )
    )
    with qtbot.waitSignal(window.take_recorded, timeout=FINISH_TIMEOUT) as done:
        while recording.phase is Phase.SCENE:
            if engine.state is State.WAITING:
                window.done_button.click()  # BOB's line is over
            qtbot.wait(20)
        assert engine.state is State.FINISHED
    take = done.args[0]
    assert isinstance(take, TapeTake)
    assert take.finished
    assert take.path.suffix == ".mp4"
    streams = _streams(take.path)
    assert streams["video"][0] == "h264"
    assert streams["video"][2:] == (640, 360)
    assert streams["audio"][0] == "aac"
    # the card's second, the slate and the scene, and the tail after the last line
    assert take.duration_s is not None
    assert take.duration_s >= 1.0 + slate_end + 1.0
    assert take.slate_s == pytest.approx(1.0 + slate_end, abs=0.3)
    # ANNA's two lines were journalled as cues where the recording heard them
    logged = recording.reader_log.cues
    assert len(logged) == 2
    assert all(at > slate_end for _wav, at, _rate in logged)
    assert logged[0][1] < logged[1][1]
    assert [rate for _wav, _at, rate in logged] == [2.0, 2.0]
    assert len(cues_at_finish) == 2
    # the reader was quieter during the take (-6 dB) and is back to full after it
    assert min(volumes) == pytest.approx(0.5, abs=0.02)
    assert player.volume() == pytest.approx(1.0)
    assert recording.phase is Phase.IDLE
    assert "Take 1 saved" in window.status.text()
    assert not window.done_shortcut.isEnabled()  # Space is the list's and the buttons' again


def test_without_a_camera_tape_mode_says_so_and_records_audio_only(
    qtbot: QtBot, paths: Paths, settings: QSettings, runner: BackgroundRunner
) -> None:
    window = _window(qtbot, paths, settings, runner, Host(None), without_camera)
    assert window.recording is None
    assert "No camera was found" in window.preview.message
    assert "audio-only" in window.status.text()
    assert not window.record_button.isEnabled()
    assert window.audio_only_box.isEnabled()
    window.slate_box.setChecked(False)
    window.audio_only_box.setChecked(True)
    recording = window.recording
    assert recording is not None
    assert window.record_button.isEnabled()
    assert "Audio only" in window.preview.message
    window.record_button.click()
    qtbot.waitUntil(lambda: recording.phase is Phase.SCENE, timeout=15_000)
    capture = window.capture
    assert capture is not None
    qtbot.waitUntil(lambda: capture.elapsed_s() >= 1.0, timeout=5_000)
    with qtbot.waitSignal(window.take_recorded, timeout=FINISH_TIMEOUT) as done:
        stopped_at = capture.elapsed_s()  # the clock runs on while the take is finished
        window.stop_button.click()
    take = done.args[0]
    assert take.info.audio_only
    streams = _streams(take.path)
    assert streams["audio"][0] == "aac"
    assert streams["audio"][1] >= 0.9
    assert take.duration_s == pytest.approx(stopped_at, abs=0.6)


def test_a_full_disk_verdict_stops_the_take_before_it_starts(
    qtbot: QtBot, paths: Paths, settings: QSettings, runner: BackgroundRunner
) -> None:
    window = _window(qtbot, paths, settings, runner, Host(None), generated)
    # a take this long finds no disk with room for it: the real check on the real folder
    window.planned_minutes = lambda words, words_per_minute: 1e12  # type: ignore[method-assign]
    recording = window.recording
    assert recording is not None
    with qtbot.waitSignal(recording.refused, timeout=15_000) as refused:
        window.record_button.click()
    assert refused.args[0]
    assert window.status.text() == refused.args[0]
    assert recording.phase is Phase.IDLE
    capture = window.capture
    assert capture is not None
    assert not capture.is_recording()
    library = TapeLibrary(paths.data)
    assert library.unfinished() == []
    assert library.takes() == []
    assert window.record_button.isEnabled()


def test_the_slate_needs_a_name(
    qtbot: QtBot, paths: Paths, tmp_path: Path, runner: BackgroundRunner
) -> None:
    settings = QSettings(str(tmp_path / "nameless.ini"), QSettings.Format.IniFormat)
    window = _window(qtbot, paths, settings, runner, Host(None), generated)
    assert window.slate_box.isChecked()
    window.record_button.click()
    assert "name" in window.status.text()
    assert window.recording is not None
    assert window.recording.phase is Phase.IDLE


def test_the_guides_and_prompter_choices_are_kept(
    qtbot: QtBot, paths: Paths, settings: QSettings, runner: BackgroundRunner
) -> None:
    window = _window(qtbot, paths, settings, runner, Host(None), generated)
    window.guide_actions["overlay_eye_line"].setChecked(True)
    window.prompter_box.setChecked(False)
    assert window.preview.guides.eye_line
    assert not window.prompter.isVisible()
    prefs = load_tape_preferences(settings)
    assert prefs.overlay_eye_line
    assert prefs.prompter == "hidden"


def test_this_machines_devices_are_named_in_plain_words(qapp: QApplication) -> None:
    del qapp
    made = device_source(TapePreferences(), audio_only=False)
    if isinstance(made, SourceProblem):
        assert made.message.endswith(".")
        assert "Error" not in made.message
    else:  # a machine with a camera and a microphone
        made.close()


def test_a_take_records_its_reader_settings_in_the_journal(
    qtbot: QtBot, paths: Paths, settings: QSettings, runner: BackgroundRunner
) -> None:
    prefs = load_tape_preferences(settings)
    prefs.reader_level_db, prefs.mix_reader, prefs.slate = -12.0, False, False
    save_tape_preferences(settings, prefs)
    window = _window(qtbot, paths, settings, runner, Host(None), generated)
    window.slate_box.setChecked(False)
    recording = window.recording
    assert recording is not None
    window.record_button.click()
    qtbot.waitUntil(lambda: recording.phase is Phase.SCENE, timeout=15_000)
    take = recording.take
    assert take is not None
    journal = json.loads(take.sidecar.read_text())
    assert journal["finished"] is False
    assert journal["reader_level_db"] == -12.0
    assert journal["mix_reader"] is False
    capture = window.capture
    assert capture is not None
    qtbot.waitUntil(lambda: capture.elapsed_s() >= 0.5, timeout=5_000)
    with qtbot.waitSignal(window.take_recorded, timeout=FINISH_TIMEOUT):
        window.stop_button.click()
