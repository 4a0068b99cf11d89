"""The listening in a process of its own, so the GUI never waits for recognition.

pocketsphinx holds Python's interpreter lock while it decodes, so on a thread it would
stall the GUI for up to ~130 ms at the end of each utterance; the core's
:func:`rehearsal.listen.service.serve` therefore runs in a child process. Two small threads
on this side keep the GUI thread off the pipe: :class:`ListenWorker` lives on a
:class:`QThread` and sends what its slots receive (audio bytes included), and a reader
thread waits for the child's replies and emits them as the worker's signals, which Qt
delivers on the GUI thread.

Nothing is written to disk: the bytes go through the pipe, are listened to and dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rehearsal.listen.live import Asked, Ended, Progress
from rehearsal.listen.models import SpeechModel
from rehearsal.listen.service import start_service

log = logging.getLogger(__name__)
STOP_WAIT_S = 3.0


class ListenWorker(QObject):
    """Slots run on the sender thread and go down the pipe; signals come from the reader."""

    ready = Signal(bool, str)  # words recognised?, why not (empty when they are)
    level = Signal(float)
    progress = Signal(int, object)  # turn, Progress
    asked = Signal(int)  # turn
    revealed = Signal(int, object)  # turn, list[str]
    ended = Signal(int, object)  # turn, ListenResult

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self._conn = conn
        self._broken = False

    def _send(self, *message: object) -> None:
        if self._broken:
            return
        try:
            self._conn.send(message)
        except (OSError, ValueError) as exc:  # the process has gone: listening stops
            self._broken = True
            log.warning("the listening process is gone: %s", exc)

    @Slot(object)
    def load(self, model: SpeechModel | None) -> None:
        self._send("load", model)

    @Slot(int, int, int)
    def set_format(self, rate: int, channels: int, width: int) -> None:
        self._send("format", rate, channels, width)

    @Slot(int, str, object, str, float)
    def begin(
        self, turn: int, line: str, scene: Sequence[str], strictness: str, give_up: float
    ) -> None:
        self._send("begin", turn, line, list(scene), strictness, give_up)

    @Slot()
    def cancel(self) -> None:
        self._send("cancel")

    @Slot(int)
    def finish(self, turn: int) -> None:
        self._send("finish", turn)

    @Slot(int, int)
    def reveal(self, turn: int, count: int) -> None:
        self._send("reveal", turn, count)

    @Slot(bytes)
    def feed(self, data: bytes) -> None:
        self._send("feed", data)

    def read_replies(self, conn: Connection) -> None:
        """The reader thread: the child's replies as signals, until the pipe closes."""
        while True:
            try:
                reply = conn.recv()
            except (EOFError, OSError):
                return
            match reply:
                case ("level", float() as value):
                    self.level.emit(value)
                case ("ready", bool() as words, str() as reason):
                    self.ready.emit(words, reason)
                case ("revealed", int() as turn, list() as words):
                    self.revealed.emit(turn, words)
                case Progress(turn=turn):
                    self.progress.emit(turn, reply)
                case Asked(turn=turn):
                    self.asked.emit(turn)
                case Ended(turn=turn, result=result):
                    self.ended.emit(turn, result)


class ListeningThread(QObject):
    """The listening process and the two threads that talk to it; :meth:`close` ends all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process, ours = start_service()
        self._conn = ours
        self.worker = ListenWorker(ours)
        self._sender = QThread()
        self._sender.setObjectName("listening sender")
        self.worker.moveToThread(self._sender)
        self._sender.start()
        self._reader = threading.Thread(
            target=self.worker.read_replies, args=(ours,), name="listening reader", daemon=True
        )
        self._reader.start()

    def close(self) -> None:
        """Stop the process and join the threads (a fraction of a second)."""
        if self._sender.isRunning():
            self._sender.quit()
            self._sender.wait()
        with contextlib.suppress(OSError, ValueError):  # already gone
            self._conn.send(("stop",))
        self._process.join(STOP_WAIT_S)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._conn.close()
        self._reader.join(STOP_WAIT_S)
        self.worker.deleteLater()
