"""Table columns that always fit their view: no horizontal scroll bar, long texts elided.

Qt's resize modes cannot say "as wide as the contents, unless the window is narrow": with
every column sized to its contents a 800-pixel window showed a scroll bar and cut off the
last column. :class:`ColumnFitter` sizes the columns itself whenever the view, its rows or
its font change: each column gets what its contents ask for; the flexible ones (titles,
names) share what is left, shrinking first, down to a readable minimum; only then do the
others shrink too. Cut texts are elided, and the tooltip or detail shows them whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_FLEXIBLE = 80
"""Pixels a flexible column keeps before the other columns start to shrink."""


def column_widths(
    wanted: Sequence[int], flexible: Sequence[int], available: int, minimum: int = MIN_FLEXIBLE
) -> list[int]:
    """Widths summing to at most ``available`` (pure arithmetic, tested without Qt)."""
    widths = list(wanted)
    fixed = sum(w for c, w in enumerate(wanted) if c not in flexible)
    room = available - fixed
    flex_wanted = sum(wanted[c] for c in flexible)
    if not flexible:
        pass
    elif room >= flex_wanted:
        widths[flexible[0]] += room - flex_wanted  # the first flexible column takes the rest
    else:
        floor = [min(wanted[c], minimum) for c in flexible]
        spare = max(0, room - sum(floor))
        extra = [wanted[c] - f for c, f in zip(flexible, floor, strict=True)]
        total_extra = sum(extra) or 1
        for c, f, e in zip(flexible, floor, extra, strict=True):
            widths[c] = f + spare * e // total_extra
    total = sum(widths)
    if total > available > 0:
        scale = available / total
        widths = [int(w * scale) for w in widths]
    return widths


class ColumnFitter(QObject):
    """Keeps ``view``'s columns within its width (see the module docstring)."""

    def __init__(self, view: QTableView, flexible: Sequence[int]) -> None:
        super().__init__(view)
        self._view = view
        self._flexible = tuple(flexible)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Measure the rows on screen only: the default looks at up to 1000 rows per column,
        # which made opening and filtering a large history several times slower.
        header.setResizeContentsPrecision(0)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.viewport().installEventFilter(self)
        model = view.model()
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self.fit)
        model.layoutChanged.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Size every column to the view's current width."""
        view, header = self._view, self._view.horizontalHeader()
        count = header.count()
        if count == 0:
            return
        wanted = [max(header.sectionSizeHint(c), view.sizeHintForColumn(c)) for c in range(count)]
        widths = column_widths(wanted, self._flexible, view.viewport().width())
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
