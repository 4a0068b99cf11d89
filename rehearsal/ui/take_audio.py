"""Recording each take from the microphone, and listening back to compare them.

Hearing two takes back to back is how an actor finds out whether a note actually changed
anything. Where the recordings are kept, and the JSON beside each, is plain file work in
:mod:`rehearsal.media.takes`; this module records into that folder and lists it.

Recording uses ``QMediaCaptureSession`` + ``QAudioInput`` + ``QMediaRecorder`` (WAV, mono).
A machine without a microphone (CI, many desktops) says so once through
:meth:`TakeAudioRecorder.available` and the drill simply goes on unrecorded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtMultimedia import (
    QAudioInput,
    QAudioOutput,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaFormat,
    QMediaPlayer,
    QMediaRecorder,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rehearsal.media.takes import TakeAudioError, TakeRecording, wav_seconds

# The drills reach the recordings' layout through this module, with the recorder.
from rehearsal.media.takes import TakeAudioFolder as TakeAudioFolder
from rehearsal.media.takes import session_folder as session_folder
from rehearsal.ui.rows_model import Index as _Index
from rehearsal.ui.rows_model import RowsTableModel

Confirm = Callable[[QWidget, str], bool]
_STOPPED = QMediaRecorder.RecorderState.StoppedState


def microphone_problem() -> str | None:
    """Why takes cannot be recorded here, or None when they can."""
    if QMediaDevices.defaultAudioInput().isNull() and not QMediaDevices.audioInputs():
        return QCoreApplication.translate("TakeAudioRecorder", "No microphone was found.")
    wav = QMediaFormat(QMediaFormat.FileFormat.Wave)
    if not wav.isSupported(QMediaFormat.ConversionMode.Encode):
        return QCoreApplication.translate(
            "TakeAudioRecorder", "This system cannot save WAV recordings."
        )
    return None


class TakeAudioRecorder(QObject):
    """Records the microphone for one take at a time into a :class:`TakeAudioFolder`.

    ``saved(TakeRecording)`` comes once the file is complete; ``failed(message)`` when the
    recording breaks off; ``unavailable(message)`` when :meth:`start` finds no microphone.
    """

    started = Signal(int)
    saved = Signal(object)  # TakeRecording
    failed = Signal(str)
    unavailable = Signal(str)

    def __init__(self, folder: TakeAudioFolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._problem = microphone_problem()
        self._session: QMediaCaptureSession | None = None
        self._recorder: QMediaRecorder | None = None
        self._take: tuple[int, str | None] | None = None
        self._pending: tuple[int, str | None] | None = None
        self._failed = False

    def available(self) -> bool:
        return self._problem is None

    def unavailable_reason(self) -> str:
        """What to tell the actor when :meth:`available` is False ("" otherwise)."""
        return self._problem or ""

    def is_recording(self) -> bool:
        return self._take is not None

    def start(self, take: int, note: str | None = None) -> bool:
        """Record ``take`` (played under ``note``); False, with ``unavailable``, if impossible.

        Starting while the previous take is still being finished waits for that file.
        """
        if self._problem is not None:
            self.unavailable.emit(self._problem)
            return False
        if self._take is not None:
            self._pending = (take, note)
            self.stop()
            return True
        try:
            path = self.folder.prepare(take)
        except TakeAudioError as exc:
            self.failed.emit(str(exc))
            return False
        recorder = self._ensure_recorder()
        recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self._take = (take, note)
        self._failed = False
        recorder.record()  # ``started`` follows once audio flows; errors may come at once
        return not self._failed

    def stop(self) -> None:
        """Finish the take's file; ``saved`` follows when it is written."""
        if self._recorder is not None and self._take is not None:
            self._recorder.stop()

    def _ensure_recorder(self) -> QMediaRecorder:
        if self._recorder is None:
            self._session = QMediaCaptureSession(self)
            self._session.setAudioInput(QAudioInput(QMediaDevices.defaultAudioInput(), self))
            recorder = QMediaRecorder(self)
            media = QMediaFormat(QMediaFormat.FileFormat.Wave)
            media.setAudioCodec(QMediaFormat.AudioCodec.Wave)
            recorder.setMediaFormat(media)
            recorder.setAudioChannelCount(1)
            recorder.setAudioSampleRate(22050)
            recorder.recorderStateChanged.connect(self._on_state)
            recorder.errorOccurred.connect(self._on_error)
            self._session.setRecorder(recorder)
            self._recorder = recorder
        return self._recorder

    @Slot(QMediaRecorder.RecorderState)
    def _on_state(self, state: QMediaRecorder.RecorderState) -> None:
        if self._take is None:
            return
        if state is QMediaRecorder.RecorderState.RecordingState:
            self.started.emit(self._take[0])
        elif state is _STOPPED:
            self._finish()

    @Slot(QMediaRecorder.Error, str)
    def _on_error(self, error: QMediaRecorder.Error, message: str) -> None:
        del error
        if self._take is None:  # a follow-up error of a take already reported and closed
            return
        where = self.folder.audio_path(self._take[0])
        self.failed.emit(self.tr("%s: the recording failed (%s)") % (where, message))
        self._failed = True
        # An error before any audio leaves the recorder stopped without a state change.
        if self._recorder is not None and self._recorder.recorderState() is _STOPPED:
            self._finish()

    def _finish(self) -> None:
        """The take's file is closed: keep it if it holds audio, else leave nothing behind."""
        if self._take is None:
            return
        (take, note), self._take = self._take, None
        assert self._recorder is not None
        path = self.folder.audio_path(take)
        length = self._recorder.duration() / 1000 or wav_seconds(path)
        try:
            if length:
                self.folder.write_info(take, note=note, duration_s=length)
            else:
                self.folder.delete(take)
        except TakeAudioError as exc:
            self.failed.emit(str(exc))
        recording = self.folder.get(take) if length else None
        if recording is not None:
            self.saved.emit(recording)
        elif not self._failed:
            self.failed.emit(self.tr("%s: nothing was recorded") % path)
        pending, self._pending = self._pending, None
        if pending is not None:
            self.start(*pending)


COL_TAKE = 0
COL_NOTE = 1
COL_RATING = 2
COL_LENGTH = 3
COLUMN_COUNT = 4
HEADERS = {
    COL_TAKE: str(QT_TRANSLATE_NOOP("TakesTableModel", "Take")),
    COL_NOTE: str(QT_TRANSLATE_NOOP("TakesTableModel", "Note")),
    COL_RATING: str(QT_TRANSLATE_NOOP("TakesTableModel", "Rating")),
    COL_LENGTH: str(QT_TRANSLATE_NOOP("TakesTableModel", "Length")),
}
TAKE_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the take number of any cell of a row."""


def format_length(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class TakesTableModel(RowsTableModel[TakeRecording]):
    """The recorded takes of a session, one row each."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)

    def set_recordings(self, recordings: list[TakeRecording]) -> None:
        self.set_rows(recordings)

    def recording_at(self, row: int) -> TakeRecording | None:
        return self.row_item(row)

    def row_of(self, take: int) -> int | None:
        return self.find_row(lambda rec: rec.take == take)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec, column = self._rows[index.row()], index.column()
        if role == TAKE_ROLE:
            return rec.take
        if role == Qt.ItemDataRole.ToolTipRole and rec.comment and column == COL_RATING:
            return rec.comment
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NOTE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_TAKE:
            return str(rec.take)
        if column == COL_NOTE:
            return rec.note or self.tr("(no note)")
        if column == COL_RATING:
            return "" if rec.rating is None else f"{rec.rating} / 5"
        if column == COL_LENGTH:
            return format_length(rec.duration_s)
        return None


def _ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.tr("Recorded takes"), question)
    return answer == QMessageBox.StandardButton.Yes


class TakesPanel(QWidget):
    """The session's recorded takes: play one back, or delete it after a confirmation.

    ``confirm`` (default: a yes/no box) can be replaced so nothing modal waits in tests.
    """

    playback_started = Signal(int)
    playback_finished = Signal(int)  # played to the end, or stopped
    deleted = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        folder: TakeAudioFolder,
        parent: QWidget | None = None,
        *,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Recorded takes"))
        self.folder = folder
        self._confirm = confirm or _ask
        self._playing: int | None = None
        self.model = TakesTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Recorded takes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_TAKE, COL_RATING, COL_LENGTH):
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("Rating") + 28)
        self.title = QLabel(self.tr("<b>Recorded takes</b>"), self)
        self.empty_label = QLabel(self.tr("No takes recorded yet."), self)
        self.empty_label.setAccessibleName(self.tr("No recordings"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Playback status"))
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setAccessibleName(self.tr("Play or stop the selected take"))
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected take"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.player.setAudioOutput(self.output)
        self.player.mediaStatusChanged.connect(self._on_media_status)
        self.player.errorOccurred.connect(self._on_player_error)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.refresh()

    def set_folder(self, folder: TakeAudioFolder) -> None:
        """Show another session's takes."""
        self.stop()
        self.folder = folder
        self.refresh()

    def refresh(self) -> None:
        """List the folder again (after a take was saved or rated)."""
        selected = self.selected_take()
        self.model.set_recordings(self.folder.takes())
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and self.model.rowCount():
            row = self.model.rowCount() - 1  # the newest take, to compare with the last
        if row is not None:
            self.table.selectRow(row)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def selected_take(self) -> int | None:
        index = self.table.currentIndex()
        take = index.data(TAKE_ROLE) if index.isValid() else None
        return take if isinstance(take, int) else None

    def playing_take(self) -> int | None:
        return self._playing

    def play(self, take: int) -> bool:
        """Play a take from the start (stopping another one); False if it is gone."""
        recording = self.folder.get(take)
        if recording is None:
            self.failed.emit(self.tr("Take %d has no recording any more.") % take)
            self.refresh()
            return False
        self.stop()
        self._playing = take
        self.player.setSource(QUrl.fromLocalFile(str(recording.path)))
        self.player.play()
        self.status.setText(self.tr("Playing take %d…") % take)
        self._update_buttons()
        self.playback_started.emit(take)
        return True

    def stop(self) -> None:
        take, self._playing = self._playing, None
        if take is None:
            return
        self.player.stop()
        self.player.setSource(QUrl())  # release the file, so it can be deleted
        self.status.clear()
        self._update_buttons()
        self.playback_finished.emit(take)

    def delete(self, take: int) -> bool:
        """Delete a take after the actor confirms; True when it is gone."""
        if not self._confirm(self, self.tr("Delete the recording of take %d?") % take):
            return False
        if self._playing == take:
            self.stop()
        try:
            self.folder.delete(take)
        except TakeAudioError as exc:
            self.status.setText(str(exc))
            self.failed.emit(str(exc))
            return False
        self.refresh()
        self.deleted.emit(take)
        return True

    @Slot()
    def _update_buttons(self) -> None:
        take = self.selected_take()
        playing = self._playing is not None and self._playing == take
        self.play_button.setText(self.tr("Stop") if playing else self.tr("Play"))
        self.play_button.setEnabled(take is not None)
        self.delete_button.setEnabled(take is not None)

    @Slot()
    def _on_play_clicked(self) -> None:
        take = self.selected_take()
        if take is not None and take == self._playing:
            self.stop()
        elif take is not None:
            self.play(take)

    @Slot()
    def _on_delete_clicked(self) -> None:
        take = self.selected_take()
        if take is not None:
            self.delete(take)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        take = index.data(TAKE_ROLE)
        if isinstance(take, int):
            self.play(take)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.EndOfMedia and self._playing is not None:
            self.stop()

    @Slot(QMediaPlayer.Error, str)
    def _on_player_error(self, error: QMediaPlayer.Error, message: str) -> None:
        del error
        take = self._playing
        self.stop()
        text = self.tr("Take %s could not be played: %s") % (take, message)
        self.status.setText(text)
        self.failed.emit(text)
