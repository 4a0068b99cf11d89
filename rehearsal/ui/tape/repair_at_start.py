"""At start: a take cut short last time (a crash, a full disk) is kept as far as it was written.

The library's journal says which takes were never finished; if there are any, the core's
repair (:mod:`rehearsal.tape.repair`) runs in its own process — reading what was written,
mixing the reader's lines in and making the MP4 — while the actor gets on with the app.
When it is done the actor is told in one plain sentence, in a bar at the top of the
window, with the takes one click away. Looking for unfinished takes reads a few small
files, so even that happens on a worker thread; with nothing to repair, nothing is shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QToolBar

from rehearsal.paths import Paths
from rehearsal.tape.library import TapeLibrary
from rehearsal.tape.repair import RepairReport
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.countdown import format_clock
from rehearsal.ui.tape.job_watch import JobWatcher
from rehearsal.ui.tape.tape_prefs import load_tape_preferences


def repair_sentence(reports: Sequence[RepairReport]) -> str:
    """One sentence for what the repair did: kept takes, and takes that could not be read."""
    kept = [r.take for r in reports if r.take is not None]
    lost = [r for r in reports if r.take is None]
    parts = []
    if len(kept) == 1:
        take = kept[0]
        info = take.info
        text = QCoreApplication.translate(
            "RepairAtStart",
            "Take %(number)d of %(what)s was cut short last time; it was kept up to "
            "%(length)s and is with your takes.",
        )
        length = format_clock(take.duration_s) if take.duration_s is not None else "?"
        what = info.project or info.script_title or take.folder_key
        parts.append(text % {"number": take.number, "what": what, "length": length})
    elif kept:
        text = QCoreApplication.translate(
            "RepairAtStart",
            "%d takes were cut short last time; each was kept as far as it was written and "
            "is with your takes.",
        )
        parts.append(text % len(kept))
    if len(lost) == 1:
        text = QCoreApplication.translate(
            "RepairAtStart", "A take cut short last time could not be read: %s"
        )
        parts.append(text % lost[0].message)
    elif lost:
        text = QCoreApplication.translate(
            "RepairAtStart", "%d takes cut short last time could not be read."
        )
        parts.append(text % len(lost))
    return " ".join(parts)


class RepairAtStart(QObject):
    """Finds cut-short takes, repairs them in the background and says what it did."""

    finished = Signal(str)  # the sentence told ("" when there was nothing to repair)
    show_takes = Signal()

    def __init__(self, window: QMainWindow, paths: Paths, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.library = TapeLibrary(paths.data)
        self.runner = BackgroundRunner(self, name="tape repair check")
        self.runner.finished.connect(self._on_checked)
        self.watcher = JobWatcher(self)
        self.watcher.succeeded.connect(self._on_repaired)
        self.watcher.failed.connect(self._tell)
        self.watcher.cancelled.connect(lambda: self.finished.emit(""))
        self.bar: QToolBar | None = None
        self.label: QLabel | None = None
        self._started = False

    def start(self) -> None:
        """Look for unfinished takes (once per run)."""
        if self._started:
            return
        self._started = True
        library = self.library
        self.runner.submit("unfinished", lambda: len(library.unfinished()))

    def shutdown(self) -> None:
        """Stop looking and repairing (the app is closing; the journal keeps the rest)."""
        self.runner.shutdown()
        self.watcher.shutdown()

    @Slot(str, object)
    def _on_checked(self, _name: str, count: object) -> None:
        if not count:
            self.finished.emit("")
            return
        prefs = load_tape_preferences(self._settings)  # for takes that journalled none
        self.watcher.start(
            "repair",
            library=self.library,
            reader_level_db=prefs.reader_level_db,
            mix_reader=prefs.mix_reader,
        )

    @Slot(object)
    def _on_repaired(self, reports: object) -> None:
        listed = (
            [r for r in reports if isinstance(r, RepairReport)] if isinstance(reports, list) else []
        )
        sentence = repair_sentence(listed)
        if sentence:
            self._tell(sentence)
        else:
            self.finished.emit("")

    @Slot(str)
    def _tell(self, sentence: str) -> None:
        if self.bar is None:
            self.bar = QToolBar(self.tr("Repaired takes"), self._window)
            self.bar.setObjectName("tape_repair_bar")
            self.bar.setMovable(False)
            self.bar.setFloatable(False)
            self.label = QLabel(self.bar)
            self.label.setWordWrap(True)
            self.show_button = QPushButton(self.tr("Show takes"), self.bar)
            self.show_button.clicked.connect(self.show_takes)
            self.dismiss_button = QPushButton(self.tr("Dismiss"), self.bar)
            self.dismiss_button.clicked.connect(self.bar.hide)
            self.bar.addWidget(self.label)
            self.bar.addWidget(self.show_button)
            self.bar.addWidget(self.dismiss_button)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        assert self.label is not None
        self.label.setText(sentence)
        self.bar.show()
        self.finished.emit(sentence)
