"""What every secondary window does: close with Esc and Ctrl+W, open at a size that fits,
and hear when the actor comes back to it.

The history, auditions and follow-up windows are top-level windows owned by the main
window; without these shortcuts the keyboard has no way to put them away again, and a
fixed size larger than a small laptop screen hides their edges. A window that lists what
other windows change (the home, a dossier) reads it again when it comes back to the front.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
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


class ReturnWatcher(QObject):
    """Calls ``on_return`` when ``window`` becomes active again after another window was.

    Only the top-level window hears that it is active, so a page inside it (the home) is
    told through this too. The first activation, right after the window opens, is not a
    return: what opens a window has just read what it shows.
    """

    def __init__(self, window: QWidget, on_return: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._on_return = on_return
        self._away = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.ActivationChange:
            if not self._window.isActiveWindow():
                self._away = True
            elif self._away:
                self._away = False
                self._on_return()
        return False
