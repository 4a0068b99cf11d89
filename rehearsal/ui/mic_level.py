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
