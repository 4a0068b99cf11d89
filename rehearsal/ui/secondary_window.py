"""What every secondary window does: close with Esc and Ctrl+W, open at a size that fits.

The history, auditions and follow-up windows are top-level windows owned by the main
window; without these shortcuts the keyboard has no way to put them away again, and a
fixed size larger than a small laptop screen hides their edges.
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


def fit_to_screen(window: QWidget, width: int, height: int, share: float = 0.9) -> None:
    """Resize ``window`` to ``width`` x ``height``, or to ``share`` of a smaller screen."""
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * share))
        height = min(height, int(available.height() * share))
    window.resize(width, height)
