"""The microphone's loudness, for the *voice* wait mode and its live level meter.

Only the level leaves this module: the engine decides from levels when the actor has
spoken and fallen silent, so no audio is ever stored for this. A machine without a
microphone (CI, many desktops) reports ``unavailable`` once and the app falls back to the
key or timed mode.
"""

from __future__ import annotations

import array
import math

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QProgressBar


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
    """The default input device's level, about as often as the microphone delivers audio.

    The device is opened by :class:`~rehearsal.ui.listening.sources.MicrophoneSource`, the
    same reader the listening partner uses, so both ask for the same format and say the
    same thing when there is no microphone.
    """

    level = Signal(float)
    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from rehearsal.ui.listening.sources import MicrophoneSource

        self._microphone = MicrophoneSource(self)
        self._microphone.chunk.connect(self._on_chunk)
        self._microphone.unavailable.connect(self.unavailable)

    def start(self) -> bool:
        """Start listening; False (and ``unavailable``) when there is no microphone."""
        return self._microphone.start()

    def stop(self) -> None:
        """Stop listening and release the device."""
        self._microphone.stop()

    @Slot(bytes)
    def _on_chunk(self, data: bytes) -> None:
        self.level.emit(rms_level(data))


class VoiceLevelWait(QObject):
    """The microphone and its meter while *Listen for my voice* is the wait mode.

    The microphone is opened only while that mode is chosen (and released as soon as it
    is not), and the meter shows only while the device delivers. ``level`` carries each
    reading on to the rehearsal; ``unavailable`` says why there is none, once.
    """

    level = Signal(float)
    unavailable = Signal(str)

    def __init__(self, meter: QProgressBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._meter = meter
        self._mic: MicrophoneLevel | None = None

    @property
    def listening(self) -> bool:
        return self._mic is not None

    def set_listening(self, on: bool) -> None:
        """Open the microphone (``on``) or release it."""
        if on and self._mic is None:
            mic = MicrophoneLevel(self)
            mic.level.connect(self._on_level)
            mic.unavailable.connect(self._on_unavailable)
            self._mic = mic
            if mic.start():
                self._meter.show()
        elif not on:
            if self._mic is not None:
                self._mic.stop()
                self._mic.deleteLater()
                self._mic = None
            self._meter.hide()

    @Slot(float)
    def _on_level(self, level: float) -> None:
        self._meter.setValue(int(level * 100))
        self.level.emit(level)

    @Slot(str)
    def _on_unavailable(self, message: str) -> None:
        self.set_listening(False)
        self.unavailable.emit(message)
