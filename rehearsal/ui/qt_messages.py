"""Qt's own messages, sent to the log without waiting inside Qt's message handler.

Qt calls its message handler wherever a message arises, including from a library's static
initialiser while the dynamic loader holds its lock: loading ``libQt6Multimedia`` warns
that PipeWire is missing, where it is. The handler is Python, and Python may hand its lock
to another thread at any moment (at once, when the handler writes a file); a thread that
then imports a compiled module waits for the loader's lock while holding Python's, which
the handler needs back: the app hung for good. That happened when the actor opened a script
while the rehearsal's modules were loading in the background (2 launches in about 70).

So the messages of that start-up check are turned off (``QUIET_QT_CATEGORIES``): Qt then
never calls the handler inside the loader. And the handler only appends the message to a
queue, so it is as short as it can be and never waits for the disk; the GUI thread's event
loop writes the queue to the log a moment later, with the time each message arrived.
"""

from __future__ import annotations

import logging
import time
from collections import deque
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
QUIET_QT_CATEGORIES = (
    "qt.multimedia.ffmpeg.mediadataholder.info=false",
    "qt.multimedia.symbolsresolver=false",
)
"""Qt logging rules: output that bypasses the message handler, and messages the handler
must not be called for.

Qt Multimedia's symbol resolver reports the optional libraries it cannot find (PipeWire)
while ``libQt6Multimedia`` is being loaded, inside the loader's lock (see the module's
description); the app needs none of them. Qt's FFmpeg backend calls FFmpeg's
``av_dump_format`` for every file it opens while its ``mediadataholder`` category's info
level is on (Qt's default): ``Input #0, wav, from '…'`` and the stream's details, printed
by FFmpeg straight to stderr, three lines per partner line. An environment
``QT_LOGGING_RULES`` still overrides these for whoever needs those details.
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
        self._pending: deque[_Message] = deque()  # appending and popping never wait
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
            self._pending.append(entry)

    def start(self) -> None:
        """Write the queued messages every ``DRAIN_INTERVAL_MS`` from this thread's loop."""
        self._timer.start()

    def drain(self) -> int:
        """Write every queued message to the log now; returns how many there were."""
        written = 0
        while True:
            try:
                entry = self._pending.popleft()
            except IndexError:
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
