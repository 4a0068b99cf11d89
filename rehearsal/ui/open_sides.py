"""The Open Sides dialog and the window's rule for dialogs that delete themselves.

The dialog opens where the actor keeps their sides: the folder of the last file they
opened (kept in the settings across launches), or their home folder the first time. It
is shown with ``open()``, never ``exec()``, so imports and the partner's voice keep
running behind it and a test can drive it like any other window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

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
