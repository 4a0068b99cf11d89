"""The listening on its own thread, so the GUI never waits for recognition.

:class:`ListenWorker` lives on a :class:`QThread` and owns the core's
:class:`~rehearsal.listen.live.LiveStream`. Audio bytes reach it through a queued signal
from whatever source feeds it (the microphone, or a recording in tests and the
benchmark); its findings go back as signals, delivered on the GUI thread. Loading the
speech model (about half a second) also happens there.

Nothing is written to disk: the bytes are decoded, listened to and dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rehearsal.listen.compare import Strictness
from rehearsal.listen.line_end import LineEndSettings
from rehearsal.listen.live import Asked, Ended, Level, LiveStream, Progress
from rehearsal.listen.models import SpeechModel
from rehearsal.listen.recognizer import RecognitionUnavailableError, Recognizer

log = logging.getLogger(__name__)


class ListenWorker(QObject):
    """Slots run on the listening thread; signals are queued back to the GUI."""

    ready = Signal(bool, str)  # words recognised?, why not (empty when they are)
    level = Signal(float)
    progress = Signal(int, object)  # turn, Progress
    asked = Signal(int)  # turn
    revealed = Signal(int, object)  # turn, list[str]
    ended = Signal(int, object)  # turn, ListenResult

    def __init__(self) -> None:
        super().__init__()
        self._stream = LiveStream(None)
        self._last_level = -1.0

    @Slot(object)
    def load(self, model: SpeechModel | None) -> None:
        """Load the recogniser for ``model`` (None: voice activity only)."""
        recognizer = None
        reason = ""
        if model is not None:
            try:
                recognizer = Recognizer(model)
            except RecognitionUnavailableError as exc:
                log.warning("speech recognition unavailable: %s", exc)
                reason = str(exc)
        self._stream = LiveStream(recognizer)
        self.ready.emit(recognizer is not None, reason)

    @Slot(int, int, int)
    def set_format(self, rate: int, channels: int, width: int) -> None:
        self._stream.set_format(rate, channels, width)

    @Slot(int, str, object, str, float)
    def begin(
        self, turn: int, line: str, scene: Sequence[str], strictness: str, give_up: float
    ) -> None:
        settings = LineEndSettings(give_up=give_up)
        self._stream.begin(turn, line, scene, strictness=Strictness(strictness), settings=settings)

    @Slot()
    def cancel(self) -> None:
        self._stream.cancel()

    @Slot(int, int)
    def reveal(self, turn: int, count: int) -> None:
        self.revealed.emit(turn, self._stream.reveal(turn, count))

    @Slot(bytes)
    def feed(self, data: bytes) -> None:
        """The next bytes from the source: listened to here, never stored."""
        loudest = None
        for event in self._stream.feed(data):
            match event:
                case Level(value=value):
                    loudest = value if loudest is None else max(loudest, value)
                case Progress(turn=turn):
                    self.progress.emit(turn, event)
                case Asked(turn=turn):
                    self.asked.emit(turn)
                case Ended(turn=turn, result=result):
                    self.ended.emit(turn, result)
        if loudest is not None and abs(loudest - self._last_level) >= 0.01:
            self._last_level = loudest
            self.level.emit(loudest)


class ListeningThread(QObject):
    """Owns the worker's thread: started on first use, stopped and joined on close."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("listening")
        self.worker = ListenWorker()
        self.worker.moveToThread(self._thread)
        self._thread.start()

    def close(self) -> None:
        """Stop the thread (waits for the chunk in hand, a few milliseconds)."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        self.worker.deleteLater()
