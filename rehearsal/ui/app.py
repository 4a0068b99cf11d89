"""Starting the GUI: one ``QApplication``, one set of paths, one main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from rehearsal import __version__
from rehearsal.logs import setup_logging
from rehearsal.paths import Paths, default_paths, resources_dir
from rehearsal.store.database import OpenedDatabase, StoreError
from rehearsal.store.startup import open_store
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.theme import apply_system_theme
from rehearsal.ui.translations import install_translations

DEMO_SCENE_NAME = "demo-night-shift.fountain"


def demo_scene_path() -> Path:
    """The bundled scene the app opens on first launch."""
    return resources_dir() / "scenes" / DEMO_SCENE_NAME


def app_settings(paths: Paths) -> QSettings:
    """Settings kept beside the data, so ``--data-dir`` gives a fully portable install."""
    return QSettings(str(paths.data / "settings.ini"), QSettings.Format.IniFormat)


def open_store_or_explain(paths: Paths) -> tuple[OpenedDatabase | None, str | None]:
    """Open the history database; on failure the app runs without it and says why.

    A second instance (locked database) or an unreadable file must not stop an actor from
    rehearsing: the run works, only the history is off until the problem is solved.
    """
    try:
        return open_store(paths), None
    except StoreError as exc:
        logging.getLogger("rehearsal").warning("history database unavailable: %s", exc)
        return None, str(exc)


def create_main_window(paths: Paths, *, with_store: bool = True) -> MainWindow:
    """Build the main window for ``paths`` (used by the launcher and by tests)."""
    store, problem = open_store_or_explain(paths) if with_store else (None, None)
    window = MainWindow(paths, app_settings(paths), demo_scene=demo_scene_path(), store=store)
    window.store_error = problem
    return window


def install_excepthook(log_path: Path) -> None:
    """Show unexpected errors in a short dialog with the log's path instead of vanishing.

    Qt swallows exceptions raised in slots after printing them; without this hook the app
    would go on in an unknown state with the actor none the wiser.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("rehearsal").critical("unexpected error", exc_info=(kind, value, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                "Rehearsal",
                f"Something went wrong: {value}\n\nDetails are in the log:\n{log_path}",
            )

    sys.excepthook = hook


def run_app(
    file: str | None = None,
    demo: bool = False,
    data_dir: str | None = None,
    verbose: bool = False,
    quit_after_load: bool = False,
) -> int:
    """Run the GUI until the window closes; returns the exit status."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Rehearsal")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Rehearsal")
    app.setDesktopFileName("app.rehearsal.Rehearsal")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "rehearsal.svg")))
    apply_system_theme(app)
    for translator in install_translations(app, resources_dir() / "translations"):
        logging.getLogger("rehearsal").info("translation loaded: %s", translator.filePath())
    paths = default_paths(data_dir).ensure()
    install_excepthook(setup_logging(paths.logs, verbose))
    window = create_main_window(paths)
    window.show()
    if window.store_error:
        QMessageBox.warning(window, "Rehearsal", window.store_error)
    elif window.store is not None and window.store.notices:
        QTimer.singleShot(
            0,
            lambda: QMessageBox.information(
                window,
                "Rehearsal",
                "\n\n".join(n.message for n in window.store.notices),  # type: ignore[union-attr]
            ),
        )
    if quit_after_load:
        # Let the loaded page paint once before leaving, so a smoke test proves it rendered.
        window.script_loaded.connect(lambda *_: QTimer.singleShot(50, lambda: app.exit(0)))
        window.import_failed.connect(lambda *_: app.exit(1))
    first_run = not window.settings.value("first_run/done", False, type=bool)
    if not quit_after_load:
        QTimer.singleShot(0, window.prep.show_due_followups)
    if not quit_after_load:
        QTimer.singleShot(0, window.maybe_show_welcome)
    if file:
        QTimer.singleShot(0, lambda: window.open_file(Path(file)))
    elif demo or first_run:
        QTimer.singleShot(0, window.open_demo)
    return int(app.exec())
