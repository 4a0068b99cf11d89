"""Following the desktop's light or dark appearance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
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


def _luminance(colour: str | QColor) -> float:
    """WCAG relative luminance."""
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def _contrast(a: str | QColor, b: str | QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [True, False], ids=["dark", "light"])
def test_every_colour_the_app_chooses_reads_in_both_looks(qapp: QApplication, dark: bool) -> None:
    """Text on the theme's own backgrounds meets WCAG AA (4.5:1) in each look; muted and
    accent text on the window at least 3:1 (they are never the only way something is said)."""
    from rehearsal.ui.theme import DARK, LIGHT

    palette = dark_palette() if dark else qapp.style().standardPalette()
    look = DARK if dark else LIGHT
    text = palette.color(QPalette.ColorRole.Text)
    window = palette.color(QPalette.ColorRole.Window)
    for name in ("secure", "spaced", "learning", "missed", "unmet", "card"):
        assert _contrast(text, getattr(look, name)) >= 4.5, name
    assert _contrast(look.warning_text, look.warning_bg) >= 4.5
    assert _contrast(look.error, window) >= 4.5
    assert _contrast(look.muted, window) >= 3.0
    assert _contrast(look.accent, look.card) >= 3.0
    base = palette.color(QPalette.ColorRole.Base)
    for colour in look.series:  # each chart series stands out from the chart's card
        assert _contrast(colour, base) >= 2.0, colour


HARD_CODED = re.compile(
    r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b"  # a colour
    r"|QColor\(\s*\d|GlobalColor\.(?:black|white|red|green|blue|gray|yellow)"
    r"|rgba?\(|palette\((?!\))"  # a colour in a style sheet (palette() roles included)
    r"|font-size|setPointSize\(|setPixelSize\("  # a type size
    r"|setContentsMargins\(\s*[1-9]|setSpacing\(\s*[1-9]|Spacing\(\s*[1-9]"  # pixel spacing
)


def test_colours_type_and_spacing_come_from_the_theme_alone() -> None:
    """Every window takes its colours, sizes of type and spacing from ``ui/theme.py``; a
    number of its own in a widget is how the dark look came out unreadable before."""
    ui = Path(__file__).resolve().parents[2] / "rehearsal" / "ui"
    found = [
        f"{path.relative_to(ui)}:{number}: {line.strip()}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HARD_CODED.search(line.split("  #")[0])
    ]
    assert not found, "take these from rehearsal/ui/theme.py:\n" + "\n".join(found)
