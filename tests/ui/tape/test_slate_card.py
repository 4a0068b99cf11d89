"""The slate card is drawn as a real PNG that the finishing step can put before the take."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from rehearsal.ui.tape.slate_card import BACKGROUND, CARD_SIZE, draw_slate_card

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]  # fonts need the app


def _bright_rows(image: QImage) -> list[int]:
    """Rows (sampled every 4 px, across the middle half) holding text-coloured pixels."""
    rows = []
    for y in range(0, image.height(), 4):
        for x in range(image.width() // 4, 3 * image.width() // 4, 3):
            if image.pixelColor(x, y).lightness() > 150:
                rows.append(y)
                break
    return rows


def test_the_card_is_a_full_hd_png_with_the_lines_centred(tmp_path: Path) -> None:
    lines = ["Maya Okafor", "NINA — The Seagull", "Blue Door Agency", "5'6\""]
    path = draw_slate_card(lines, tmp_path / "take-001.slate.png")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    image = QImage(str(path))
    assert image.size() == CARD_SIZE
    rows = _bright_rows(image)
    assert rows, "no text on the card"
    middle = image.height() / 2
    assert min(rows) > image.height() * 0.15
    assert max(rows) < image.height() * 0.85
    assert abs((min(rows) + max(rows)) / 2 - middle) < image.height() * 0.1
    assert image.pixelColor(5, 5) == BACKGROUND


def test_more_lines_take_more_room(tmp_path: Path) -> None:
    one = QImage(str(draw_slate_card(["Maya Okafor"], tmp_path / "one.png", QSize(640, 360))))
    four = QImage(
        str(
            draw_slate_card(
                ["Maya Okafor", "NINA", "Agency", "5'6\""], tmp_path / "4.png", QSize(640, 360)
            )
        )
    )

    def span(image: QImage) -> int:
        return max(_bright_rows(image)) - min(_bright_rows(image))

    assert span(four) > 2 * span(one)


def test_an_empty_slate_is_a_plain_card(tmp_path: Path) -> None:
    image = QImage(str(draw_slate_card(["", "  "], tmp_path / "empty.png", QSize(320, 180))))
    assert _bright_rows(image) == []


def test_a_very_long_name_still_fits_across(tmp_path: Path) -> None:
    name = "Maximiliana Theodora Featherstonehaugh-Cholmondeley-Worthington the Third"
    image = QImage(str(draw_slate_card([name], tmp_path / "long.png", QSize(640, 360))))
    lit = [
        x
        for x in range(image.width())
        if image.pixelColor(x, image.height() // 2).lightness() > 150
    ]
    assert lit
    assert min(lit) > 0
    assert max(lit) < image.width() - 1


def test_a_card_that_cannot_be_written_raises_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "self_tapes"
    blocker.write_text("not a folder")
    with pytest.raises(OSError, match=r"take-001\.slate\.png"):
        draw_slate_card(["Maya"], blocker / "take-001.slate.png")
