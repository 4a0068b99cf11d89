"""One session in full: each take with the note it was given, its rating and its lines.

A tree, because that is the shape of a session: takes contain notes, ratings and lines; a
note given between takes with no take attached sits at the top level.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from rehearsal.store.history_cli import format_duration
from rehearsal.store.records import (
    LineRecord,
    NoteRecord,
    RatingRecord,
    SessionDetail,
    TakeRecord,
)
from rehearsal.ui.history.table_model import mode_name

TIMING_NAMES = {
    "before_take": "before the take",
    "after_take": "after the take",
    "mid_scene": "mid-scene",
}


def _clock(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M:%S") if moment is not None else "…"


def note_text(note: NoteRecord) -> str:
    """``Note (mid-scene, emotion): Angrier.``"""
    timing = TIMING_NAMES.get(note.timing, note.timing)
    return f"Note ({timing}, {note.category}): {note.text}"


def rating_text(rating: RatingRecord) -> str:
    """``Rating 4/5 — emotion — "felt it"``."""
    parts = [f"Rating {rating.score}/5"]
    if rating.category:
        parts.append(rating.category)
    if rating.comment:
        parts.append(f"“{rating.comment}”")
    return " — ".join(parts)


def line_text(line: LineRecord) -> str:
    """A line with its timing: skipped, or seconds from cue to done."""
    where = f"Scene {line.scene_index + 1}"
    words = line.text if line.text is not None else f"element {line.element_index + 1}"
    if line.skipped:
        timing = "skipped"
    elif line.response_s is not None:
        timing = f"{line.response_s:.2f} s"
    else:
        timing = "no timing"
    return f"{where}: {words} — {timing}"


def take_text(take: TakeRecord) -> str:
    """``Take 2 (19:02:10–19:04:55, 12 lines)``."""
    skipped = sum(1 for line in take.lines if line.skipped)
    extra = f", {skipped} skipped" if skipped else ""
    return (
        f"Take {take.number} ({_clock(take.started_at)}–{_clock(take.ended_at)}, "
        f"{len(take.lines)} lines{extra})"
    )


class SessionDetailView(QTreeWidget):
    """The tree of one session; empty until :meth:`show_detail` is called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["Session"])
        self.setAccessibleName("Session detail")
        self.setUniformRowHeights(True)
        self.show_detail(None)

    def show_detail(self, detail: SessionDetail | None) -> None:
        """Show ``detail``, or a hint when no session is selected."""
        self.clear()
        if detail is None:
            self.setHeaderLabels(["Select a session to see its takes, notes and lines"])
            return
        summary = detail.summary
        started = summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.setHeaderLabels(
            [
                f"{summary.script_title} — {summary.role} — {mode_name(summary.mode)} — "
                f"{started}, {format_duration(summary.duration_s)}"
            ]
        )
        notes_by_take: dict[int | None, list[NoteRecord]] = {}
        for note in detail.notes:
            notes_by_take.setdefault(note.take_id, []).append(note)
        ratings_by_take: dict[int | None, list[RatingRecord]] = {}
        for rating in detail.ratings:
            ratings_by_take.setdefault(rating.take_id, []).append(rating)
        for note in notes_by_take.get(None, []):
            self.addTopLevelItem(QTreeWidgetItem([note_text(note)]))
        for take in detail.takes:
            item = QTreeWidgetItem([take_text(take)])
            for note in notes_by_take.get(take.id, []):
                item.addChild(QTreeWidgetItem([note_text(note)]))
            for rating in ratings_by_take.get(take.id, []):
                item.addChild(QTreeWidgetItem([rating_text(rating)]))
            for line in take.lines:
                item.addChild(QTreeWidgetItem([line_text(line)]))
            self.addTopLevelItem(item)
            item.setExpanded(True)
        for rating in ratings_by_take.get(None, []):
            self.addTopLevelItem(QTreeWidgetItem([rating_text(rating)]))
        if not detail.takes and not detail.notes and not detail.ratings:
            self.addTopLevelItem(QTreeWidgetItem(["No takes were recorded in this session."]))
