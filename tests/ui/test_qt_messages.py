"""Qt's messages reach the log, and Qt's handler never waits for the log to be written."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning
from pytestqt.qtbot import QtBot

from rehearsal.ui.qt_messages import QtMessageLog, logger_name, route_qt_messages

pytestmark = pytest.mark.gui


class Probe(logging.Handler):
    """Records each message with whether Qt's call that produced it had returned."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.qt_call_returned = False
        self.seen: list[tuple[bool, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append((self.qt_call_returned, record.name, record.getMessage()))


@pytest.fixture
def probe() -> Iterator[Probe]:
    handler = Probe()
    logger = logging.getLogger("qt")
    logger.addHandler(handler)
    previous_level = logger.level
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous_level)


def test_a_message_is_written_after_qt_has_moved_on(qapp: object, probe: Probe) -> None:
    """The handler runs wherever Qt is, even inside the loader while it loads a library:
    writing there (which lets other threads run) could deadlock with a thread importing
    a compiled module. The message is queued and written later, as it was."""
    messages = QtMessageLog()
    previous = qInstallMessageHandler(messages.handle)
    try:
        qWarning("the audio plugin is missing")
        probe.qt_call_returned = True
    finally:
        qInstallMessageHandler(previous)
    assert probe.seen == []
    assert messages.drain() == 1
    assert probe.seen == [(True, "qt", "the audio plugin is missing")]
    assert messages.drain() == 0


def test_the_launcher_route_writes_queued_messages_by_itself(qtbot: QtBot, probe: Probe) -> None:
    messages = route_qt_messages()
    try:
        qWarning("no screen for the platform")
        probe.qt_call_returned = True
        qtbot.waitUntil(lambda: probe.seen != [], timeout=5_000)
    finally:
        qInstallMessageHandler(None)
        messages.deleteLater()
    assert probe.seen == [(True, "qt", "no screen for the platform")]


def test_the_record_keeps_the_time_qt_said_it(qapp: object, probe: Probe) -> None:
    times: list[float] = []
    probe.emit = lambda record: times.append(record.created)  # type: ignore[method-assign]
    messages = QtMessageLog()
    previous = qInstallMessageHandler(messages.handle)
    try:
        before = time.time()
        qWarning("early")
        after = time.time()
    finally:
        qInstallMessageHandler(previous)
    messages.drain()
    assert len(times) == 1
    assert before <= times[0] <= after


def test_categories_become_logger_names() -> None:
    assert logger_name(None) == "qt"
    assert logger_name("default") == "qt"
    assert logger_name("qt.multimedia.ffmpeg") == "qt.multimedia.ffmpeg"
    assert logger_name("kf.iconthemes") == "qt.kf.iconthemes"


LOAD_MULTIMEDIA = textwrap.dedent(
    """
    import threading
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from rehearsal.ui.qt_messages import route_qt_messages

    app = QCoreApplication([])
    messages = route_qt_messages()
    handle = messages.handle
    called: list[str] = []

    def spy(kind, context, message):
        called.append(f"{context.category}: {message}")
        handle(kind, context, message)

    qInstallMessageHandler(spy)
    from PySide6 import QtMultimedia  # noqa: F401  (its libraries' start-up checks run now)
    print(called)
    """
)


def test_loading_qt_multimedia_calls_no_handler_inside_the_loader() -> None:
    """The library's start-up checks report from inside the dynamic loader's lock, where a
    Python handler can deadlock with a thread importing a compiled module: they are off."""
    env = {k: v for k, v in os.environ.items() if k != "QT_LOGGING_RULES"}  # Qt's defaults
    done = subprocess.run(
        [sys.executable, "-c", LOAD_MULTIMEDIA],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
