"""The corrected script as a table of lines: what the actor selects to put an import right.

One row per line of :func:`rehearsal.script.lines.flatten` of the corrected script, each
knowing the id of the original line it came from (what corrections are anchored to), so a
selection turns straight into a correction however many corrections came before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from rehearsal.i18n import QT_TRANSLATE_NOOP
from rehearsal.script.confidence import Finding, Severity
from rehearsal.script.corrections import Applied
from rehearsal.script.lines import HEADING, LineId, LineKind, Position, flatten
from rehearsal.ui.rows_model import RowsTableModel
from rehearsal.ui.theme import colours

COL_KIND = 0
COL_TEXT = 1

KIND_LABELS: dict[LineKind, str] = {
    LineKind.HEADING: QT_TRANSLATE_NOOP("FixupLines", "Heading"),
    LineKind.CUE: QT_TRANSLATE_NOOP("FixupLines", "Cue"),
    LineKind.SPEECH: QT_TRANSLATE_NOOP("FixupLines", "Speech"),
    LineKind.PARENTHETICAL: QT_TRANSLATE_NOOP("FixupLines", "Parenthetical"),
    LineKind.ACTION: QT_TRANSLATE_NOOP("FixupLines", "Action"),
    LineKind.TRANSITION: QT_TRANSLATE_NOOP("FixupLines", "Transition"),
    LineKind.LYRIC: QT_TRANSLATE_NOOP("FixupLines", "Lyric"),
    LineKind.CENTERED: QT_TRANSLATE_NOOP("FixupLines", "Centred"),
    LineKind.SECTION: QT_TRANSLATE_NOOP("FixupLines", "Section"),
    LineKind.SYNOPSIS: QT_TRANSLATE_NOOP("FixupLines", "Synopsis"),
    LineKind.NOTE: QT_TRANSLATE_NOOP("FixupLines", "Note"),
    LineKind.PAGE_BREAK: QT_TRANSLATE_NOOP("FixupLines", "Page break"),
}
_SCENE_BREAK = QT_TRANSLATE_NOOP("FixupLines", "(scene break)")


@dataclass(frozen=True, slots=True)
class LineRow:
    """A line as shown: where it stands now, the original line it is, what it is."""

    position: Position
    original: LineId | None
    kind: LineKind
    text: str | None
    character: str = ""

    @property
    def dialogue(self) -> tuple[int, int] | None:
        """(scene, element) of the dialogue a cue or part line belongs to."""
        if self.kind in (LineKind.CUE, LineKind.SPEECH, LineKind.PARENTHETICAL):
            return self.position[0], self.position[1]
        return None


def rows_for(applied: Applied) -> list[LineRow]:
    """The lines of the corrected script, each tied to its original line."""
    rows: list[LineRow] = []
    for line in flatten(applied.script):
        position = (line.id.scene, line.id.element, line.id.line)
        rows.append(
            LineRow(position, applied.ids.get(position), line.kind, line.text, line.character)
        )
    return rows


def _tr(text: str) -> str:
    return QCoreApplication.translate("FixupLines", text)


class LinesModel(RowsTableModel[LineRow]):
    """Kind and text of every line; lines a finding is about are tinted and explained."""

    HEADERS: ClassVar[dict[int, str]] = {
        COL_KIND: QT_TRANSLATE_NOOP("LinesModel", "Kind"),
        COL_TEXT: QT_TRANSLATE_NOOP("LinesModel", "Line"),
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._findings: dict[LineId, list[Finding]] = {}

    def set_applied(self, applied: Applied, findings: tuple[Finding, ...]) -> None:
        """Show the lines of a (newly) corrected script and where its findings are."""
        self._findings = {}
        for finding in findings:
            if finding.location is not None:
                self._findings.setdefault(finding.location, []).append(finding)
        self.set_rows(rows_for(applied))

    def row_of(self, original: LineId) -> int | None:
        """The row showing an original line (or the first piece cut from it)."""
        exact = self.find_row(lambda r: r.original == original)
        if exact is not None:
            return exact
        key = original[:3]
        return self.find_row(lambda r: r.original is not None and r.original[:3] == key)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = self.item_for(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_KIND:
                return _tr(KIND_LABELS.get(row.kind, row.kind.value))
            if row.text is None:
                return _tr(_SCENE_BREAK)
            indent = "    " if row.kind in (LineKind.SPEECH, LineKind.PARENTHETICAL) else ""
            return indent + row.text
        found = self._findings.get(row.original) if row.original is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and found:
            return "\n".join(
                QCoreApplication.translate("ImportConfidence", f.template).format(**dict(f.values))
                for f in found
            )
        if role == Qt.ItemDataRole.BackgroundRole and found:
            serious = any(f.severity >= Severity.CHECK for f in found)
            flag = QColor(colours().flag)
            flag.setAlpha(90 if serious else 40)
            return QBrush(flag)
        if role == Qt.ItemDataRole.FontRole and (
            row.kind in (LineKind.CUE, LineKind.HEADING) and column == COL_TEXT
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_TEXT and found:
            return f"{self.data(index)} — {self.data(index, Qt.ItemDataRole.ToolTipRole)}"
        return None

    def is_heading_break(self, row: int) -> bool:
        """A scene break without a heading: nothing there to correct."""
        item = self.row_item(row)
        return item is not None and item.position[1] == HEADING and item.text is None
