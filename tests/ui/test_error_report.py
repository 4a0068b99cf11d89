"""The unexpected-error report: plain words, one box for a burst, errors from threads."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.ui.error_report import ErrorReporter, install_error_report, plain_cause

pytestmark = pytest.mark.gui


@pytest.fixture
def reporter(qapp: QApplication, tmp_path: Path) -> Iterator[ErrorReporter]:
    """The report installed as the app does it; the hooks put back afterwards."""
    hooks = (sys.excepthook, threading.excepthook)
    installed = install_error_report(tmp_path / "rehearsal.log")
    yield installed
    if installed.box is not None:
        installed.box.done(0)
    qapp.removeEventFilter(installed)
    installed.setObjectName("")
    installed.deleteLater()
    sys.excepthook, threading.excepthook = hooks


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (RuntimeError("libshiboken: Internal C++ object (X) already deleted."), "already been"),
        (FileNotFoundError(2, "No such file", "/x"), "was not there"),
        (PermissionError(13, "Permission denied"), "not allowed"),
        (OSError(28, "No space left on device"), "refused"),
        (sqlite3.OperationalError("database is locked"), "history database"),
        (KeyError("x"), "mistake of its own"),
    ],
)
def test_the_cause_is_said_in_plain_words(error: BaseException, words: str) -> None:
    cause = plain_cause(error)
    assert words in cause
    assert str(error) not in cause


def test_a_button_pressed_just_before_is_named(qtbot: QtBot, reporter: ErrorReporter) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    button = QPushButton("&Export PDF…", holder)
    holder.show()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert reporter.message(ValueError("x")).startswith("“Export PDF” did not finish")


def test_an_error_in_a_thread_is_shown_from_the_gui_thread(
    qtbot: QtBot, reporter: ErrorReporter
) -> None:
    def work() -> None:
        raise PermissionError(13, "Permission denied", "/data/rehearsal.db")

    with qtbot.waitSignal(reporter.reported, timeout=5000) as shown:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    assert "not allowed to read or write a file" in shown.args[0]
    assert reporter.box is not None
    app = QApplication.instance()
    assert app is not None
    assert reporter.box.thread() is app.thread()
    assert "Permission denied" in reporter.box.detailedText()


def test_ctrl_c_is_not_reported_as_an_error(
    qtbot: QtBot, reporter: ErrorReporter, capsys: pytest.CaptureFixture[str]
) -> None:
    reporter.handle(KeyboardInterrupt, KeyboardInterrupt(), None)
    QApplication.processEvents()  # a report would be shown on this turn of the loop
    assert reporter.box is None
    assert "KeyboardInterrupt" in capsys.readouterr().err
