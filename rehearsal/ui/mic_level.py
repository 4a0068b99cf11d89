"""The microphone's loudness, for the *voice* wait mode and its live level meter.

Only the level leaves this module: the engine decides from levels when the actor has
spoken and fallen silent, so no audio is ever stored for this. A machine without a
microphone (CI, many desktops) reports ``unavailable`` once and the app falls back to the
key or timed mode.
"""

from __future__ import annotations

import array
import math

from PySide6.QtCore import QIODevice, QObject, Signal, Slot
from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices


def rms_level(data: bytes) -> float:
    """Loudness of 16-bit little-endian mono PCM as 0..1 on a dB scale (-60 dB .. 0 dB).

    A dB scale matches what people hear: speech sits in the upper half, room noise low.
    """
    samples = array.array("h")
    samples.frombytes(data[: len(data) - len(data) % 2])
    if not samples:
        return 0.0
    mean_square = sum(s * s for s in samples) / len(samples)
    if mean_square <= 0:
        return 0.0
    db = 10 * math.log10(mean_square / (32768.0**2))
    return max(0.0, min(1.0, (db + 60.0) / 60.0))


class MicrophoneLevel(QObject):
    """Reads the default input device and emits its level about 30 times a second."""

    level = Signal(float)
    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None

    def start(self) -> bool:
        """Start listening; False (and ``unavailable``) when there is no microphone."""
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            self.unavailable.emit(self.tr("No microphone was found."))
            return False
        fmt = QAudioFormat()
        fmt.setSampleRate(16000)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
        self._source = QAudioSource(device, fmt, self)
        self._source.setBufferSize(1024)
        self._io = self._source.start()
        if self._io is None:
            self.unavailable.emit(self.tr("The microphone could not be opened."))
            return False
        self._io.readyRead.connect(self._on_ready_read)
        return True

    def stop(self) -> None:
        """Stop listening and release the device."""
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
        self._source = None
        self._io = None

    @Slot()
    def _on_ready_read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if data:
            self.level.emit(rms_level(data))
