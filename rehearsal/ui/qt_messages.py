"""Qt's own messages, sent to the log without ever waiting inside Qt's message handler.

Qt calls its message handler wherever a message arises, including from a library's static
initialiser while the dynamic loader holds its lock: loading ``libQt6Multimedia`` prints a
message as it starts. A handler that wrote the log there released Python's lock for the
write; had another thread then taken Python's lock and begun loading a library of its own
(any import of a compiled module), each would wait for the lock the other holds, and the app
hung for good. That happened when the actor opened a script while the rehearsal's modules
were still loading in the background. So the handler only puts the message in a queue,
which never waits, and the messages are written from the GUI thread's event loop a moment
later, with the time they arrived.
"""

from __future__ import annotations

import logging
import queue
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QLoggingCategory,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)

DRAIN_INTERVAL_MS = 200
"""How long a Qt message may wait before it is written to the log."""
QUIET_QT_CATEGORIES = ("qt.multimedia.ffmpeg.mediadataholder.info=false",)
"""Qt logging rules for output that bypasses the message handler.

Qt's FFmpeg backend calls FFmpeg's ``av_dump_format`` for every file it opens while this
category's info level is on (Qt's default): ``Input #0, wav, from '…'`` and the stream's
details, printed by FFmpeg straight to stderr, three lines per partner line. An environment
``QT_LOGGING_RULES`` still overrides it for whoever needs those details.
"""

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_ROOT = "qt"


@dataclass(frozen=True, slots=True)
class _Message:
    created: float  # time.time() when Qt reported it
    level: int
    logger: str
    text: str


def logger_name(category: str | None) -> str:
    """The logger a Qt category's messages go to: ``qt`` for Qt's default category, the
    category itself for Qt's own (``qt.multimedia``), else ``qt.`` and the category."""
    category = category or "default"
    if category == "default":
        return _ROOT
    return category if category.startswith("qt.") else f"{_ROOT}.{category}"


class QtMessageLog(QObject):
    """Takes Qt's messages in any thread and writes them to the log on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: queue.SimpleQueue[_Message] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self.drain)

    def handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        """Qt's message handler: queue the message and return at once (see the module).

        A fatal message is written at once: Qt aborts the process when the handler returns.
        """
        level = _QT_LEVELS.get(kind, logging.WARNING)
        entry = _Message(time.time(), level, logger_name(context.category), message)
        if kind == QtMsgType.QtFatalMsg:
            self._write(entry)
        else:
            self._pending.put(entry)

    def start(self) -> None:
        """Write the queued messages every ``DRAIN_INTERVAL_MS`` from this thread's loop."""
        self._timer.start()

    def drain(self) -> int:
        """Write every queued message to the log now; returns how many there were."""
        written = 0
        while True:
            try:
                entry = self._pending.get_nowait()
            except queue.Empty:
                return written
            self._write(entry)
            written += 1

    @staticmethod
    def _write(entry: _Message) -> None:
        logger = logging.getLogger(entry.logger)
        if not logger.isEnabledFor(entry.level):
            return
        record = logger.makeRecord(entry.logger, entry.level, "qt", 0, "%s", (entry.text,), None)
        record.created = entry.created  # when Qt said it, not when it was written
        record.msecs = (entry.created - int(entry.created)) * 1000
        logger.handle(record)


def route_qt_messages() -> QtMessageLog:
    """Send Qt's own messages to the log instead of the terminal.

    Qt Multimedia announces every library it cannot load and the platform plugin what it
    does not support: noise on the terminal of an actor who started the app from one, but
    worth keeping in the log when a real warning explains a problem. ``--verbose`` shows the
    log on the terminal as well. What FFmpeg prints itself never reaches the handler, so
    the category that makes Qt ask for it is turned off (see ``QUIET_QT_CATEGORIES``).

    The returned object lives as long as the application; what is still queued when the
    application quits is written then.
    """
    app = QCoreApplication.instance()
    messages = QtMessageLog(app)
    qInstallMessageHandler(messages.handle)
    QLoggingCategory.setFilterRules("\n".join(QUIET_QT_CATEGORIES))
    if app is not None:
        app.aboutToQuit.connect(messages.drain)
        messages.start()
    return messages
