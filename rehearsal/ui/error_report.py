"""When something fails that nobody planned for: say what, in words, offer the log, go on.

Qt prints an exception raised in a slot and carries on; Python then calls ``sys.excepthook``.
The actor must learn that the thing they just asked for did not happen — not read
"libshiboken: Internal C++ object already deleted" — and be able to keep rehearsing: the
rest of the window still works, and the sessions so far are saved as they happen.

So the hook logs the full traceback, and a window-modal box (opened, never ``exec()``-ed,
so nothing waits on it) names the action the actor last took ("History…", "Import my
sides…"), says in plain words what kind of thing failed, keeps the technical text under
*Show Details…* for a bug report, and has an **Open the Log** button. A burst of errors (one
per timer tick, say) gives one box that counts them, not a stack of boxes. An error in
another thread is logged there and shown from the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QWidget

log = logging.getLogger("rehearsal")

REPORTER_NAME = "error_reporter"
RECENT_SECONDS = 5.0  # an action older than this is not named as the one that failed
_ACTIVATING_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def plain_cause(value: BaseException) -> str:
    """What kind of thing failed, in words an actor understands."""
    module = type(value).__module__
    if isinstance(value, RuntimeError) and "already deleted" in str(value):
        return QCoreApplication.translate(
            "ErrorReport", "a window it was using had already been closed"
        )
    if isinstance(value, FileNotFoundError):
        return QCoreApplication.translate("ErrorReport", "a file it needed was not there")
    if isinstance(value, PermissionError):
        return QCoreApplication.translate(
            "ErrorReport", "it was not allowed to read or write a file"
        )
    if module.startswith(("sqlalchemy", "sqlite3")):
        return QCoreApplication.translate("ErrorReport", "the history database reported a problem")
    if isinstance(value, OSError):
        return QCoreApplication.translate(
            "ErrorReport", "the system refused to read or write a file"
        )
    if isinstance(value, MemoryError):
        return QCoreApplication.translate("ErrorReport", "the computer ran out of memory")
    return QCoreApplication.translate("ErrorReport", "the program hit a mistake of its own")


def _label(text: str) -> str:
    """A menu or button text as read aloud: no mnemonic ampersands, no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


class ErrorReporter(QObject):
    """Logs unexpected exceptions and shows them to the actor; see the module docstring.

    It also watches the app's input (an event filter: a few microseconds an event) to know
    which menu item, shortcut or button the actor used last, so the box can name it.
    """

    reported = Signal(str)  # the box's main text, once it is on screen
    _from_thread = Signal(object, object, object)

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self._more = 0
        self._last_action = ""
        self._last_action_at = 0.0
        self._from_thread.connect(self._on_from_thread, Qt.ConnectionType.QueuedConnection)

    # -- what the actor did last ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Remember the action behind a shortcut, a menu choice or a button press."""
        kind = event.type()
        if kind == QEvent.Type.Shortcut and isinstance(watched, QAction):
            self._remember(watched.text())
        elif kind == QEvent.Type.MouseButtonRelease or (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ACTIVATING_KEYS
        ):
            self._remember_widget(watched)
        return False

    def _remember_widget(self, watched: QObject) -> None:
        if isinstance(watched, QMenu):
            action = watched.activeAction()
            if action is not None and action.menu() is None:
                self._remember(action.text())
        elif isinstance(watched, QAbstractButton):
            self._remember(watched.text() or watched.accessibleName())

    def _remember(self, text: str) -> None:
        if text:
            self._last_action = _label(text)
            self._last_action_at = time.monotonic()

    def recent_action(self) -> str | None:
        """The action the actor took just now, if any."""
        if self._last_action and time.monotonic() - self._last_action_at <= RECENT_SECONDS:
            return self._last_action
        return None

    # -- the hook ---------------------------------------------------------------------------
    def handle(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: log, then show (from the GUI thread, on its next turn)."""
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("unexpected error", exc_info=(kind, value, tb))
        app = QCoreApplication.instance()
        if not isinstance(app, QApplication):
            return
        if QThread.currentThread() is not app.thread():
            self._from_thread.emit(kind, value, tb)
            return
        QTimer.singleShot(0, lambda: self.show((kind, value, tb)))

    def _on_from_thread(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self.show((kind, value, tb))

    def message(self, value: BaseException) -> str:
        """The box's main text: what did not happen, and why in plain words."""
        cause = plain_cause(value)
        action = self.recent_action()
        if action:
            return QCoreApplication.translate("ErrorReport", "“%s” did not finish: %s.") % (
                action,
                cause,
            )
        return (
            QCoreApplication.translate(
                "ErrorReport", "Rehearsal could not finish what it was doing: %s."
            )
            % cause
        )

    def show(self, info: ExcInfo) -> None:
        """Put the box on screen, or count the error on the one already there."""
        try:
            _restore_cursor()
            if self.box is not None and self.box.isVisible():
                self._more += 1
                self.box.setInformativeText(self._informative())
                return
            self._more = 0
            kind, value, tb = info
            text = self.message(value)
            parent = QApplication.activeModalWidget() or QApplication.activeWindow()
            box = QMessageBox(parent if isinstance(parent, QWidget) else None)
            box.setObjectName("error_report_box")
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(
                QCoreApplication.translate("ErrorReport", "Rehearsal — something went wrong")
            )
            box.setText(text)
            box.setInformativeText(self._informative())
            box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
            self.open_log_button = box.addButton(
                QCoreApplication.translate("ErrorReport", "Open the Log"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.addButton(QMessageBox.StandardButton.Ok)
            box.setDefaultButton(QMessageBox.StandardButton.Ok)
            box.buttonClicked.connect(self._on_button)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(self._on_box_gone)
            self.box = box
            box.open()
            self.reported.emit(text)
        except Exception:  # the report itself must never loop back into the hook
            log.exception("could not show the error report")

    def _informative(self) -> str:
        text = QCoreApplication.translate(
            "ErrorReport",
            "You can go on working: your sessions so far are saved. If this happens again, "
            "the log has the details for a bug report:\n%s",
        ) % str(self.log_path)
        if self._more:
            more = QCoreApplication.translate(
                "ErrorReport", "%d more problem(s) happened since; they are in the log."
            )
            text += "\n\n" + more % self._more
        return text

    def _on_button(self, button: QAbstractButton) -> None:
        if button is getattr(self, "open_log_button", None):
            self.open_log()

    def _on_box_gone(self) -> None:
        self.box = None

    def open_log(self) -> bool:
        """Open the log in the desktop's viewer (its folder, when the file is not there)."""
        target = self.log_path if self.log_path.exists() else self.log_path.parent
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def _restore_cursor() -> None:
    """A slot that set a busy cursor and failed would leave it spinning forever."""
    while QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()


def install_error_report(log_path: Path) -> ErrorReporter:
    """Make unexpected exceptions (in slots and in threads) reach the actor as words.

    The reporter is a child of the application (found again by :func:`current_reporter`);
    installing again, as a second launch in one process does, replaces it.
    """
    app = QCoreApplication.instance()
    previous = current_reporter()
    if previous is not None:
        if app is not None:
            app.removeEventFilter(previous)
        previous.setObjectName("")
        previous.deleteLater()
    reporter = ErrorReporter(log_path, app)
    reporter.setObjectName(REPORTER_NAME)
    if app is not None:
        app.installEventFilter(reporter)
    sys.excepthook = reporter.handle

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        reporter.handle(args.exc_type, value, args.exc_traceback)

    threading.excepthook = thread_hook
    return reporter


def current_reporter() -> ErrorReporter | None:
    """The reporter :func:`install_error_report` set up last, if the app has one."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(ErrorReporter, REPORTER_NAME)
    return found if isinstance(found, ErrorReporter) else None
