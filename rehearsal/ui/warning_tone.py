"""The cold read's ten-seconds-left beep.

The beep is a WAV made with :mod:`wave` into the cache folder on first use and played with
``QMediaPlayer`` + ``QAudioOutput``: ``QSoundEffect`` preloads through a different audio
path that has failed on machines without a sound device, while ``QMediaPlayer`` plays
silently there and still reports the end. Kept apart from the clock widget so that the
rehearsal screen does not load Qt Multimedia before a drill needs it.
"""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

TONE_FILE = "warning-tone.wav"
TONE_RATE = 22050


def write_beep(
    path: Path,
    *,
    frequency: float = 880.0,
    seconds: float = 0.18,
    beeps: int = 2,
    gap: float = 0.09,
    volume: float = 0.6,
    rate: int = TONE_RATE,
) -> Path:
    """Write a short mono 16-bit beep (``beeps`` pips) to ``path``.

    Each pip fades in and out over 10 ms so the speaker does not click; two pips read as
    "attention" rather than as a stray system sound.
    """
    fade = max(1, int(rate * 0.01))
    length = int(rate * seconds)
    pip = array.array("h")
    for i in range(length):
        envelope = min(1.0, i / fade, (length - 1 - i) / fade)
        pip.append(int(32767 * volume * envelope * math.sin(2 * math.pi * frequency * i / rate)))
    silence = array.array("h", bytes(2 * int(rate * gap)))
    samples = array.array("h")
    for index in range(beeps):
        if index:
            samples.extend(silence)
        samples.extend(pip)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


class WarningTone(QObject):
    """The ten-seconds-left beep; ``failed(message)`` instead of a crash when it cannot play.

    ``enabled`` is the actor's on/off choice: :meth:`play` does nothing while it is off.
    """

    finished = Signal()
    failed = Signal(str)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.enabled = True
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._path: Path | None = None

    @property
    def path(self) -> Path:
        """Where the tone's WAV file lives (made on first :meth:`play` or :meth:`prepare`)."""
        return self.cache_dir / TONE_FILE

    def prepare(self) -> bool:
        """Make the WAV file and load it, so the first beep is not late; False on failure."""
        if self._path is not None:
            return True
        path = self.path
        try:
            if not path.is_file() or path.stat().st_size == 0:
                write_beep(path)
        except OSError as exc:
            self.failed.emit(
                self.tr("The warning tone could not be made in %s (%s).")
                % (self.cache_dir, exc.strerror or exc)
            )
            return False
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._player.mediaStatusChanged.connect(self._on_media_status)
        self._player.errorOccurred.connect(self._on_error)
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._path = path
        return True

    def play(self) -> bool:
        """Beep now (from the start if already beeping); False when off or impossible."""
        if not self.enabled or not self.prepare() or self._player is None:
            return False
        self._player.stop()
        self._player.setPosition(0)
        self._player.play()
        return True

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def is_playing(self) -> bool:
        return (
            self._player is not None
            and self._player.playbackState() is QMediaPlayer.PlaybackState.PlayingState
        )

    @Slot(QMediaPlayer.MediaStatus)
    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        del error
        self.failed.emit(self.tr("The warning tone could not be played: %s") % message)
