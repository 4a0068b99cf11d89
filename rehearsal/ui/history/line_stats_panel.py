"""Per script: the lines most in need of work, the most often skipped, the slowest.

These are what to drill before a callback, so each list names the scene and quotes the
line; the numbers come from every session of the chosen script (and role, if filtered).
The first list ranks the lines by words missing, prompts asked, skips and slow cue
pickup together (:func:`rehearsal.store.stats_repo.work_need`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rehearsal.store.records import LineStat, LineStats

STAT_HEADERS = (
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Scene")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Line")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Times")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Skipped")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Mean response")),
)


WORK_HEADERS = (
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Scene")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Line")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Times")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Words")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Prompts")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Pickup")),
    str(QT_TRANSLATE_NOOP("LineStatsPanel", "Skipped")),
)


def work_cells(stat: LineStat) -> tuple[str, ...]:
    """One row of "Lines to work on": words said (%), prompts, mean pickup, skips."""
    scene, text, times, skipped, _response = stat_cells(stat)
    words = "" if stat.mean_accuracy is None else f"{round(100 * stat.mean_accuracy)}%"
    pickup = (
        ""
        if stat.mean_pickup_s is None
        else QCoreApplication.translate("LineStatsPanel", "%.1f s") % stat.mean_pickup_s
    )
    return (scene, text, times, words, str(stat.prompts), pickup, skipped)


def stat_cells(stat: LineStat) -> tuple[str, str, str, str, str]:
    """The cells of one row: 1-based scene, the words, counts, seconds."""
    if stat.mean_response_s is None:
        response = ""
    else:
        response = QCoreApplication.translate("LineStatsPanel", "%.1f s") % stat.mean_response_s
    if stat.text is not None:
        text = stat.text
    else:
        text = QCoreApplication.translate("LineStatsPanel", "(element %d)") % (
            stat.element_index + 1
        )
    return (
        str(stat.scene_index + 1),
        text,
        str(stat.times),
        str(stat.skipped),
        response,
    )


class LineStatsPanel(QWidget):
    """A script picker and the two lists for the picked script."""

    scriptChosen = Signal(object)  # script id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.script_combo = QComboBox()
        self.script_combo.setAccessibleName(self.tr("Script for line statistics"))
        self.status = QLabel()
        self.work_table = self._table(self.tr("Lines needing work"), WORK_HEADERS)
        self.skipped_table = self._table(self.tr("Lines most often skipped"))
        self.slowest_table = self._table(self.tr("Slowest lines"))
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Script:")))
        picker.addWidget(self.script_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.status)
        layout.addWidget(
            QLabel(self.tr("Needing work most (words missed, prompts, skips, slow pickup)"))
        )
        layout.addWidget(self.work_table, 1)
        layout.addWidget(QLabel(self.tr("Most often skipped")))
        layout.addWidget(self.skipped_table, 1)
        layout.addWidget(QLabel(self.tr("Slowest (mean seconds from cue to end of line)")))
        layout.addWidget(self.slowest_table, 1)
        self.script_combo.currentIndexChanged.connect(self._on_script_changed)
        self.set_scripts(())

    def _table(self, name: str, headers: tuple[str, ...] = STAT_HEADERS) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels([self.tr(header) for header in headers])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    @property
    def script_id(self) -> int | None:
        """The script whose lines are shown."""
        data = self.script_combo.currentData()
        return data if isinstance(data, int) else None

    def set_scripts(
        self,
        scripts: tuple[tuple[int, str], ...],
        select: int | None = None,
        *,
        notify: bool = True,
    ) -> None:
        """Offer ``scripts`` (id, title); keep the current choice when still offered.

        ``notify=False`` skips ``scriptChosen`` for callers that refresh the lists anyway.
        """
        keep = select if select is not None else self.script_id
        self.script_combo.blockSignals(True)
        self.script_combo.clear()
        for script_id, title in scripts:
            self.script_combo.addItem(title, script_id)
        index = self.script_combo.findData(keep) if keep is not None else -1
        self.script_combo.setCurrentIndex(index if index >= 0 else (0 if scripts else -1))
        self.script_combo.blockSignals(False)
        if not scripts:
            self.status.setText(self.tr("No sessions yet."))
            self.show_stats(LineStats((), ()))
        if notify:
            self.scriptChosen.emit(self.script_id)

    def select_script(self, script_id: int) -> None:
        """Show the lines of ``script_id`` if it is offered."""
        index = self.script_combo.findData(script_id)
        if index >= 0:
            self.script_combo.setCurrentIndex(index)

    def show_loading(self) -> None:
        """Say the lists are being computed."""
        self.status.setText(self.tr("Counting…"))

    def show_stats(self, stats: LineStats) -> None:
        """Fill the three lists."""
        self._fill(self.work_table, stats.to_work_on, work_cells)
        self._fill(self.skipped_table, stats.most_skipped)
        self._fill(self.slowest_table, stats.slowest)
        if self.script_id is not None:
            empty = not stats.most_skipped and not stats.slowest and not stats.to_work_on
            self.status.setText(self.tr("No lines recorded for this script yet.") if empty else "")

    @staticmethod
    def _fill(
        table: QTableWidget,
        stats: tuple[LineStat, ...],
        cells: Callable[[LineStat], tuple[str, ...]] = stat_cells,
    ) -> None:
        table.setRowCount(len(stats))
        for row, stat in enumerate(stats):
            for column, text in enumerate(cells(stat)):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, item)

    @Slot(int)
    def _on_script_changed(self, _index: int) -> None:
        self.scriptChosen.emit(self.script_id)
