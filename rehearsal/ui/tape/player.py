"""Playing a take back in the app: the picture (or "sound only"), play/pause and seeking.

``QMediaPlayer`` decodes on its own threads, so a long take never holds the window. The
player lets go of the file (:meth:`TakePlayer.release`) before a take is trimmed or
deleted: on some systems an open file cannot be replaced or removed. A file that cannot be
played gives one sentence naming it, never a dialog full of codec names.

Every command reaches the ``QMediaPlayer`` through a queued connection to its own C++ slot,
as the partner's player does (see ``rehearsal.ui.qt_player._Deck``): called directly from
Python, ``stop()`` or ``setSource()`` hold the GIL while waiting for a Qt lock that the
decoder's thread holds while it asks Python about the player's wrapper — a deadlock seen
when a comparison was closed mid-play.

Keys while it has focus: **Space** or **K** play/pause, **←/→** 5 s back/forward,
**J/L** 10 s, **Home/End** the start/end, **M** mute.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rehearsal.ui.countdown import format_clock
from rehearsal.ui.theme import TYPE, font_scaled, set_look

SEEK_STEP_MS = 5_000
JUMP_STEP_MS = 10_000


class TakePlayer(QWidget):
    """One take on screen with its transport; audio-only takes show "Sound only"."""

    failed = Signal(str)  # one sentence naming the file
    ended = Signal()
    playing_changed = Signal(bool)
    loaded = Signal()  # the file is open and its length known
    _set_source = Signal(QUrl)
    _play = Signal()
    _pause = Signal()
    _stop = Signal()
    _seek = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title or self.tr("Take player"))
        self.path: Path | None = None
        self._loaded = False  # LoadedMedia seen for the current file: commands now stick
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        queued = Qt.ConnectionType.QueuedConnection
        self._set_source.connect(self.player.setSource, queued)
        self._play.connect(self.player.play, queued)
        self._pause.connect(self.player.pause, queued)
        self._stop.connect(self.player.stop, queued)
        self._seek.connect(self.player.setPosition, queued)
        self.video = QVideoWidget(self)
        self.video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.video.setMinimumSize(240, 135)
        self.player.setVideoOutput(self.video)
        self.sound_only = QLabel(self.tr("Sound only"), self)
        self.sound_only.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_look(self.sound_only, "card")
        font_scaled(self.sound_only, TYPE.heading)
        self.stage = QStackedWidget(self)
        self.stage.addWidget(self.video)
        self.stage.addWidget(self.sound_only)
        self.title = QLabel(title, self)
        self.title.setVisible(bool(title))
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.setEnabled(False)
        self.position = QSlider(Qt.Orientation.Horizontal, self)
        self.position.setAccessibleName(self.tr("Position in the take"))
        self.position.setEnabled(False)
        self.time = QLabel("00:00 / 00:00", self)
        self.mute_button = QPushButton(self.tr("Mute"), self)
        self.mute_button.setCheckable(True)
        self.mute_button.setToolTip(self.tr("Mute this take (M)"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        set_look(self.message, "error")
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.play_button)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.time)
        bar.addWidget(self.mute_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stage, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        for child in (self.play_button, self.position, self.mute_button):
            child.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the keys stay with the player

        self.play_button.clicked.connect(self.toggle)
        self.mute_button.toggled.connect(self.set_muted)
        self.position.sliderMoved.connect(self.seek_to)
        self.player.durationChanged.connect(self._on_duration)
        self.player.positionChanged.connect(self._on_position)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(self._on_error)
        self.player.hasVideoChanged.connect(self._on_has_video)

    # -- what the owner asks ----------------------------------------------------------------
    def open(self, path: Path, title: str | None = None) -> None:
        """Load ``path`` (paused at the start)."""
        self.path = path
        if title is not None:
            self.title.setText(title)
            self.title.setVisible(bool(title))
            self.setAccessibleName(title)
        self.message.hide()
        self._loaded = False
        self._set_source.emit(QUrl.fromLocalFile(str(path)))

    def release(self) -> None:
        """Stop and let go of the file (before it is trimmed, replaced or deleted).

        Like every command it takes effect on the next turn of the event loop: well before
        a trim's spawned process opens the file. A delete's thread may start sooner; where
        an open file cannot be removed (Windows) the delete then fails with a message
        naming the file, and works when asked again."""
        self._stop.emit()
        self._set_source.emit(QUrl())
        self._loaded = False
        self.path = None
        self.play_button.setEnabled(False)
        self.position.setEnabled(False)

    @property
    def playing(self) -> bool:
        """Whether the take is playing now."""
        return self.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState

    @property
    def ready(self) -> bool:
        """Whether the file is open, so play, pause and seek take effect at once.

        While a file loads, a pause or a seek is applied only once it has loaded, after
        anything asked later: the player waits for :attr:`loaded` before taking orders.
        """
        return self._loaded and self.player.mediaStatus() in (
            QMediaPlayer.MediaStatus.LoadedMedia,
            QMediaPlayer.MediaStatus.BufferedMedia,
            QMediaPlayer.MediaStatus.BufferingMedia,
            QMediaPlayer.MediaStatus.EndOfMedia,
        )

    @Slot()
    def play(self) -> None:
        """Play (from the start again once the end was reached)."""
        if self.player.mediaStatus() is QMediaPlayer.MediaStatus.EndOfMedia:
            self._seek.emit(0)
        self._play.emit()

    @Slot()
    def pause(self) -> None:
        """Pause where it is."""
        self._pause.emit()

    @Slot()
    def toggle(self) -> None:
        """Play or pause."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def seek_by(self, milliseconds: int) -> None:
        """Move the position, kept inside the take."""
        duration = max(0, self.player.duration())
        self.seek_to(min(max(0, self.player.position() + milliseconds), duration))

    @Slot(int)
    def seek_to(self, milliseconds: int) -> None:
        """Move to ``milliseconds`` from the start."""
        self._seek.emit(milliseconds)

    @Slot(bool)
    def set_muted(self, muted: bool) -> None:
        """Mute this take's sound (the other of a comparison is heard)."""
        self.audio.setMuted(muted)
        if self.mute_button.isChecked() != muted:
            self.mute_button.setChecked(muted)

    # -- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The transport keys (see the module's docstring)."""
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_K):
            self.toggle()
        elif key == Qt.Key.Key_Left:
            self.seek_by(-SEEK_STEP_MS)
        elif key == Qt.Key.Key_Right:
            self.seek_by(SEEK_STEP_MS)
        elif key == Qt.Key.Key_J:
            self.seek_by(-JUMP_STEP_MS)
        elif key == Qt.Key.Key_L:
            self.seek_by(JUMP_STEP_MS)
        elif key == Qt.Key.Key_Home:
            self.seek_to(0)
        elif key == Qt.Key.Key_End:
            self.seek_to(max(0, self.player.duration()))
        elif key == Qt.Key.Key_M:
            self.set_muted(not self.audio.isMuted())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- slots ------------------------------------------------------------------------------
    @Slot("qint64")
    def _on_duration(self, duration: int) -> None:
        self.position.setRange(0, max(0, duration))
        self._show_time()

    @Slot("qint64")
    def _on_position(self, position: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(position)
        self._show_time()

    def _show_time(self) -> None:
        position, duration = self.player.position() / 1000, self.player.duration() / 1000
        self.time.setText(f"{format_clock(position)} / {format_clock(duration)}")

    @Slot(QMediaPlayer.PlaybackState)
    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state is QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.playing_changed.emit(playing)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.LoadedMedia and not self._loaded:
            self._loaded = True
            self.play_button.setEnabled(True)
            self.position.setEnabled(True)
            self._on_has_video(self.player.hasVideo())
            self.loaded.emit()
        elif status is QMediaPlayer.MediaStatus.EndOfMedia:
            self.ended.emit()
        elif status is QMediaPlayer.MediaStatus.InvalidMedia and self.path is not None:
            self._on_error(QMediaPlayer.Error.FormatError, "")

    @Slot(bool)
    def _on_has_video(self, has_video: bool) -> None:
        self.stage.setCurrentWidget(self.video if has_video else self.sound_only)

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, _detail: str) -> None:
        if error is QMediaPlayer.Error.NoError or self.message.isVisible():
            return
        name = self.path.name if self.path is not None else self.tr("the take")
        if self.path is not None and not self.path.exists():
            text = self.tr("%s is no longer there: it was moved or deleted.") % name
        else:
            text = self.tr("%s cannot be played: the file is damaged or not a video.") % name
        self.message.setText(text)
        self.message.show()
        self.play_button.setEnabled(False)
        self.failed.emit(text)
