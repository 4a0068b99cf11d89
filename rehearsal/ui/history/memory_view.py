"""History ▸ Lines Learnt: each line coloured by how secure it is, retention, the days ahead.

Pick a part (a script and a role with memory); the view shows the part's headline, its
lines in script order coloured by standing, the share of runs per day that were not
missed, and how many lines come due each of the next seven days. The numbers come from
:func:`rehearsal.memory.progress.part_progress`, run on the history window's background
thread; this module only draws them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rehearsal.memory.progress import DayRetention, PartProgress
from rehearsal.store.facade import PartListing, Store
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.history.memory_lines_model import COL_LINE, MemoryLinesModel

PARTS_JOB = "memory parts"
PROGRESS_JOB = "memory progress"


def retention_chart(days: tuple[DayRetention, ...]) -> QChart:
    """Retention per day of practice, 0–100 %."""
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("MemoryView", "Runs not missed, per day"))
    chart.legend().hide()
    series = QLineSeries()
    for n, day in enumerate(days):
        series.append(QPointF(n, day.retention * 100))
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append([day.day.strftime("%d %b") for day in days] or [""])
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%d %%")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)
    return chart


def due_chart(due_by_day: tuple[tuple[date, int], ...]) -> QChart:
    """Lines due on each of the next days."""
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("MemoryView", "Lines due in the next days"))
    chart.legend().hide()
    bars = QBarSet(QCoreApplication.translate("MemoryView", "Lines due"))
    bars.append([float(count) for _day, count in due_by_day])
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append([day.strftime("%a") for day, _count in due_by_day] or [""])
    y = QValueAxis()
    y.setLabelFormat("%d")
    y.setRange(0, max([count for _day, count in due_by_day] or [0]) + 1)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


class MemoryView(QWidget):
    """The memory tab of the History window."""

    progressShown = Signal()

    def __init__(
        self, store: Store, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.progress: PartProgress | None = None
        self._stale = True
        self.part_combo = QComboBox(self)
        self.part_combo.setAccessibleName(self.tr("Part"))
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.model = MemoryLinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Lines of the part"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_LINE, QHeaderView.ResizeMode.Stretch)
        self.retention_view = QChartView(self)
        self.retention_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.retention_view.setAccessibleName(self.tr("Runs not missed, per day"))
        self.due_view = QChartView(self)
        self.due_view.setAccessibleName(self.tr("Lines due in the next days"))
        self.empty = QLabel(
            self.tr("No part learnt yet: rehearse a role and its lines show here."), self
        )
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Part:"), self))
        top.addWidget(self.part_combo, 1)
        charts = QWidget(self)
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.retention_view)
        row.addWidget(self.due_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.part_combo.currentIndexChanged.connect(self._on_part_chosen)
        runner.finished.connect(self._on_job_finished)

    def refresh(self) -> None:
        """Read the parts afresh, now if the tab is on screen, else when it is shown."""
        self._stale = True
        if self.isVisible():
            self._read()

    def showEvent(self, event: QShowEvent) -> None:
        """The tab came up: read what changed since it was last on screen."""
        super().showEvent(event)
        if self._stale:
            self._read()

    def _read(self) -> None:
        from rehearsal.memory.progress import list_parts

        self._stale = False
        store = self.store
        self.runner.submit(PARTS_JOB, lambda: list_parts(store))

    @Slot(str, object)
    def _on_job_finished(self, name: str, result: object) -> None:
        if name == PARTS_JOB and isinstance(result, list):
            self._show_parts(result)
        elif name == PROGRESS_JOB and (result is None or isinstance(result, PartProgress)):
            self._show_progress(result)

    def _show_parts(self, parts: list[PartListing]) -> None:
        current = self.part_combo.currentData()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        for part in parts:
            title = part.script_title
            self.part_combo.addItem(f"{title} — {part.role}", (part.script_id, part.role))
        index = max(0, self.part_combo.findData(current)) if current else 0
        self.part_combo.setCurrentIndex(index if parts else -1)
        self.part_combo.blockSignals(False)
        self.empty.setVisible(not parts)
        if parts:
            self._on_part_chosen()
        else:
            self._show_progress(None)

    @Slot()
    def _on_part_chosen(self) -> None:
        chosen = self.part_combo.currentData()
        if not chosen:
            return
        from rehearsal.memory.progress import part_progress

        script_id, role = chosen
        store = self.store
        now = datetime.now(UTC)
        zone = datetime.now().astimezone().tzinfo or UTC
        self.runner.submit(
            PROGRESS_JOB,
            lambda: part_progress(store, script_id, role, now, zone, QCoreApplication.translate),
        )

    def _show_progress(self, progress: PartProgress | None) -> None:
        self.progress = progress
        self.headline.setText(progress.headline.text if progress else "")
        self.model.set_lines(progress.lines if progress else ())
        self.retention_view.setChart(retention_chart(progress.retention if progress else ()))
        self.due_view.setChart(due_chart(progress.due_by_day if progress else ()))
        self.progressShown.emit()
