"""Where the listening's audio comes from: the microphone, or a recording played as one.

Both emit ``chunk(bytes)`` with the format announced by ``format_known``, so the worker
cannot tell them apart: the tests and the benchmark drive the very path the microphone
does, on machines that have no microphone.
"""

from __future__ import annotations

from collections import deque

import numpy as np
from PySide6.QtCore import QIODevice, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices

from rehearsal.listen.audio import SAMPLE_RATE, Pcm

_WIDTHS = {
    QAudioFormat.SampleFormat.UInt8: 1,
    QAudioFormat.SampleFormat.Int16: 2,
    QAudioFormat.SampleFormat.Int32: 4,
}


def microphone_present() -> bool:
    """Whether the system has a default input device (checked without opening it)."""
    return not QMediaDevices.defaultAudioInput().isNull()


class MicrophoneSource(QObject):
    """The default input device through Qt Multimedia, read as it arrives."""

    chunk = Signal(bytes)
    format_known = Signal(int, int, int)  # rate, channels, bytes per sample
    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None

    def start(self) -> bool:
        """Open the microphone; False (and ``unavailable``) when there is none."""
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            self.unavailable.emit(self.tr("No microphone was found."))
            return False
        fmt = QAudioFormat()
        fmt.setSampleRate(SAMPLE_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
        width = _WIDTHS.get(fmt.sampleFormat())
        if width is None:  # float samples: ask for 16-bit at the device's rate instead
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            width = 2
        self._source = QAudioSource(device, fmt, self)
        self._source.setBufferSize(fmt.bytesForDuration(40_000))
        self._io = self._source.start()
        if self._io is None:
            self.unavailable.emit(self.tr("The microphone could not be opened."))
            return False
        self.format_known.emit(fmt.sampleRate(), fmt.channelCount(), width)
        self._io.readyRead.connect(self._on_ready_read)
        return True

    def stop(self) -> None:
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
        self._source = None
        self._io = None

    @Slot()
    def _on_ready_read(self) -> None:
        if self._io is not None:
            data = bytes(self._io.readAll().data())
            if data:
                self.chunk.emit(data)


class RecordingSource(QObject):
    """Recordings played into the listening as a microphone would deliver them.

    Each :meth:`next_turn` starts the next queued recording (the actor speaking after the
    cue); between recordings it delivers silence, as a quiet room does. ``speed`` plays
    faster than real time (the listening's decisions follow the audio's own time, so they
    are the same); ``interval_ms`` is how often a piece is delivered.
    """

    chunk = Signal(bytes)
    format_known = Signal(int, int, int)
    unavailable = Signal(str)

    def __init__(
        self,
        recordings: list[Pcm] | None = None,
        *,
        speed: float = 1.0,
        interval_ms: int = 20,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue: deque[Pcm] = deque(recordings or [])
        self._playing = np.zeros(0, dtype=np.int16)
        self._per_tick = max(1, round(SAMPLE_RATE * interval_ms / 1000 * speed))
        self.delivered = 0  # samples delivered so far
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._deliver)

    def queue(self, samples: Pcm) -> None:
        self._queue.append(samples)

    def start(self) -> bool:
        self.format_known.emit(SAMPLE_RATE, 1, 2)
        self._timer.start()
        return True

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def next_turn(self) -> None:
        """The actor's turn began: they say the next recording."""
        if self._queue:
            self._playing = self._queue.popleft()

    @property
    def finished(self) -> bool:
        return not self._queue and len(self._playing) == 0

    @Slot()
    def _deliver(self) -> None:
        piece = self._playing[: self._per_tick]
        self._playing = self._playing[len(piece) :]
        if len(piece) < self._per_tick:
            piece = np.concatenate([piece, np.zeros(self._per_tick - len(piece), np.int16)])
        self.delivered += len(piece)
        self.chunk.emit(piece.astype("<i2").tobytes())
