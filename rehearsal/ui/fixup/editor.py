"""The fix-up editor: the script's lines with their kinds, corrected where the actor points.

A window beside the page rather than a mode of it, so the rehearsal page keeps its own
keys; every change shows at once here, on the page and in the role list (through
:class:`~rehearsal.ui.fixup.session.FixupSession`). Each action is a menu command with a
key (Script menu, listed in Help ▸ Keyboard Shortcuts): select lines with the arrow keys
(Shift extends), then Ctrl+1…6 give them a kind as Final Draft's element keys do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rehearsal.script.corrections import (
    Correction,
    JoinSpeeches,
    SetExcluded,
    SetKind,
    SplitSpeech,
)
from rehearsal.script.lines import LineId, LineKind, flatten
from rehearsal.ui.fixup.dialogs import MergeDialog, SplitDialog
from rehearsal.ui.fixup.lines_model import COL_KIND, COL_TEXT, LineRow, LinesModel
from rehearsal.ui.fixup.session import FixupSession
from rehearsal.ui.secondary_window import fit_to_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("FixupEditor", text)


class FixupEditor(QDialog):
    """Lines, characters and findings of one script, with the correction commands."""

    closed = Signal()

    def __init__(
        self, session: FixupSession, actions: list[QAction | None], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Fix Import"))
        self.setAccessibleName(self.tr("Fix import"))
        self.setModal(False)
        fit_to_screen(self, 980, 640)
        self.model = LinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Lines of the script"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.characters = QListWidget(self)
        self.characters.setAccessibleName(self.tr("Characters and their lines"))
        self.findings = QListWidget(self)
        self.findings.setAccessibleName(self.tr("Things to check"))
        self.findings.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("Fix-up status"))
        self.message.setWordWrap(True)
        toolbar = QToolBar(self.tr("Corrections"), self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in actions:
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
                self.addAction(action)  # its key works while this window is active
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Characters"), side))
        side_layout.addWidget(self.characters, 1)
        side_layout.addWidget(QLabel(self.tr("To check"), side))
        side_layout.addWidget(self.findings, 2)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self.findings.itemActivated.connect(self._on_finding_activated)
        self.findings.itemClicked.connect(self._on_finding_activated)
        session.changed.connect(self._on_changed)
        self._refresh()
        if not session.can_save:
            self.message.setText(
                self.tr("The history is not open: these corrections last until you close the app.")
            )
        self.table.setFocus()

    # -- showing ---------------------------------------------------------------------------
    def _refresh(self, keep: list[LineId] | None = None) -> None:
        self.model.set_applied(self.session.applied, self.session.report.findings)
        script = self.session.script
        counts = script.line_counts()
        self.characters.clear()
        for name in script.characters:
            self.characters.addItem(self.tr("%s — %d lines") % (name, counts[name]))
        self.findings.clear()
        for finding in self.session.report.findings:
            text = _translate_finding(finding.template, dict(finding.values))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, finding.location)
            self.findings.addItem(item)
        if keep:
            self._select([row for i in keep if (row := self.model.row_of(i)) is not None])

    def _on_changed(self, _script: object) -> None:
        self._refresh(keep=[r.original for r in self.selected_rows() if r.original is not None])

    def _select(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)
        if rows:
            index = self.model.index(rows[0], COL_TEXT)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_rows(self) -> list[LineRow]:
        """The selected lines, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [item for r in rows if (item := self.model.row_item(r)) is not None]

    def select_line(self, original: LineId) -> bool:
        """Select the line an original id names (a finding's place); False if not shown."""
        row = self.model.row_of(original)
        if row is None:
            return False
        self._select([row])
        return True

    def go_to_finding(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) finding with a place, and its line."""
        count = self.findings.count()
        if not count:
            self.message.setText(self.tr("Nothing left to check."))
            return
        start = self.findings.currentRow()
        for k in range(1, count + 1):
            row = (start + step * k) % count if start >= 0 else (k - 1 if step > 0 else count - k)
            location = self.findings.item(row).data(Qt.ItemDataRole.UserRole)
            if location is not None:
                self.findings.setCurrentRow(row)
                self.select_line(location)
                self.message.setText(self.findings.item(row).text())
                self.table.setFocus()
                return
        self.findings.setCurrentRow(0)
        self.message.setText(self.findings.item(0).text())

    def _on_finding_activated(self, item: QListWidgetItem) -> None:
        location = item.data(Qt.ItemDataRole.UserRole)
        self.message.setText(item.text())
        if location is not None:
            self.select_line(location)

    # -- correcting ------------------------------------------------------------------------
    def _apply(self, op: Correction) -> bool:
        if self.session.apply(op):
            self.message.setText(self.session.undo_stack.undoText())
            return True
        self.message.setText(self.tr("That change is not possible here."))
        return False

    def _ids(self) -> tuple[LineId, ...]:
        return tuple(r.original for r in self.selected_rows() if r.original is not None)

    def make(self, kind: LineKind) -> bool:
        """Give the selected lines ``kind``."""
        ids = self._ids()
        if not ids:
            self.message.setText(self.tr("Select one or more lines first."))
            return False
        return self._apply(SetKind(ids, kind))

    def leave_out(self) -> bool:
        """Leave the selected lines out of the sides."""
        ids = self._ids()
        if not ids:
            self.message.setText(self.tr("Select one or more lines first."))
            return False
        return self._apply(SetExcluded(ids))

    def join(self) -> bool:
        """Join the selected line's speech to the speech just before it."""
        rows = self.selected_rows()
        dialogue = rows[0].dialogue if rows else None
        if dialogue is None:
            self.message.setText(self.tr("Select a line of the second speech to join."))
            return False
        cue = self.session.applied.ids.get((dialogue[0], dialogue[1], 0))
        if cue is None:
            self.message.setText(
                self.tr("This speech was made by a split: undo the split to join it again.")
            )
            return False
        return self._apply(JoinSpeeches(cue))

    def merge(self) -> MergeDialog:
        """Ask which characters to merge or rename (pre-selecting the selected cues)."""
        script = self.session.script
        cues = [r.character for r in self.selected_rows() if r.kind is LineKind.CUE]
        chosen = list(dict.fromkeys([*self._current_finding_names(), *cues]))
        dialog = MergeDialog(script.line_counts(), script.characters, chosen, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._merge_chosen(dialog))
        dialog.open()
        return dialog

    def _current_finding_names(self) -> list[str]:
        row = self.findings.currentRow()
        if row < 0:
            return []
        finding = self.session.report.findings[row]
        values = dict(finding.values)
        names = [values.get("a", ""), values.get("b", "")]
        return [n for n in names if n]

    def _merge_chosen(self, dialog: MergeDialog) -> None:
        op = dialog.correction()
        if op is not None:
            self._apply(op)

    def split(self) -> SplitDialog | None:
        """Ask where the selected speech line splits and who says the rest."""
        rows = self.selected_rows()
        row = rows[0] if rows else None
        if row is None or row.kind not in (LineKind.SPEECH, LineKind.PARENTHETICAL):
            self.message.setText(self.tr("Select a line of speech to split."))
            return None
        original = row.original
        assert original is not None
        dialogue = self.session.script.scenes[row.position[0]].elements[row.position[1]]
        speaker = getattr(dialogue, "character", "")
        dialog = SplitDialog(row.text or "", speaker, self.session.script.characters, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._split_chosen(dialog, original))
        dialog.open()
        return dialog

    def _split_chosen(self, dialog: SplitDialog, original: LineId) -> None:
        source = self._source(original)
        segment = source[original.offset :]
        lead = len(segment) - len(segment.lstrip())
        at = original.offset + (lead + dialog.at() if dialog.at() else 0)
        self._apply(SplitSpeech(original, at, dialog.character()))

    def _source(self, original: LineId) -> str:
        """The original text of a line, which split offsets count in."""
        for line in flatten(self.session.raw):
            if line.id[:3] == original[:3]:
                return line.source
        return ""

    def hideEvent(self, event: QHideEvent) -> None:
        """Closed (Esc, the window's close button): the page's keys are the page's again."""
        super().hideEvent(event)
        self.closed.emit()


def _translate_finding(template: str, values: dict[str, str]) -> str:
    return QCoreApplication.translate("ImportConfidence", template).format(**values)
