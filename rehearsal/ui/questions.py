"""Questions a window asks the actor: where to save a file, and are you sure?

Each is a plain callable a window takes as a parameter, so tests answer it directly and no
modal dialog ever opens under pytest. The history and the dossier ask them alike.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

SavePathFn = Callable[[QWidget, str, str, str], Path | None]
"""``(parent, caption, suggested file name, file filter) -> path or None``"""

ConfirmFn = Callable[[QWidget, str, str], bool]
"""``(parent, title, question) -> yes?``"""


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> Path | None:
    """Ask where to save with the platform's file dialog."""
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return Path(chosen) if chosen else None


def ask_confirmation(parent: QWidget, title: str, question: str) -> bool:
    """Ask with a modal Yes/No box, No being the default."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
