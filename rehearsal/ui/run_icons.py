"""Icons for the run controls: the desktop's icon theme, else the bundled line icons.

The bundled SVGs (``resources/icons/action-<name>.svg``) draw in ``currentColor``; they
are tinted with the palette's button text when loaded, so they read on light and dark
alike. The image plugin renders them (no ``QtSvg`` import at startup), at twice the bar's
size so they stay sharp at 200 % scaling.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from rehearsal.paths import resources_dir

RENDER_PX = 48


@cache
def _svg(name: str) -> bytes | None:
    path = resources_dir() / "icons" / f"action-{name}.svg"
    try:
        return path.read_bytes()
    except OSError:
        return None


def bundled_icon(name: str, colour: str | None = None) -> QIcon:
    """The bundled icon ``name`` tinted with ``colour`` (default: the button text)."""
    data = _svg(name)
    if data is None:
        return QIcon()
    if colour is None:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.ButtonText).name()
    pixmap = QPixmap()
    pixmap.loadFromData(data.replace(b"currentColor", colour.encode()), "SVG")
    if pixmap.isNull():
        return QIcon()
    pixmap = pixmap.scaled(RENDER_PX, RENDER_PX)
    return QIcon(pixmap)


def theme_icon(name: str) -> QIcon:
    """The desktop theme's ``name`` icon (freedesktop naming), else the bundled one."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    return bundled_icon(name)
