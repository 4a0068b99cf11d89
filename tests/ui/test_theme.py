"""Following the desktop's light or dark appearance."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from rehearsal.ui.theme import apply_system_theme, dark_palette, is_dark

pytestmark = pytest.mark.gui


def test_the_dark_palette_is_dark_and_readable() -> None:
    palette = dark_palette()
    assert is_dark(palette)
    text = palette.color(QPalette.ColorRole.Text).lightness()
    base = palette.color(QPalette.ColorRole.Base).lightness()
    assert text - base > 150  # high contrast for reading lines


def test_the_palette_follows_the_scheme(qapp: QApplication) -> None:
    before, style, sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    try:
        apply_system_theme(qapp)
        assert "look='card'" in qapp.styleSheet()  # the one look, for every window
        scheme = qapp.styleHints().colorScheme()
        assert is_dark(qapp.palette()) == (scheme.name == "Dark")
        qapp.setStyleSheet("")  # under the sheet, the style is Fusion
        assert qapp.style().name().lower() == "fusion"
    finally:
        qapp.setStyle(style)
        qapp.setPalette(before)
        qapp.setStyleSheet(sheet)


def test_the_theme_can_be_forced(qapp: QApplication) -> None:
    """``REHEARSAL_THEME=dark`` (the screenshots in the dark look) wins over the desktop."""
    from PySide6.QtCore import Qt

    from rehearsal.ui.theme import DARK, LIGHT, colours

    before, style, sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    try:
        apply_system_theme(qapp, forced=Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette())
        assert colours() is DARK
        assert DARK.card in qapp.styleSheet()
        apply_system_theme(qapp, forced=Qt.ColorScheme.Light)
        assert not is_dark(qapp.palette())
        assert colours() is LIGHT
    finally:
        qapp.setStyle(style)
        qapp.setPalette(before)
        qapp.setStyleSheet(sheet)
