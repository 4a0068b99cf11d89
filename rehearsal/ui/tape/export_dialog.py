"""Export takes for casting: MP4 files (H.264 + AAC) named as casting sites expect.

The actor picks the takes (the selected or starred ones come ticked), the folder, and the
name pattern — each file's name is shown as it will be, and a pattern that cannot name a
file says why before anything is written. The encoding runs in its own process
(:mod:`rehearsal.tape.jobs`), with progress and Cancel. When it is done the files are
named, the folder is one click away, and each take exported for an audition is recorded
in that audition's dossier (which take, which file, when).

The slate's name, agency and height come from Settings ▸ Self-Tape; the role and the
project from the take itself (what it was recorded for), overridden by the audition's
dossier when the take belongs to one, since that is where the actor keeps them right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.tape.library import TapeTake
from rehearsal.tape.naming import export_name, template_error
from rehearsal.tape.slate import SlateInfo
from rehearsal.ui.background import Task
from rehearsal.ui.tape.job_watch import JobWatcher
from rehearsal.ui.tape.takes_model import take_title
from rehearsal.ui.tape.tape_prefs import load_tape_preferences, save_tape_preferences
from rehearsal.ui.theme import set_look

if TYPE_CHECKING:
    from rehearsal.store.facade import Store

FOLDER_KEY = "tape/export_folder"
"""The folder the last export went to: the next one is offered the same."""
TAKE_ROLE = Qt.ItemDataRole.UserRole + 1

ChooseFolderFn = Callable[[QWidget, str], "str | None"]


def ask_folder(parent: QWidget, start: str) -> str | None:
    """The platform's folder chooser."""
    caption = QCoreApplication.translate("ExportDialog", "Export the tapes to")
    chosen = QFileDialog.getExistingDirectory(parent, caption, start)
    return chosen or None


def slate_for(take: TapeTake, name: str, agency: str, height: str) -> SlateInfo:
    """The slate of ``take``: the actor's details, the take's role and project."""
    info = take.info
    project = info.project or info.script_title or ""
    return SlateInfo(name=name, role=info.role or "", project=project, agency=agency,
                     height=height)  # fmt: skip


class ExportDialog(QDialog):
    """Choose takes, folder and name; export in the background; name what was made."""

    exported = Signal(list)  # the files written

    def __init__(
        self,
        takes: Sequence[TapeTake],
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        store: Store | None = None,
        choose_folder: ChooseFolderFn | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export self-tapes"))
        self.resize(640, 480)
        self.settings = settings
        self.store = store
        self.choose_folder = choose_folder or ask_folder
        self.prefs = load_tape_preferences(settings)
        self._takes = list(takes)
        self._details: dict[int, tuple[str, str]] = {}  # audition id → (role, project)
        self._queue: list[tuple[list[TapeTake], SlateInfo]] = []
        self._written: list[Path] = []
        self._written_for: list[tuple[TapeTake, Path]] = []
        self._link_task: Task | None = None
        self._read_task: Task | None = None
        self.watcher = JobWatcher(
            self, cancelled_text=self.tr("Export cancelled; nothing half-made was left behind.")
        )
        self._build()
        self._connect()
        self._refresh_names()
        self._read_auditions()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Takes to export"))
        for take in self._takes:
            item = QListWidgetItem()
            item.setData(TAKE_ROLE, take)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        home = Path.home()
        videos = home / "Videos"
        start = str(self.settings.value(FOLDER_KEY, "") or (videos if videos.is_dir() else home))
        self.folder = QLineEdit(start)
        self.folder.setAccessibleName(self.tr("Folder to export to"))
        self.folder_button = QPushButton(self.tr("Choose…"))
        self.template = QLineEdit(self.prefs.name_template)
        self.template.setAccessibleName(self.tr("File name pattern"))
        self.template.setToolTip(
            self.tr("{name}, {role}, {project}, {take} and {date} are filled in; .mp4 is added.")
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_look(self.problem, "error")
        self.problem.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_button = QPushButton(self.tr("Show the folder"))
        self.show_button.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_button)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Name"), self.template)
        form.addRow("", self.problem)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Takes (each file is named as shown):")))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.template.textChanged.connect(self._refresh_names)
        self.list.itemChanged.connect(self._on_item_changed)
        self.folder.textChanged.connect(self._update_export_button)
        self.folder_button.clicked.connect(self._on_choose_folder)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.close_button.clicked.connect(self.accept)
        self.show_button.clicked.connect(self._on_show_folder)
        self.watcher.progress.connect(self._on_progress)
        self.watcher.succeeded.connect(self._on_group_done)
        self.watcher.stopped.connect(self._stopped)

    # -- names ------------------------------------------------------------------------------
    def chosen(self) -> list[TapeTake]:
        """The ticked takes."""
        items = (self.list.item(i) for i in range(self.list.count()))
        return [i.data(TAKE_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def slate(self, take: TapeTake) -> SlateInfo:
        """The slate (and so the name) of ``take``, with the dossier's role and project."""
        slate = slate_for(take, self.prefs.actor_name, self.prefs.agency, self.prefs.height)
        audition = take.info.audition_id
        if audition is not None and audition in self._details:
            role, project = self._details[audition]
            return SlateInfo(slate.name, role or slate.role, project or slate.project,
                             slate.agency, slate.height)  # fmt: skip
        return slate

    def name_of(self, take: TapeTake) -> str:
        """The file name ``take`` will get (the folder may add `` (2)`` if it is taken)."""
        slate = self.slate(take)
        return export_name(
            self.template.text().strip(),
            name=slate.name,
            role=slate.role,
            project=slate.project,
            take=take.number,
            date=take.recorded_at.astimezone().date(),  # as the core names it: the day recorded
        )

    @Slot()
    def _refresh_names(self) -> None:
        problem = template_error(self.template.text().strip(), QCoreApplication.translate)
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        self.list.blockSignals(True)
        try:
            for index in range(self.list.count()):
                item = self.list.item(index)
                take = item.data(TAKE_ROLE)
                item.setText(f"{take_title(take, True)}  →  {self.name_of(take)}")
        finally:
            self.list.blockSignals(False)
        missing = {m for t in self.chosen() for m in self.slate(t).missing()}
        if "name" in missing:
            self.outcome.setText(
                self.tr("Your name is not set: add it in Settings ▸ Self-Tape for the slate.")
            )
        self._update_export_button()

    @Slot(QListWidgetItem)
    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_export_button()

    @Slot()
    def _update_export_button(self) -> None:
        ok = (
            not self.watcher.running
            and bool(self.chosen())
            and bool(self.folder.text().strip())
            and template_error(self.template.text().strip()) is None
        )
        self.export_button.setEnabled(ok)

    # -- the audition's role and project ----------------------------------------------------
    def _read_auditions(self) -> None:
        ids = {t.info.audition_id for t in self._takes if t.info.audition_id is not None}
        if self.store is None or not ids:
            return
        repo = self.store.auditions

        def read(_context: object) -> dict[int, tuple[str, str]]:
            found = {}
            for audition_id in ids:
                audition = repo.get(audition_id)
                if audition is not None:
                    details = audition.details
                    found[audition_id] = (details.role.strip(), details.project_title.strip())
            return found

        self._read_task = Task(read, "tape export auditions", self)
        self._read_task.succeeded.connect(self._on_auditions_read)
        self._read_task.start()

    @Slot(object)
    def _on_auditions_read(self, details: object) -> None:
        if isinstance(details, dict):
            self._details = details
            self._refresh_names()

    # -- exporting --------------------------------------------------------------------------
    @Slot()
    def start_export(self) -> None:
        """Export the ticked takes; takes of different auditions get their own names."""
        takes = self.chosen()
        template = self.template.text().strip()
        if not takes or template_error(template) is not None or self.watcher.running:
            return
        folder = Path(self.folder.text().strip()).expanduser()
        groups: dict[SlateInfo, list[TapeTake]] = {}
        for take in takes:
            groups.setdefault(self.slate(take), []).append(take)
        self._queue = [(group, slate) for slate, group in groups.items()]
        self._written, self._written_for = [], []
        self._folder = folder
        self._template = template
        self.settings.setValue(FOLDER_KEY, str(folder))
        if template != self.prefs.name_template:
            self.prefs.name_template = template
            save_tape_preferences(self.settings, self.prefs)
        self._total = len(takes)
        self.progress.setValue(0)
        self.progress.show()
        self.outcome.setText(self.tr("Exporting %d take(s)…") % len(takes))
        for widget in (self.list, self.folder, self.folder_button, self.template):
            widget.setEnabled(False)
        self.export_button.setEnabled(False)
        self._next_group()

    def _next_group(self) -> None:
        group, slate = self._queue[0]
        self._group = group
        self.watcher.start(
            "export", takes=group, dest=self._folder, template=self._template, slate=slate
        )

    @Slot(float)
    def _on_progress(self, fraction: float) -> None:
        done = len(self._written)
        share = (done + max(0.0, min(1.0, fraction)) * len(self._group)) / max(1, self._total)
        self.progress.setValue(round(share * 1000))

    @Slot(object)
    def _on_group_done(self, paths: object) -> None:
        written = [Path(p) for p in paths] if isinstance(paths, list) else []
        self._written.extend(written)
        self._written_for.extend(zip(self._group, written, strict=False))
        self._queue.pop(0)
        if self._queue:
            self._next_group()
            return
        self._finish()

    def _finish(self) -> None:
        self.progress.setValue(1000)
        names = "\n".join(p.name for p in self._written)
        self.outcome.setText(
            self.tr("Exported to %(folder)s:\n%(names)s") % {"folder": self._folder, "names": names}
        )
        self.show_button.show()
        self.cancel_button.hide()
        self.export_button.hide()
        self.close_button.show()
        self._link_auditions()
        self.exported.emit(list(self._written))

    def _link_auditions(self) -> None:
        """Record in each audition's dossier which take went out as which file."""
        links = [
            (t.info.audition_id, t.number, str(p))
            for t, p in self._written_for
            if t.info.audition_id is not None
        ]
        if self.store is None or not links:
            return
        repo = self.store.auditions

        def record(_context: object) -> int:
            from rehearsal.store.facade import AuditionNotFoundError

            count = 0
            for audition_id, number, path in links:
                try:
                    repo.record_tape(audition_id, number, path)
                except AuditionNotFoundError:
                    continue  # the audition was deleted meanwhile: the file is still made
                count += 1
            return count

        self._link_task = Task(record, "tape export link", self)
        self._link_task.failed.connect(
            lambda exc: self.outcome.setText(
                self.outcome.text() + "\n" + self.tr("Not noted in the dossier: %s") % exc
            )
        )
        self._link_task.start()

    @Slot(str)
    def _stopped(self, message: str) -> None:
        done = "\n".join(p.name for p in self._written)
        self.outcome.setText(
            message + (("\n" + self.tr("Already exported:\n%s") % done) if done else "")
        )
        self.progress.hide()
        self._queue = []
        for widget in (self.list, self.folder, self.folder_button, self.template):
            widget.setEnabled(True)
        self._update_export_button()
        if self._written:
            self._link_auditions()

    @Slot()
    def _on_cancel(self) -> None:
        if self.watcher.running:
            self.watcher.cancel()
        else:
            self.reject()

    @Slot()
    def _on_choose_folder(self) -> None:
        chosen = self.choose_folder(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    @Slot()
    def _on_show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def shutdown(self) -> None:
        """Stop the export (the window is closing); a half-made file is removed by the job."""
        self.watcher.shutdown()
        for task in (self._read_task, self._link_task):
            if task is not None:
                task.wait()

    def reject(self) -> None:
        """Closing the dialog while exporting cancels the export."""
        self.watcher.shutdown()
        super().reject()
