"""The preview shows the capture session's picture with the framing guides over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from rehearsal.ui.tape.capture import GeneratedSource, TapeCapture
from rehearsal.ui.tape.overlay import Guides, PreviewView, eye_line_y, mid_shot_head, thirds_lines

pytestmark = pytest.mark.gui


def test_the_guides_sit_on_the_thirds() -> None:
    frame = QRectF(0, 0, 1280, 720)
    assert thirds_lines(frame)[0][0] == pytest.approx(1280 / 3)
    assert thirds_lines(frame)[3][1] == pytest.approx(480)
    assert eye_line_y(frame) == pytest.approx(240)
    head = mid_shot_head(frame)
    assert head.top() < eye_line_y(frame) < head.bottom()
    assert head.center().x() == pytest.approx(640)


def _view(qtbot: QtBot) -> PreviewView:
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.show()
    qtbot.waitExposed(view)
    return view


def _lit_on_column(image: QImage, x: int) -> int:
    return sum(1 for y in range(0, image.height(), 5) if image.pixelColor(x, y).lightness() > 80)


def test_thirds_are_painted_only_when_on(qtbot: QtBot) -> None:
    view = _view(qtbot)
    x = int(view.picture_rect().left() + view.picture_rect().width() / 3)
    plain = view.grab().toImage()
    view.set_guides(Guides(thirds=True))
    guided = view.grab().toImage()
    assert _lit_on_column(guided, x) > _lit_on_column(plain, x) + 10


def test_the_preview_shows_the_frames_being_recorded(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot)
    source = GeneratedSource(QSize(320, 180), 30.0, realtime=True)
    capture = TapeCapture(source)
    capture.set_preview(view.video)
    with qtbot.waitSignal(capture.started, timeout=10_000):
        capture.record(tmp_path / f"take-001{capture.suffix}")
    sink = view.video.videoSink()
    qtbot.waitUntil(lambda: sink.videoFrame().isValid(), timeout=10_000)
    assert sink.videoFrame().size() == QSize(320, 180)
    qtbot.waitUntil(lambda: not view.video.nativeSize().isEmpty(), timeout=5_000)
    picture = view.picture_rect()
    assert picture.width() / picture.height() == pytest.approx(16 / 9, abs=0.02)
    with qtbot.waitSignal(capture.stopped, timeout=10_000):
        capture.stop()


def test_a_message_replaces_the_picture(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.set_message("No camera found.")
    assert not view.video.isVisible()
    image = view.grab().toImage()
    centre = image.height() // 2
    assert any(image.pixelColor(x, centre).lightness() > 120 for x in range(image.width()))
    view.set_message("")
    assert view.video.isVisible()
