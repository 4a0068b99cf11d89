"""The Open Sides dialog, the welcome before it, and the rule for dialogs that delete
themselves.

The dialog opens where the actor keeps their sides: the folder of the last file they
opened (kept in the settings across launches), or their home folder the first time. It
is shown with ``open()``, never ``exec()``, so imports and the partner's voice keep
running behind it and a test can drive it like any other window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from rehearsal.ui.first_run import FirstRunDialog

FILE_FILTER = "Scripts (*.fountain *.spmd *.fdx *.pdf *.txt);;All files (*)"
LAST_FOLDER_KEY = "open/last_folder"


def last_folder(settings: QSettings) -> Path:
    """Where the Open dialog starts: the folder of the last sides opened, else home."""
    folder = str(settings.value(LAST_FOLDER_KEY, "", type=str))
    if folder and Path(folder).is_dir():
        return Path(folder)
    return Path.home()


def remember_folder(settings: QSettings, path: Path, demo_scene: Path | None) -> None:
    """Remember the folder of ``path`` for the next Open (the bundled demo is not one)."""
    if demo_scene is not None and path.resolve() == demo_scene.resolve():
        return
    settings.setValue(LAST_FOLDER_KEY, str(path.resolve().parent))


def open_sides_dialog(parent: QWidget, settings: QSettings) -> QFileDialog:
    """A file dialog for one existing script, starting in :func:`last_folder`."""
    dialog = QFileDialog(parent, parent.tr("Open Sides"), str(last_folder(settings)), FILE_FILTER)
    dialog.setObjectName("open_sides_dialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def keep_while_alive(owner: object, name: str, dialog: QObject) -> None:
    """Hold ``dialog`` in ``owner.<name>`` only as long as Qt keeps it alive.

    The window's dialogs delete themselves on close (``WA_DeleteOnClose``); a Python
    reference kept past that raises "Internal C++ object already deleted" the next time
    anything looks at it. The attribute is cleared when Qt destroys the dialog.
    """
    setattr(owner, name, dialog)

    def forget() -> None:
        if getattr(owner, name, None) is dialog:
            setattr(owner, name, None)

    dialog.destroyed.connect(forget)


class OpenFlow(QObject):
    """The welcome and the Open dialog, and the role question they hold back.

    A script that arrives while the welcome is up waits with its role question until the
    welcome closes, so that one dialog is answered at a time. If the actor leaves the welcome
    through *Import my sides…*, that question is dropped: the role belongs to the sides they
    pick (asked when those open), or, should they cancel the Open dialog, to the script
    already on screen.
    """

    def __init__(
        self,
        window: QWidget,
        settings: QSettings,
        open_file: Callable[[Path], None],
        ask_role: Callable[[], object],
        open_demo: Callable[[], object] | None = None,
        demo_open: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self._open_file, self._ask_role = open_file, ask_role
        self._open_demo, self._demo_open = open_demo, demo_open
        self.welcome_dialog: FirstRunDialog | None = None
        self.open_dialog: QFileDialog | None = None
        self._role_after_welcome = False
        self._role_if_cancelled = False

    def show_welcome(self, force: bool = False) -> FirstRunDialog | None:
        """The first-run welcome, once per data folder (or when asked from the Help menu)."""
        if not force and self._settings.value("first_run/done", False, type=bool):
            return None
        self._settings.setValue("first_run/done", True)
        from rehearsal.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self._window, demo_open=self._demo_open())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.import_requested.connect(self.show_open)
        if self._open_demo is not None:  # from Help ▸ Welcome, over other sides or none
            dialog.demo_requested.connect(self._open_demo)
        dialog.finished.connect(lambda _result: self._on_welcome_finished(dialog))
        keep_while_alive(self, "welcome_dialog", dialog)
        dialog.open()
        return dialog

    def hold_role(self) -> bool:
        """True, and the role is asked later, while the welcome is on screen."""
        welcome = self.welcome_dialog
        if welcome is not None and welcome.isVisible():
            self._role_after_welcome = True
            return True
        return False

    def _on_welcome_finished(self, welcome: FirstRunDialog) -> None:
        if not self._role_after_welcome:
            return
        self._role_after_welcome = False
        if welcome.import_chosen:
            self._role_if_cancelled = True
        else:
            self._ask_role()

    def show_open(self) -> None:
        """Show the Open dialog without blocking the event loop (imports keep running)."""
        if self.open_dialog is not None:
            self.open_dialog.raise_()
            self.open_dialog.activateWindow()
            return
        dialog = open_sides_dialog(self._window, self._settings)
        dialog.fileSelected.connect(self._on_chosen)
        dialog.rejected.connect(self._on_cancelled)
        keep_while_alive(self, "open_dialog", dialog)
        dialog.open()

    def _on_chosen(self, name: str) -> None:
        self._role_if_cancelled = False
        if name:
            self._open_file(Path(name))

    def _on_cancelled(self) -> None:
        if self._role_if_cancelled:  # the welcome's import, turned down after all
            self._role_if_cancelled = False
            self._ask_role()
