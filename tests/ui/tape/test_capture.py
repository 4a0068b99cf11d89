"""The capture session records real files from generated frames and sound (no camera).

The same ``QMediaCaptureSession`` + ``QMediaRecorder`` the camera feeds is fed through Qt's
``QVideoFrameInput`` and ``QAudioBufferInput``; every file is read back with PyAV.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QSize
from PySide6.QtMultimedia import QMediaFormat
from pytestqt.qtbot import QtBot

from rehearsal.ui.tape.capture import (
    AUDIO_SUFFIX,
    VIDEO_SUFFIX,
    GeneratedSource,
    TapeCapture,
    find_camera,
    find_microphone,
    raw_format,
)

pytestmark = pytest.mark.gui


def _streams(path: Path) -> dict[str, tuple[str, float, int, int]]:
    """Each stream's codec, duration in seconds and (video) frame size, read with PyAV."""
    found: dict[str, tuple[str, float, int, int]] = {}
    with av.open(str(path)) as container:
        for stream in container.streams:
            last = 0.0
            for packet in container.demux(stream):
                if packet.pts is not None and packet.duration is not None:
                    assert packet.time_base is not None
                    last = max(last, float((packet.pts + packet.duration) * packet.time_base))
            container.seek(0)
            width = getattr(stream.codec_context, "width", 0) or 0
            height = getattr(stream.codec_context, "height", 0) or 0
            found[stream.type] = (stream.codec_context.name, last, width, height)
    return found


def _record(qtbot: QtBot, capture: TapeCapture, path: Path, seconds: float | None) -> Path:
    with qtbot.waitSignal(capture.started, timeout=10_000):
        capture.record(path)
    if seconds is not None:
        qtbot.waitUntil(lambda: capture.elapsed_s() >= seconds, timeout=20_000)
    else:
        source = capture.source
        assert isinstance(source, GeneratedSource)
        qtbot.waitUntil(
            lambda: (
                (not source.video or source.sent >= int(source.fps * (source.seconds or 0)))
                and source.audio_sent_s >= (source.seconds or 0)
            ),
            timeout=20_000,
        )
    with qtbot.waitSignal(capture.stopped, timeout=20_000) as stopped:
        capture.stop()
    return Path(stopped.args[0])


def test_the_raw_take_is_matroska_with_mpeg4_and_flac() -> None:
    video = raw_format(True)
    assert video.suffix == VIDEO_SUFFIX
    assert video.media_format.fileFormat() is QMediaFormat.FileFormat.Matroska
    assert video.media_format.videoCodec() is QMediaFormat.VideoCodec.MPEG4
    assert video.media_format.audioCodec() is QMediaFormat.AudioCodec.FLAC
    audio = raw_format(False)
    assert audio.suffix == AUDIO_SUFFIX
    assert audio.media_format.videoCodec() is QMediaFormat.VideoCodec.Unspecified


def test_generated_frames_and_sound_make_a_readable_take(qtbot: QtBot, tmp_path: Path) -> None:
    source = GeneratedSource(QSize(640, 360), 30.0, realtime=False, seconds=2.0)
    capture = TapeCapture(source)
    path = _record(qtbot, capture, tmp_path / f"take-001{capture.suffix}", None)
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    streams = _streams(path)
    assert set(streams) == {"video", "audio"}
    codec, duration, width, height = streams["video"]
    assert (codec, width, height) == ("mpeg4", 640, 360)
    assert duration == pytest.approx(2.0, abs=0.1)
    assert streams["audio"][0] == "flac"
    assert streams["audio"][1] == pytest.approx(2.0, abs=0.15)
    assert source.dropped == 0


def test_realtime_frames_follow_the_clock(qtbot: QtBot, tmp_path: Path) -> None:
    source = GeneratedSource(QSize(320, 180), 30.0, realtime=True)
    capture = TapeCapture(source)
    path = _record(qtbot, capture, tmp_path / f"take-002{capture.suffix}", 1.0)
    elapsed = capture.elapsed_s()
    streams = _streams(path)
    duration = streams["video"][1]
    assert 0.9 <= duration <= elapsed + 0.2
    assert streams["audio"][1] == pytest.approx(duration, abs=0.25)


def test_an_audio_only_take_has_no_picture(qtbot: QtBot, tmp_path: Path) -> None:
    source = GeneratedSource(realtime=False, seconds=1.0, video=False)
    capture = TapeCapture(source)
    assert capture.suffix == AUDIO_SUFFIX
    path = _record(qtbot, capture, tmp_path / f"take-003{capture.suffix}", None)
    streams = _streams(path)
    assert set(streams) == {"audio"}
    assert streams["audio"][1] == pytest.approx(1.0, abs=0.15)


def test_an_unwritable_folder_fails_with_the_file_named(qtbot: QtBot, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "self_tapes"
    not_a_folder.write_text("a file where the folder should be")
    source = GeneratedSource(QSize(320, 180), 30.0, realtime=False, seconds=0.5)
    capture = TapeCapture(source)
    with qtbot.waitSignal(capture.failed, timeout=10_000) as failed:
        capture.record(not_a_folder / f"take-004{capture.suffix}")
    assert "take-004" in failed.args[0]
    assert not capture.is_recording()


def test_without_devices_no_camera_and_no_microphone_are_found() -> None:
    # This machine has neither; a machine with them finds one (the id is then hex text).
    camera = find_camera("")
    microphone = find_microphone("")
    if camera is not None:
        assert not camera.isNull()
    if microphone is not None:
        assert not microphone.isNull()


CRASHING_RECORDER = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication
from rehearsal.ui.tape.capture import GeneratedSource, TapeCapture
app = QGuiApplication([])
capture = TapeCapture(GeneratedSource(QSize(1280, 720), 30.0, realtime=True))
capture.started.connect(lambda: QTimer.singleShot(3500, lambda: os._exit(9)))
capture.record(Path(sys.argv[1]))
app.exec()
"""


def test_a_recording_killed_midway_is_readable_as_far_as_it_was_written(tmp_path: Path) -> None:
    # Qt's muxer writes in 256 KB blocks: what a crash loses is the block in flight.
    path = tmp_path / f"take-005{raw_format(True).suffix}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_RECORDER, str(path)], env=env, timeout=60, check=False
    )
    assert done.returncode == 9  # killed, nothing closed the file
    streams = _streams(path)
    assert streams["video"][0] == "mpeg4"
    assert streams["video"][1] >= 0.5
    assert streams["audio"][1] >= 0.5
