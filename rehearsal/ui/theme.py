"""Following the system's light or dark appearance.

Qt reports the desktop's colour scheme (``QStyleHints.colorScheme``, Qt 6.5+); with the
Fusion style a matching palette is set at start and whenever the desktop switches, so a
late-night run-through does not glare at the actor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion."""
    palette = QPalette()
    base, window, text = QColor(30, 30, 34), QColor(42, 42, 48), QColor(225, 225, 230)
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor(64, 110, 170)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 160)),
        (QPalette.ColorRole.Link, QColor(120, 170, 255)),
    ):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 128))
    return palette


def apply_system_theme(app: QApplication) -> None:
    """Use Fusion with the palette that matches the desktop, now and when it changes.

    A light desktop needs nothing at start (Fusion's own palette is light), and asking for
    the style object costs a few milliseconds of startup, so it is only fetched when the
    desktop switches back from dark.
    """
    app.setStyle("Fusion")

    def update(scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Dark:
            app.setPalette(dark_palette())
        else:
            style = app.style()
            app.setPalette(style.standardPalette() if style is not None else QPalette())

    hints = app.styleHints()
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        update(Qt.ColorScheme.Dark)
    hints.colorSchemeChanged.connect(update)
