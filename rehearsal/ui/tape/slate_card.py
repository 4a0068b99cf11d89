"""The slate's title card: the actor's name, role, project, agency and height as a picture.

Casting reads the card in the first seconds of the tape before the actor says the same
out loud. Qt draws it (the core has no fonts); :mod:`rehearsal.tape.finish` puts the
picture in front of the take for the seconds Settings asks. Drawing and saving a full-HD
PNG takes tens of milliseconds, so :func:`draw_slate_card` is a plain function the window
runs in the background (``QImage`` and ``QPainter`` may be used off the GUI thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QImageWriter, QPainter

from rehearsal.atomic_file import write_bytes
from rehearsal.ui.theme import STUDIO, pixel_font

CARD_SIZE = QSize(1920, 1080)
BACKGROUND = QColor(STUDIO.card_background)
FIRST_LINE = QColor(STUDIO.card_name)
OTHER_LINES = QColor(STUDIO.card_lines)


def render_slate_card(lines: Sequence[str], size: QSize | None = None) -> QImage:
    """The card as an image: the first line (the name) large, the rest below it, centred."""
    size = size if size is not None else CARD_SIZE
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(BACKGROUND)
    shown = [line for line in lines if line.strip()]
    if not shown:
        return image
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    width, height = size.width(), size.height()
    big = pixel_font(max(12, int(height * STUDIO.card_name_height)), bold=True)
    small = pixel_font(max(10, int(height * STUDIO.card_line_height)))
    fonts = [big] + [QFont(small) for _ in shown[1:]]
    for index, line in enumerate(shown):
        font = fonts[index]
        while font.pixelSize() > 10 and QFontMetrics(font).horizontalAdvance(line) > width * 0.9:
            font = pixel_font(font.pixelSize() - 2, bold=index == 0)
        fonts[index] = font
    heights = [int(QFontMetrics(font).height() * 1.35) for font in fonts]
    y = (height - sum(heights)) // 2
    for index, (font, line, line_height) in enumerate(zip(fonts, shown, heights, strict=True)):
        painter.setFont(font)
        painter.setPen(FIRST_LINE if index == 0 else OTHER_LINES)
        painter.drawText(QRect(0, y, width, line_height), Qt.AlignmentFlag.AlignCenter, line)
        y += line_height
    painter.end()
    return image


def draw_slate_card(lines: Sequence[str], dest: Path, size: QSize | None = None) -> Path:
    """Draw the card and write it to ``dest`` as PNG (atomically, private); returns ``dest``.

    Raises ``OSError`` naming the file when it cannot be written.
    """
    image = render_slate_card(lines, size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"could not draw the slate card {dest.name}: {writer.errorString()}")
    buffer.close()
    try:
        write_bytes(dest, bytes(data.data()))
    except OSError as exc:
        raise OSError(f"could not write the slate card {dest}: {exc.strerror or exc}") from exc
    return dest
