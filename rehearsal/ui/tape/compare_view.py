"""Two takes side by side, started together, one heard at a time.

Choosing between takes is choosing between moments: the same line, a beat apart. So the
two start from their beginnings together (once both files are open, so neither has a head
start), play and pause together, and only one is heard — two voices saying the same line
at once tell the actor nothing. **Tab** (or the buttons) switches which one is heard;
**Space** plays or pauses both.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.ui.secondary_window import add_close_keys
from rehearsal.ui.tape.player import TakePlayer

LEFT, RIGHT = 0, 1


class CompareView(QWidget):
    """Two :class:`TakePlayer` s in one window, driven as one."""

    started = Signal()  # both began playing from the start
    heard_changed = Signal(int)  # LEFT or RIGHT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Rehearsal — Compare takes"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(1100, 520)
        self._close_shortcuts = add_close_keys(self)
        self.players = (TakePlayer(self), TakePlayer(self))
        for player in self.players:
            player.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys drive both at once
            player.play_button.hide()  # one button plays both
        self._waiting_to_start = False
        self.hear = QButtonGroup(self)
        self.hear_left = QRadioButton(self.tr("Hear the left take"))
        self.hear_right = QRadioButton(self.tr("Hear the right take"))
        self.hear.addButton(self.hear_left, LEFT)
        self.hear.addButton(self.hear_right, RIGHT)
        self.play_button = QPushButton(self.tr("Play both from the start"))
        self.play_button.setToolTip(self.tr("Space plays or pauses both; Tab switches the sound"))
        self.pause_button = QPushButton(self.tr("Pause both"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        screens = QHBoxLayout()
        for player in self.players:
            screens.addWidget(player, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.play_button)
        bar.addWidget(self.pause_button)
        bar.addStretch(1)
        bar.addWidget(self.hear_left)
        bar.addWidget(self.hear_right)
        layout = QVBoxLayout(self)
        layout.addLayout(screens, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)

        self.play_button.clicked.connect(self.play_both)
        self.pause_button.clicked.connect(self.pause_both)
        self.hear.idToggled.connect(self._on_hear_toggled)
        for player in self.players:
            player.loaded.connect(self._maybe_start)
            player.failed.connect(self.message.setText)
        self.hear_left.setChecked(True)

    def show_takes(self, left: tuple[Path, str], right: tuple[Path, str]) -> None:
        """Open two takes (``(path, title)`` each), the left one heard."""
        for player, (path, title) in zip(self.players, (left, right), strict=True):
            player.open(path, title)
        self.message.clear()
        self.set_heard(LEFT)

    @property
    def heard(self) -> int:
        """Which take is heard: LEFT or RIGHT."""
        return self.hear.checkedId()

    def set_heard(self, side: int) -> None:
        """Hear ``side``; the other is muted."""
        self.hear.button(side).setChecked(True)
        self._apply_heard()

    @Slot()
    def play_both(self) -> None:
        """Both from the start, together: at once if both are open, else when they are."""
        for player in self.players:
            if player.ready:  # one still loading starts at 0 anyway
                player.pause()
                player.seek_to(0)
        self._waiting_to_start = True
        self._maybe_start()

    @Slot()
    def pause_both(self) -> None:
        """Pause both where they are."""
        self._waiting_to_start = False
        for player in self.players:
            player.pause()

    def release(self) -> None:
        """Let go of both files."""
        self._waiting_to_start = False
        for player in self.players:
            player.release()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space plays/pauses both, Tab switches the sound, ←/→ move both by 5 s."""
        key = event.key()
        if key == Qt.Key.Key_Space:
            if any(p.playing for p in self.players):
                self.pause_both()
            else:
                for player in self.players:
                    player.play()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.set_heard(RIGHT if self.heard == LEFT else LEFT)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 5_000 if key == Qt.Key.Key_Right else -5_000
            for player in self.players:
                player.seek_by(step)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, _next: bool) -> bool:
        """Tab switches the sound here instead of moving the focus."""
        return False

    def closeEvent(self, event: object) -> None:
        """Stop and let go of the files as the window closes."""
        self.release()
        super().closeEvent(event)  # type: ignore[arg-type]

    # -- slots ------------------------------------------------------------------------------
    @Slot()
    def _maybe_start(self) -> None:
        if not self._waiting_to_start or not all(p.ready for p in self.players):
            return
        self._waiting_to_start = False
        for player in self.players:
            player.play()
        self.started.emit()

    @Slot(int, bool)
    def _on_hear_toggled(self, _side: int, checked: bool) -> None:
        if checked:
            self._apply_heard()

    def _apply_heard(self) -> None:
        side = self.heard
        for index, player in enumerate(self.players):
            player.set_muted(index != side)
        self.heard_changed.emit(side)
