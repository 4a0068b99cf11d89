"""Esc and Ctrl+W close a secondary window, as they do in every desktop app.

The history, auditions and follow-up windows are top-level windows owned by the main
window; without these shortcuts the keyboard has no way to put them away again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def close_keys() -> list[QKeySequence]:
    """Escape, Ctrl+W and the platform's own Close keys, each once.

    A key bound twice in one window is ambiguous to Qt and then does nothing, so the
    platform's list (which often holds Ctrl+W already) is merged, not appended.
    """
    keys = [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Close):
        if key not in keys:
            keys.append(key)
    return keys


def add_close_keys(window: QWidget) -> list[QShortcut]:
    """Make the close keys close ``window`` from anywhere inside it."""
    shortcuts = []
    for key in close_keys():
        shortcut = QShortcut(key, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(window.close)
        shortcuts.append(shortcut)
    return shortcuts
