"""FFmpeg prints nothing on the terminal while the partner's lines play.

Each partner line is a WAV opened by Qt's FFmpeg backend, which printed ``Input #0, wav,
from …`` and two more lines on stderr per line. The check runs in a child process: FFmpeg
writes straight to file descriptor 2, and its log level is global to the process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import wave
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer
    from rehearsal.ui.app import route_qt_messages

    app = QCoreApplication([])
    if sys.argv[2] == "app":
        route_qt_messages()  # as rehearsal gui does at launch
    player = QMediaPlayer()
    player.mediaStatusChanged.connect(
        lambda status: app.quit() if status == QMediaPlayer.MediaStatus.LoadedMedia else None
    )
    player.setSource(QUrl.fromLocalFile(sys.argv[1]))
    QTimer.singleShot(10_000, app.quit)
    app.exec()
    """
)


def write_wav(path: Path) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\0\0" * 2205)


def open_in_child(wav: Path, mode: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "QT_LOGGING_RULES"}  # Qt's defaults
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(wav), mode],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.gui
def test_a_partner_line_opened_prints_nothing_from_ffmpeg(tmp_path: Path) -> None:
    wav = tmp_path / "line.wav"
    write_wav(wav)
    bare = open_in_child(wav, "bare")
    if "Input #0" not in bare:
        pytest.skip("this Qt plays media without FFmpeg's log on stderr")
    after_app_setup = open_in_child(wav, "app")
    assert "Input #0" not in after_app_setup
    assert str(wav) not in after_app_setup
