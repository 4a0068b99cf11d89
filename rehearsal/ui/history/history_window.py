"""The history window: every session, filterable, with detail, charts and lines to work on.

The table and deleting run on the GUI thread because they are index lookups of a few
milliseconds at any history size (measured by ``benchmarks/bench_history.py``); the session
detail (which parses the script snapshot), the charts, the per-line statistics and exports
can take longer and go through :class:`BackgroundRunner`.

Questions to the actor (delete? save where?) are injectable callables, so tests answer them
without a modal dialog ever opening.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rehearsal.store.activity_records import HistorySummary
from rehearsal.store.database import Notice, StoreError
from rehearsal.store.dossier_records import CheckInChartData
from rehearsal.store.facade import Store
from rehearsal.store.records import (
    ALL_SESSIONS,
    ChartData,
    LineStats,
    SessionDetail,
    SessionFilter,
    SessionSummary,
)
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.dates import FieldDateEdit, datetime_text, use_locale_dates
from rehearsal.ui.dossier.checkin_chart import CheckInChart
from rehearsal.ui.history.charts import ChartsPanel
from rehearsal.ui.history.column_fit import ColumnFitter
from rehearsal.ui.history.detail_view import SessionDetailView
from rehearsal.ui.history.line_stats_panel import LineStatsPanel
from rehearsal.ui.history.memory_view import MemoryView
from rehearsal.ui.history.summary_strip import SummaryStrip, week_began
from rehearsal.ui.history.table_model import (
    COL_ROLE,
    COL_SCRIPT,
    COL_STARTED,
    SessionTableModel,
    mode_name,
)
from rehearsal.ui.questions import ConfirmFn, SavePathFn, ask_confirmation, ask_save_path
from rehearsal.ui.secondary_window import add_close_keys, fit_to_screen
from rehearsal.ui.theme import set_look, text_width

DEFAULT_RANGE_DAYS = 30
FILTER_CHARS = 36
"""The widest a filter box grows, in letters: a long title must not push the others off."""

JOB_NAMES = {
    "charts": str(QT_TRANSLATE_NOOP("HistoryWindow", "charts")),
    "checkins": str(QT_TRANSLATE_NOOP("HistoryWindow", "check-ins")),
    "lines": str(QT_TRANSLATE_NOOP("HistoryWindow", "lines")),
    "detail": str(QT_TRANSLATE_NOOP("HistoryWindow", "detail")),
    "summary": str(QT_TRANSLATE_NOOP("HistoryWindow", "week's summary")),
}
"""What a failed background job was loading, in the words of the error message."""


def local_day_start(day: QDate) -> datetime:
    """Midnight at the start of ``day`` in local time, as an aware datetime."""
    return datetime.combine(date(day.year(), day.month(), day.day()), time.min).astimezone()


class HistoryWindow(QWidget):
    """Browse, inspect, chart, export and delete past sessions."""

    detailShown = Signal(int)  # session id, after the detail is on screen
    chartsUpdated = Signal()
    summaryUpdated = Signal()
    lineStatsUpdated = Signal()
    sessionDeleted = Signal(int)
    exportFinished = Signal(str)  # message shown
    errorShown = Signal(str)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        confirm: ConfirmFn = ask_confirmation,
        choose_save_path: SavePathFn = ask_save_path,
        notices: Sequence[Notice] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Rehearsal — History"))
        self.store = store
        self.repo = store.history
        self.confirm = confirm
        self.choose_save_path = choose_save_path
        self.runner = BackgroundRunner(self)
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.model = SessionTableModel(store, parent=self)
        self._stale = False  # hidden since the last load: showing it again reads afresh
        self._build(notices)
        self._connect()
        fit_to_screen(self, 1100, 700)
        self._refresh_choices()
        # Start the background queries once the window is on screen: they compete with the
        # GUI thread for the interpreter, and the first page should paint first.
        QTimer.singleShot(0, self, self._refresh_background)

    # Building ---------------------------------------------------------------------------

    def _build(self, notices: Sequence[Notice]) -> None:
        self.banner = QLabel("\n".join(n.message for n in notices))
        self.banner.setWordWrap(True)
        self.banner.setVisible(bool(notices))
        self.script_combo = QComboBox()
        self.role_combo = QComboBox()
        self.mode_combo = QComboBox()
        for combo, name in (
            (self.script_combo, self.tr("Filter by script")),
            (self.role_combo, self.tr("Filter by role")),
            (self.mode_combo, self.tr("Filter by mode")),
        ):
            combo.setAccessibleName(name)
            # Long script titles must not widen the window: the list still shows them whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.setMaximumWidth(text_width(combo, FILTER_CHARS))
        self.date_check = QCheckBox(self.tr("From"))
        self.date_check.setAccessibleName(self.tr("Filter by date"))
        today = QDate.currentDate()
        self.from_edit = FieldDateEdit(today.addDays(-DEFAULT_RANGE_DAYS))
        self.from_edit.setAccessibleName(self.tr("First day shown"))
        self.to_edit = FieldDateEdit(today)
        self.to_edit.setAccessibleName(self.tr("Last day shown"))
        for edit in (self.from_edit, self.to_edit):
            use_locale_dates(edit)
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.reset_button = QPushButton(self.tr("Show all"))
        self.reset_button.setAccessibleName(self.tr("Show all sessions"))
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.script_combo, 1)
        filters.addWidget(self.role_combo, 1)
        filters.addWidget(self.mode_combo, 1)
        filters.addWidget(self.date_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.column_fitter = ColumnFitter(self.table, flexible=(COL_SCRIPT, COL_ROLE))
        self.table.horizontalHeader().setSortIndicator(COL_STARTED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.detail = SessionDetailView()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.charts = ChartsPanel()
        self.line_panel = LineStatsPanel()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("History views"))
        self.tabs.addTab(splitter, self.tr("Sessions"))
        self.tabs.addTab(self.charts, self.tr("Progress"))
        self.tabs.addTab(self.line_panel, self.tr("Lines to work on"))
        self.checkin_chart = CheckInChart(self)
        self.tabs.addTab(self.checkin_chart, self.tr("Check-ins"))
        self.memory_view = MemoryView(self.store, self.runner, self)
        self.tabs.addTab(self.memory_view, self.tr("Lines Learnt"))

        self.delete_button = QPushButton(self.tr("Delete session…"))
        self.delete_button.setEnabled(False)
        self.export_csv_button = QPushButton(self.tr("Export CSV…"))
        self.export_json_button = QPushButton(self.tr("Export JSON…"))
        self.filtered_only = QCheckBox(self.tr("Export only the sessions shown"))
        self.filtered_only.setChecked(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the history"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.delete_button)
        actions.addWidget(self.export_csv_button)
        actions.addWidget(self.export_json_button)
        actions.addWidget(self.filtered_only)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        self.summary = SummaryStrip(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        self._delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        self._close_shortcuts = add_close_keys(self)
        self._show_count(self.model.total)

    def _connect(self) -> None:
        for combo in (self.script_combo, self.role_combo, self.mode_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.date_check.toggled.connect(self._on_date_toggled)
        self.from_edit.dateChanged.connect(self._on_filter_changed)
        self.to_edit.dateChanged.connect(self._on_filter_changed)
        self.reset_button.clicked.connect(self._on_reset)
        self.model.totalChanged.connect(self._show_count)
        self.model.modelReset.connect(self._on_model_reset)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)
        self.delete_button.clicked.connect(self._on_delete)
        self._delete_shortcut.activated.connect(self._on_delete)
        self.export_csv_button.clicked.connect(self._on_export_csv)
        self.export_json_button.clicked.connect(self._on_export_json)
        self.refresh_button.clicked.connect(self.refresh)
        self.line_panel.scriptChosen.connect(self._on_line_script_chosen)
        self.runner.finished.connect(self._on_job_finished)
        self.runner.failed.connect(self._on_job_failed)

    # Public -----------------------------------------------------------------------------

    def current_filter(self) -> SessionFilter:
        """The filter the widgets describe."""
        start = end = None
        if self.date_check.isChecked():
            first, last = self.from_edit.date(), self.to_edit.date()
            if last < first:
                first, last = last, first
            start, end = local_day_start(first), local_day_start(last.addDays(1))
        return SessionFilter(
            script_id=self.script_combo.currentData(),
            role=self.role_combo.currentData(),
            mode=self.mode_combo.currentData(),
            start=start,
            end=end,
        )

    def selected_session(self) -> SessionSummary | None:
        """The session of the current row."""
        index = self.table.currentIndex()
        return self.model.session_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        """Make ``row`` current (and so load its detail)."""
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def refresh(self) -> None:
        """Re-read everything, e.g. after a rehearsal was recorded while the window was open.

        The session that was selected stays selected when it is still there.
        """
        selected = self.selected_session()
        if self._guard(self.model.reload):
            self._refresh_choices()
            self._refresh_background()
            row = self.model.row_of(selected.id) if selected is not None else None
            if row is not None:
                self.select_row(row)

    def shutdown(self) -> None:
        """Stop the background thread (the main window calls it on quit, tests at teardown).

        Closing only hides the window, which is shown again on the next Ctrl+H; its thread
        stays up meanwhile (it costs nothing idle), so an export still running is written
        and reported.
        """
        self.runner.shutdown()

    def showEvent(self, event: QShowEvent) -> None:
        """Show the database as it is now: rehearsals may have been recorded meanwhile."""
        super().showEvent(event)
        self.runner.start()  # stopped if the window was shut down before
        if self._stale:
            self._stale = False
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stale = True

    # Helpers ----------------------------------------------------------------------------

    def _guard(self, action: Callable[[], object]) -> bool:
        """Run a quick database action, turning a storage problem into a shown message."""
        try:
            action()
        except StoreError as exc:
            self._show_error(str(exc))
            return False
        return True

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        set_look(self.status, "error")
        self.errorShown.emit(message)

    def _show_status(self, message: str) -> None:
        set_look(self.status, "")
        self.status.setText(message)

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: Sequence[tuple[object, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _refresh_choices(self) -> None:
        try:
            choices = self.repo.filter_choices()
        except StoreError as exc:
            self._show_error(str(exc))
            return
        self._refill(self.script_combo, self.tr("All scripts"), choices.scripts)
        self._refill(self.role_combo, self.tr("All roles"), [(r, r) for r in choices.roles])
        modes = [(m, mode_name(m)) for m in choices.modes]
        self._refill(self.mode_combo, self.tr("All modes"), modes)
        self.line_panel.set_scripts(
            choices.scripts, select=self.script_combo.currentData(), notify=False
        )
        if self.current_filter() != self.model.session_filter:
            self._guard(lambda: self.model.set_filter(self.current_filter()))

    def _submit_charts(self, where: SessionFilter) -> None:
        """Query the Progress and Check-ins charts for ``where`` off the GUI thread."""
        store = self.store
        self.runner.submit("charts", lambda: store.chart_data(where))
        self.runner.submit("checkins", lambda: store.checkin_chart_data(where))

    def _refresh_background(self) -> None:
        self._submit_summary(self.current_filter())
        self._submit_charts(self.current_filter())
        self._submit_line_stats(self.line_panel.script_id)
        self.memory_view.refresh()

    def _submit_summary(self, where: SessionFilter) -> None:
        """This week's figures for the script, role and mode chosen (the dates are the week)."""
        store, since = self.store, week_began(self.now())
        scope = SessionFilter(script_id=where.script_id, role=where.role, mode=where.mode)
        until = since + timedelta(days=7)
        self.runner.submit("summary", lambda: store.history_summary(since, scope, until))

    def _submit_line_stats(self, script_id: int | None) -> None:
        if script_id is None:
            return
        store, role = self.store, self.current_filter().role
        self.line_panel.show_loading()
        self.runner.submit("lines", lambda: store.line_stats(script_id, role=role))

    def _show_count(self, total: int) -> None:
        text = self.tr("%d session") if total == 1 else self.tr("%d sessions")
        self.count_label.setText(text % total)

    def _export(self, kind: str) -> None:
        suffix = kind.lower()
        path = self.choose_save_path(
            self,
            self.tr("Export history as %s") % kind,
            f"rehearsal-history.{suffix}",
            self.tr("%s files (*.%s)") % (kind, suffix),
        )
        if path is None:
            return
        where = self.current_filter() if self.filtered_only.isChecked() else ALL_SESSIONS
        store = self.store
        self._show_status(self.tr("Exporting to %s…") % path)
        self.runner.submit("export", lambda: (store.export_history(suffix, path, where), path))

    # Slots ------------------------------------------------------------------------------

    @Slot()
    def _on_filter_changed(self) -> None:
        where = self.current_filter()
        if self._guard(lambda: self.model.set_filter(where)):
            if where.script_id is not None and where.script_id != self.line_panel.script_id:
                self.line_panel.select_script(where.script_id)  # also refreshes its lists
                self._submit_summary(where)
                self._submit_charts(where)
            else:
                self._refresh_background()

    @Slot(bool)
    def _on_date_toggled(self, checked: bool) -> None:
        self.from_edit.setEnabled(checked)
        self.to_edit.setEnabled(checked)
        self._on_filter_changed()

    @Slot()
    def _on_reset(self) -> None:
        for combo in (self.script_combo, self.role_combo, self.mode_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.date_check.blockSignals(True)
        self.date_check.setChecked(False)
        self.date_check.blockSignals(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self._on_filter_changed()

    @Slot()
    def _on_model_reset(self) -> None:
        self.detail.show_detail(None)
        self.delete_button.setEnabled(False)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.model.session_at(current.row()) if current.isValid() else None
        self.delete_button.setEnabled(summary is not None)
        if summary is None:
            self.detail.show_detail(None)
            return
        repo, session_id = self.repo, summary.id
        self.runner.submit("detail", lambda: repo.session_detail(session_id))

    @Slot()
    def _on_delete(self) -> None:
        summary = self.selected_session()
        if summary is None:
            return
        started = datetime_text(summary.started_at)
        question = self.tr(
            "Delete the session of {started} ({script}, {role})?\n\n"
            "Its takes, line timings, notes and ratings are deleted too. This cannot be undone."
        ).format(started=started, script=summary.script_title, role=summary.role)
        if not self.confirm(self, self.tr("Delete session"), question):
            return
        if self._guard(lambda: self.repo.delete_session(summary.id)):
            self._show_status(self.tr("Deleted the session of %s.") % started)
            self.refresh()
            self.sessionDeleted.emit(summary.id)

    @Slot()
    def _on_export_csv(self) -> None:
        self._export("CSV")

    @Slot()
    def _on_export_json(self) -> None:
        self._export("JSON")

    @Slot(object)
    def _on_line_script_chosen(self, script_id: object) -> None:
        self._submit_line_stats(script_id if isinstance(script_id, int) else None)

    @Slot(str, object)
    def _on_job_finished(self, name: str, result: object) -> None:
        if name == "summary" and isinstance(result, HistorySummary):
            self.summary.show_summary(result)
            self.summaryUpdated.emit()
        elif name == "charts" and isinstance(result, ChartData):
            self.charts.show_data(result)
            self.chartsUpdated.emit()
        elif name == "checkins" and isinstance(result, CheckInChartData):
            self.checkin_chart.show_data(result)
        elif name == "lines" and isinstance(result, LineStats):
            self.line_panel.show_stats(result)
            self.lineStatsUpdated.emit()
        elif name == "detail":
            self._show_detail(result if isinstance(result, SessionDetail) else None)
        elif name == "export" and isinstance(result, tuple):
            count, path = result
            text = (
                self.tr("Exported %d session to %s.")
                if count == 1
                else self.tr("Exported %d sessions to %s.")
            )
            message = text % (count, path)
            self._show_status(message)
            self.exportFinished.emit(message)

    def _show_detail(self, detail: SessionDetail | None) -> None:
        current = self.selected_session()
        if detail is not None and (current is None or current.id != detail.summary.id):
            return  # the selection moved on while this detail was loading
        self.detail.show_detail(detail)
        if detail is not None:
            self.detailShown.emit(detail.summary.id)

    @Slot(str, str)
    def _on_job_failed(self, name: str, message: str) -> None:
        if name != "export":
            what = self.tr(JOB_NAMES[name]) if name in JOB_NAMES else name
            message = self.tr("Could not load the %s: %s") % (what, message)
        self._show_error(message)
