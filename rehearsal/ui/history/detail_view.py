"""One session in full: each take with the note it was given, its rating and its lines.

A tree, because that is the shape of a session: takes contain notes, ratings and lines; a
note given between takes with no take attached sits at the top level.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from rehearsal.store.records import (
    LineRecord,
    NoteRecord,
    RatingRecord,
    SessionDetail,
    TakeRecord,
)
from rehearsal.ui.dates import datetime_text
from rehearsal.ui.history.table_model import duration_text, mode_name
from rehearsal.ui.listening.panel import describe_differing

TIMING_NAMES = {
    "before_take": str(QT_TRANSLATE_NOOP("SessionDetailView", "before the take")),
    "after_take": str(QT_TRANSLATE_NOOP("SessionDetailView", "after the take")),
    "mid_scene": str(QT_TRANSLATE_NOOP("SessionDetailView", "mid-scene")),
}


def _clock(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M:%S") if moment is not None else "…"


def note_text(note: NoteRecord) -> str:
    """``Note (mid-scene, emotion): Angrier.``"""
    name = TIMING_NAMES.get(note.timing)
    timing = QCoreApplication.translate("SessionDetailView", name) if name else note.timing
    return QCoreApplication.translate(
        "SessionDetailView", "Note ({timing}, {category}): {text}"
    ).format(timing=timing, category=note.category, text=note.text)


def rating_text(rating: RatingRecord) -> str:
    """``Rating 4/5 — emotion — "felt it"``."""
    parts = [QCoreApplication.translate("SessionDetailView", "Rating %d/5") % rating.score]
    if rating.category:
        parts.append(rating.category)
    if rating.comment:
        parts.append(QCoreApplication.translate("SessionDetailView", "“%s”") % rating.comment)
    return " — ".join(parts)


def line_text(line: LineRecord) -> str:
    """A line with its timing: skipped, or seconds from cue to done."""
    where = QCoreApplication.translate("SessionDetailView", "Scene %d") % (line.scene_index + 1)
    if line.text is not None:
        words = line.text
    else:
        words = QCoreApplication.translate("SessionDetailView", "element %d") % (
            line.element_index + 1
        )
    if line.skipped:
        timing = QCoreApplication.translate("SessionDetailView", "skipped")
    elif line.response_s is not None:
        timing = QCoreApplication.translate("SessionDetailView", "%.2f s") % line.response_s
    else:
        timing = QCoreApplication.translate("SessionDetailView", "no timing")
    heard = listening_text(line)
    if heard:
        timing = f"{timing} · {heard}"
    return QCoreApplication.translate("SessionDetailView", "{where}: {words} — {timing}").format(
        where=where, words=words, timing=timing
    )


def listening_text(line: LineRecord) -> str:
    """Pickup, words said and prompts of a line, as far as they were measured."""
    parts = []
    if line.pickup_s is not None:
        parts.append(
            QCoreApplication.translate("SessionDetailView", "pickup %.1f s") % line.pickup_s
        )
    if line.accuracy is not None:
        parts.append(
            QCoreApplication.translate("SessionDetailView", "%d%% of the words")
            % round(100 * line.accuracy)
        )
    if line.complete is False:
        parts.append(QCoreApplication.translate("SessionDetailView", "unfinished"))
    if line.prompts:
        parts.append(QCoreApplication.translate("SessionDetailView", "%d prompts") % line.prompts)
    if line.differing:
        parts.append(describe_differing(line.differing))
    return " · ".join(parts)


def take_text(take: TakeRecord) -> str:
    """``Take 2 (19:02:10–19:04:55, 12 lines)``."""
    skipped = sum(1 for line in take.lines if line.skipped)
    extra = (
        QCoreApplication.translate("SessionDetailView", ", %d skipped") % skipped if skipped else ""
    )
    if take.mean_pickup_s is not None:
        extra += (
            QCoreApplication.translate("SessionDetailView", ", pickup %.1f s") % take.mean_pickup_s
        )
    if take.mean_accuracy is not None:
        extra += QCoreApplication.translate("SessionDetailView", ", words %d%%") % round(
            100 * take.mean_accuracy
        )
    return QCoreApplication.translate(
        "SessionDetailView", "Take {number} ({start}–{end}, {lines} lines{skipped})"
    ).format(
        number=take.number,
        start=_clock(take.started_at),
        end=_clock(take.ended_at),
        lines=len(take.lines),
        skipped=extra,
    )


class SessionDetailView(QTreeWidget):
    """The tree of one session; empty until :meth:`show_detail` is called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Session")])
        self.setAccessibleName(self.tr("Session detail"))
        self.setUniformRowHeights(True)
        self.show_detail(None)

    def show_detail(self, detail: SessionDetail | None) -> None:
        """Show ``detail``, or a hint when no session is selected."""
        self.clear()
        if detail is None:
            self.setHeaderLabels([self.tr("Select a session to see its takes, notes and lines")])
            return
        summary = detail.summary
        started = datetime_text(summary.started_at)
        heading = self.tr("{script} — {role} — {mode} — {started}, {duration}").format(
            script=summary.script_title,
            role=summary.role,
            mode=mode_name(summary.mode),
            started=started,
            duration=duration_text(summary.duration_s),
        )
        self.setHeaderLabels([heading])
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
            none = self.tr("No takes were recorded in this session.")
            self.addTopLevelItem(QTreeWidgetItem([none]))
