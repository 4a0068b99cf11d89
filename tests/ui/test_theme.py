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
    before, style = qapp.palette(), qapp.style().name()
    try:
        apply_system_theme(qapp)
        assert qapp.style().name().lower() == "fusion"
        scheme = qapp.styleHints().colorScheme()
        assert is_dark(qapp.palette()) == (scheme.name == "Dark")
    finally:
        qapp.setStyle(style)
        qapp.setPalette(before)
