"""What "nothing cut off" means, checked on real widgets.

A window is cut off when it does not fit on its screen (it opens larger than the screen's
free area, or cannot shrink to it), and a widget in it is cut off when it is shown smaller
than it needs (a button narrower than its text, a wrapped label shorter than its lines)
or reaches past its parent's edge. Content that scrolls (a scroll area's page, an item
view's rows) is meant to reach past its viewport and is not counted.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QTabWidget,
    QWidget,
)

SLACK = 1
"""Pixels of rounding allowed (a fractional scale rounds a size either way)."""


def describe(widget: QWidget) -> str:
    """``ClassName#objectName`` inside its nearest app-defined owner, for a failure message."""
    name = widget.objectName()
    text = type(widget).__name__ + (f"#{name}" if name else "")
    if widget.accessibleName():
        text += f" '{widget.accessibleName()}'"
    owner = widget.parentWidget()
    while owner is not None and not type(owner).__module__.startswith("rehearsal."):
        owner = owner.parentWidget()
    return text + (f" in {type(owner).__name__}" if owner is not None else "")


def _in_scrolled_content(widget: QWidget) -> bool:
    """True when ``widget`` sits on a page that scrolls (its edge may pass the viewport)."""
    parent = widget.parentWidget()
    while parent is not None:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def _shown(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and not widget.isWindow():
            yield widget


def _need(widget: QWidget) -> QSize:
    """The least size at which ``widget`` shows what it holds.

    A scroll area's own hint (about 70×70) is a default, not a need: a notes box two lines
    high scrolls the rest, so it needs a line of text and a few letters. A control's inner
    parts (a spin box's line edit, named ``qt_…``) are sized by the control itself.
    """
    if widget.objectName().startswith("qt_"):
        return QSize()
    if isinstance(widget, QAbstractScrollArea):
        metrics = widget.fontMetrics()
        frame = 2 * widget.frameWidth()
        least = QSize(4 * metrics.averageCharWidth() + frame, metrics.lineSpacing() + frame)
        return least.expandedTo(widget.minimumSize())
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def clipped(root: QWidget) -> list[str]:
    """Every visible widget of ``root`` shown smaller than it needs or past its parent."""
    problems: list[str] = []
    for widget in _shown(root):
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractItemView) and widget is not parent.viewport():
            continue  # a view's own scroll bars and header, laid out by the view
        need = _need(widget)
        size = widget.size()
        if need.isValid() and (
            size.width() + SLACK < need.width() or size.height() + SLACK < need.height()
        ):
            problems.append(
                f"{describe(widget)} is {size.width()}×{size.height()},"
                f" needs {need.width()}×{need.height()}"
            )
            continue
        if widget.hasHeightForWidth():
            height = widget.heightForWidth(size.width())
            if size.height() + SLACK < height:
                problems.append(
                    f"{describe(widget)} is {size.height()} high, its text needs {height}"
                )
                continue
        parent = widget.parentWidget()
        if parent is None or _in_scrolled_content(widget):
            continue
        inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not inside.contains(widget.geometry()):
            problems.append(f"{describe(widget)} at {_rect(widget.geometry())} leaves its parent")
    return problems


def off_screen(window: QWidget) -> list[str]:
    """Problems with ``window`` on its screen: larger than the free area, or placed past it."""
    screen = window.screen() or QApplication.primaryScreen()
    free = screen.availableGeometry()
    problems = []
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > free.width() or need.height() > free.height():
        problems.append(f"{describe(window)} needs {_size(need)}, the screen has {_size(free)}")
    frame = window.frameGeometry()
    if frame.width() > free.width() or frame.height() > free.height():
        problems.append(f"{describe(window)} opens at {_size(frame)} on {_size(free)}")
    elif window.isVisible() and not free.contains(frame):
        problems.append(f"{describe(window)} at {_rect(frame)} is past the screen {_rect(free)}")
    return problems


def every_page(root: QWidget) -> Iterator[str]:
    """Show each page of each visible tab widget in turn (yielding its name).

    The pages not current are hidden, so a check sees only the current one; this walks them
    all and leaves every tab as it found it.
    """
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        before = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index) or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            QApplication.sendPostedEvents()
            QApplication.processEvents()
            yield f"{type(root).__name__} ▸ {tabs.tabText(index).replace('&', '')}"
        tabs.setCurrentIndex(before)


def problems_of(window: QWidget) -> list[str]:
    """Everything cut off in ``window``, on every tab."""
    QApplication.sendPostedEvents()  # pending layout requests: the sizes as painted
    QApplication.processEvents()
    found = off_screen(window) + clipped(window)
    for page in every_page(window):
        found += [f"{page}: {problem}" for problem in clipped(window)]
    return sorted(set(found))


def _size(rect: QRect | QSize) -> str:
    return f"{rect.width()}×{rect.height()}"


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}×{rect.height()}"
