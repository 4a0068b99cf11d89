"""The camera preview and the framing guides drawn over it.

A self-tape is usually a mid shot, eyes on the upper third, looking just off the lens to
the reader. The guides are drawn over the picture, never into it: the recording stays
clean. The preview is a ``QGraphicsVideoItem`` in a view (not a ``QVideoWidget``, whose
native window cannot be painted over), so the guides, the recording light and the
"audio only" sign are painted in the view's foreground.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QResizeEvent
from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from rehearsal.ui.theme import STUDIO

GUIDE_COLOUR = QColor(STUDIO.guide)
EYE_LINE_COLOUR = QColor(STUDIO.eye_line)


@dataclass(frozen=True)
class Guides:
    """Which framing guides are on (Settings keeps them)."""

    thirds: bool = False
    eye_line: bool = False
    mid_shot: bool = False

    @property
    def any(self) -> bool:
        return self.thirds or self.eye_line or self.mid_shot


def thirds_lines(frame: QRectF) -> list[tuple[float, float, float, float]]:
    """The rule-of-thirds grid in ``frame``: two verticals, then two horizontals."""
    x, y, w, h = frame.x(), frame.y(), frame.width(), frame.height()
    return [
        (x + w / 3, y, x + w / 3, y + h),
        (x + 2 * w / 3, y, x + 2 * w / 3, y + h),
        (x, y + h / 3, x + w, y + h / 3),
        (x, y + 2 * h / 3, x + w, y + 2 * h / 3),
    ]


def eye_line_y(frame: QRectF) -> float:
    """Where the eyes sit in a mid shot: on the upper third line."""
    return frame.y() + frame.height() / 3


def mid_shot_head(frame: QRectF) -> QRectF:
    """The head's place in a mid shot: centred, eyes on the upper third, a little headroom."""
    h = frame.height()
    head_h = 0.30 * h
    head_w = 0.62 * head_h
    top = eye_line_y(frame) - 0.45 * head_h
    return QRectF(frame.center().x() - head_w / 2, top, head_w, head_h)


def paint_guides(painter: QPainter, frame: QRectF, guides: Guides) -> None:
    """Draw ``guides`` over the picture area ``frame``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if guides.thirds:
        painter.setPen(QPen(GUIDE_COLOUR, 1, Qt.PenStyle.DashLine))
        for x1, y1, x2, y2 in thirds_lines(frame):
            painter.drawLine(int(x1), int(y1), int(x2), int(y2))
    if guides.eye_line:
        y = eye_line_y(frame)
        painter.setPen(QPen(EYE_LINE_COLOUR, 2))
        painter.drawLine(int(frame.left()), int(y), int(frame.right()), int(y))
        painter.drawText(
            QRectF(frame.left() + 8, y - 22, 200, 20),
            QCoreApplication.translate("PreviewView", "eye line"),
        )
    if guides.mid_shot:
        head = mid_shot_head(frame)
        painter.setPen(QPen(GUIDE_COLOUR, 2, Qt.PenStyle.DotLine))
        painter.drawEllipse(head)
        shoulders = head.bottom() + 0.08 * frame.height()
        neck = head.center().x()
        span = head.width() * 1.9
        painter.drawLine(int(neck - span), int(shoulders), int(neck + span), int(shoulders))
    painter.restore()


class PreviewView(QGraphicsView):
    """The camera's picture, scaled to fit, with the guides and the recording light on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Camera preview"))
        self.setObjectName("tape_preview")
        self.setBackgroundBrush(QBrush(QColor(STUDIO.background)))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.video = QGraphicsVideoItem()
        self.video.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self._scene.addItem(self.video)
        self.video.nativeSizeChanged.connect(lambda _size: self._fit())
        self.guides = Guides()
        self.recording = False
        self.elapsed_text = ""
        self.message = ""
        """Shown in the middle when there is no picture (audio only, no camera)."""

    def set_guides(self, guides: Guides) -> None:
        self.guides = guides
        self.viewport().update()

    def set_recording(self, recording: bool, elapsed_text: str = "") -> None:
        """The red light and the time recorded, in the corner."""
        self.recording = recording
        self.elapsed_text = elapsed_text
        self.viewport().update()

    def set_message(self, message: str) -> None:
        self.message = message
        self.video.setVisible(not message)
        self.viewport().update()

    def picture_rect(self) -> QRectF:
        """The part of the scene the picture fills (the whole view before one arrives)."""
        native = self.video.nativeSize()
        bounds = self.video.boundingRect()
        if native.isEmpty() or bounds.isEmpty():
            return QRectF(self.mapToScene(self.viewport().rect()).boundingRect())
        scaled = native.scaled(bounds.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            bounds.x() + (bounds.width() - scaled.width()) / 2,
            bounds.y() + (bounds.height() - scaled.height()) / 2,
            scaled.width(),
            scaled.height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the picture filling the view."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        size = self.viewport().size()
        self.video.setSize(QSizeF(size.width(), size.height()))
        self._scene.setSceneRect(0, 0, size.width(), size.height())
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The guides over the picture, the recording light, or the message."""
        del rect
        frame = self.picture_rect()
        if self.message:
            painter.setPen(QColor(STUDIO.caption))
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.4)
            painter.setFont(font)
            painter.drawText(
                frame.adjusted(24, 24, -24, -24),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.message,
            )
        elif self.guides.any:
            paint_guides(painter, frame, self.guides)
        if self.recording:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STUDIO.record))
            painter.drawEllipse(QRectF(frame.left() + 14, frame.top() + 14, 14, 14))
            painter.setPen(QColor(STUDIO.record_text))
            clock = QRectF(frame.left() + 36, frame.top() + 10, 160, 22)
            painter.drawText(clock, self.elapsed_text)
            painter.restore()
