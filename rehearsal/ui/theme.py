"""One look for every window: the palette for light and dark, spacing and type.

Qt reports the desktop's colour scheme (``QStyleHints.colorScheme``, Qt 6.5+); with the
Fusion style a matching palette is set at start and whenever the desktop switches, so a
late-night run-through does not glare at the actor. ``REHEARSAL_THEME=light`` or ``dark``
forces one (the screenshots are taken in both).

Widgets take their colours from :func:`colours` and their spacing and sizes from
:data:`SPACING` and :data:`TYPE` instead of writing numbers of their own; the application
style sheet (:func:`style_sheet`) styles what is marked with a ``look`` property
(``card``, ``muted``, ``error``, ``title``, ``figure``…), so a window opts in by naming
what a widget *is*, not how it looks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEME_ENV = "REHEARSAL_THEME"


@dataclass(frozen=True, slots=True)
class Spacing:
    """Pixels (logical, so they scale with the screen) between and around things."""

    tight: int = 4
    small: int = 8
    medium: int = 12
    large: int = 20
    huge: int = 32
    page_chars: int = 66
    """The page column's width in characters of the script font: a printed page's line."""
    target: int = 44
    """The smallest side of a button pressed in a hurry (the rating's 1-5): a fingertip."""
    radius: int = 6
    """Corner radius of notices and buttons; cards use twice this."""
    measure: int = 60
    """A dialog's reading width in average letters: long enough to read, short enough to
    take in (it grows with the font, and so at 200 %)."""


@dataclass(frozen=True, slots=True)
class TypeScale:
    """Point sizes relative to the desktop's font, so a large-print desktop stays large."""

    title: float = 2.0
    heading: float = 1.35
    figure: float = 1.6
    body: float = 1.0
    small: float = 0.9
    speaker: float = 1.25
    clock: float = 5.0
    """The drill's countdown: read from across the room while standing."""
    score: float = 1.4
    """The rating's 1-5 buttons: one glance, one key."""
    line_height: int = 125
    """The page's line height in percent: room to read a line at a glance."""


@dataclass(frozen=True, slots=True)
class Colours:
    """The few colours the app chooses itself; everything else is the palette's."""

    accent: str
    own_line: str
    muted: str
    card: str
    card_border: str
    error: str
    warning_bg: str
    warning_text: str
    surround: str
    """Around the page column: a shade off the page, so the page reads as paper."""
    flag: str
    """Behind a line an import check doubts (drawn see-through, stronger when serious)."""
    secure: str
    spaced: str
    learning: str
    missed: str
    unmet: str
    """Behind a line of the part by how secure it is: green, light green, amber, red, grey."""
    series: tuple[str, ...]
    """Chart series in order: the accent first, then colours that stay apart in both looks."""


LIGHT = Colours(
    accent="#2f6fb2",
    own_line="#1f6fb2",
    muted="#6b7280",
    card="#ffffff",
    card_border="#d9dce3",
    error="#b00020",
    warning_bg="#fff4d6",
    warning_text="#4a3a00",
    surround="#eceef2",
    flag="#ffc850",
    secure="#b7dfb7",
    spaced="#dcefcf",
    learning="#f7e2a8",
    missed="#f2c0b8",
    unmet="#e3e3e6",
    series=("#2f6fb2", "#d9822b", "#3a9a5b", "#b23a6f", "#7a5cc4", "#6b7280"),
)
DARK = Colours(
    accent="#7fb4ff",
    own_line="#7fb4ff",
    muted="#9aa3b5",
    card="#26262c",
    card_border="#3a3a44",
    error="#ff8a80",
    warning_bg="#4a3a10",
    warning_text="#ffe7a3",
    surround="#1c1c20",
    flag="#ffc850",
    secure="#2c5a34",
    spaced="#34483a",
    learning="#5c4a1c",
    missed="#6a2e2a",
    unmet="#34343c",
    series=("#7fb4ff", "#f0a860", "#79c98f", "#f08cb8", "#b7a0f0", "#9aa3b5"),
)


@dataclass(frozen=True, slots=True)
class Overlay:
    """The drill's clock and the director's note over the page: dark in both looks, warm
    when prep time runs out. Nearly opaque, with an edge, so the page's words do not show
    through and the card stands out from a dark page too."""

    clock: str = "#f4f4f8"
    caption: str = "#9aa3b5"
    background: str = "rgba(20, 20, 35, 245)"
    edge: str = "#5a5a70"
    warning_clock: str = "#ffd166"
    warning_caption: str = "#ff8c42"
    warning_background: str = "rgba(90, 30, 20, 235)"


@dataclass(frozen=True, slots=True)
class Studio:
    """Tape mode, the prompter and the slate card: dark in both looks, like a monitor in
    a studio, so the actor's face lit by the screen does not change with the desktop's
    scheme and the card reads the same on every tape. Colours with an alpha channel are
    written ``#AARRGGBB``."""

    background: str = "#08080c"
    guide: str = "#96ffffff"
    eye_line: str = "#c8ffd166"
    caption: str = "#c9c4b8"
    record: str = "#e63946"
    record_text: str = "#ffffff"
    prompter_background: str = "#101018"
    prompter_text: str = "#f5f1e6"
    prompter_own_line: str = "#ffd166"
    card_background: str = "#0c0c12"
    card_name: str = "#ffffff"
    card_lines: str = "#d8d3c6"
    card_name_height: float = 1 / 10
    """The card's first line (the name), as a share of the card's height."""
    card_line_height: float = 1 / 18
    test_picture: str = "#283c5a"
    test_bar: str = "#ffd166"
    test_text: str = "#ffffff"


OVERLAY = Overlay()
STUDIO = Studio()
SPACING = Spacing()
TYPE = TypeScale()


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text."""
    palette = palette or QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def colours(palette: QPalette | None = None) -> Colours:
    """The colours for the palette in use (light or dark)."""
    return DARK if is_dark(palette) else LIGHT


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
        (QPalette.ColorRole.Mid, QColor(70, 70, 78)),
    ):
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 128))
    return palette


def style_sheet(palette: QPalette | None = None) -> str:
    """The application's style sheet for the palette in use.

    Only widgets that carry a ``look`` property are touched: Fusion draws the rest, so the
    sheet costs nothing where it is not used.
    """
    c, s = colours(palette), SPACING
    return (
        f"[look='card'] {{ background: {c.card}; border: 1px solid {c.card_border};"
        f" border-radius: {2 * s.radius}px; }}"
        f" QFrame[look='panel'] {{ border-left: 1px solid {c.card_border}; }}"
        f" QLabel[look='muted'] {{ color: {c.muted}; }}"
        f" QLabel[look='error'] {{ color: {c.error}; }}"
        f" QLabel[look='accent'] {{ color: {c.accent}; }}"
        f" [look='warning'] {{ background: {c.warning_bg}; color: {c.warning_text};"
        f" border-radius: {s.radius}px; padding: {s.small}px; }}"
        f" [look='warning'] QLabel {{ color: {c.warning_text}; }}"
        f" QLabel[look='thumbnail'] {{ border: 1px solid {c.card_border}; }}"
        f" QPushButton[look='link'] {{ border: none; color: {c.accent}; text-align: left;"
        f" padding: {s.tight}px 0; }}"
        f" QPushButton[look='link']:hover, QPushButton[look='link']:focus"
        f" {{ text-decoration: underline; }}"
        f" QPushButton[look='primary'] {{ background: {c.accent}; color: white;"
        f" border: none; border-radius: {s.radius}px; padding: {s.small}px {s.large}px;"
        f" font-weight: 600; }}"
        f" QPushButton[look='primary']:focus {{ border: 2px solid {c.card_border}; }}"
        f" QPushButton[look='score'] {{ min-width: {s.target}px; min-height: {s.target}px; }}"
    )


def font_scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Set ``widget``'s font to ``factor`` times the desktop's size (and bold)."""
    font = widget.font()
    font.setPointSizeF(QGuiApplication.font().pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def pixel_font(pixels: int, *, bold: bool = False, family: str = "Sans") -> QFont:
    """A font of ``pixels`` height for drawing into an image (the slate card, a test
    picture), where the size follows the image, not the screen."""
    font = QFont(family)
    font.setPixelSize(max(1, pixels))
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def text_width(widget: QWidget, letters: int) -> int:
    """Pixels for ``letters`` average letters of ``widget``'s font: a width that grows with
    the text instead of a number of pixels that cuts a larger font off."""
    return widget.fontMetrics().averageCharWidth() * letters


def set_look(widget: QWidget, look: str) -> None:
    """Mark ``widget`` for the style sheet (``card``, ``muted``, ``error``…); ``""`` unmarks.

    A widget already shown is polished again, so a status line can turn to ``error`` and
    back while it is on screen.
    """
    if widget.property("look") == look:
        return
    widget.setProperty("look", look)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def forced_scheme() -> Qt.ColorScheme | None:
    """The scheme ``REHEARSAL_THEME`` asks for, if any (read when the app starts)."""
    value = os.environ.get(THEME_ENV, "").strip().lower()
    return {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(value)


def apply_system_theme(app: QApplication, forced: Qt.ColorScheme | None = None) -> None:
    """Use Fusion with the palette that matches the desktop (or ``forced``), now and when
    it changes, and the style sheet that goes with it.

    A light desktop needs nothing at start (Fusion's own palette is light), and asking for
    the style object costs a few milliseconds of startup, so it is only fetched when the
    desktop switches back from dark.
    """
    app.setStyle("Fusion")
    forced = forced or forced_scheme()

    def update(scheme: Qt.ColorScheme) -> None:
        if forced is not None:
            scheme = forced
        if scheme == Qt.ColorScheme.Dark:
            app.setPalette(dark_palette())
        else:
            style = app.style()
            app.setPalette(style.standardPalette() if style is not None else QPalette())
        app.setStyleSheet(style_sheet(app.palette()))

    hints = app.styleHints()
    scheme = forced or hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark or forced is not None:
        update(scheme)
    else:
        app.setStyleSheet(style_sheet())
    hints.colorSchemeChanged.connect(update)
