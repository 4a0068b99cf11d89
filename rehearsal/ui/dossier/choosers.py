"""Questions only the dossier asks the actor: which photo, which printer.

Saving and confirming are in :mod:`rehearsal.ui.questions`.

Each is a plain callable passed to the windows, so tests answer them directly and no modal
dialog ever opens under pytest.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from rehearsal.dossier.wardrobe_photos import PHOTO_SUFFIXES

OpenPathFn = Callable[[QWidget], Path | None]
"""``(parent) -> chosen file or None``"""

PrinterFn = Callable[[QWidget], QPrinter | None]
"""``(parent) -> a configured printer or None``"""


def ask_photo_path(parent: QWidget) -> Path | None:
    """Ask for the first-round photo with the platform's file dialog."""
    patterns = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_SUFFIXES))
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("DossierChoosers", "Choose the first-round photo"),
        "",
        QCoreApplication.translate("DossierChoosers", "Photos (%s)") % patterns,
    )
    return Path(chosen) if chosen else None


def ask_printer(parent: QWidget) -> QPrinter | None:
    """Ask which printer (and page setup) with the platform's print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer
