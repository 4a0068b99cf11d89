"""When each of the reader's lines started playing, written into the take being recorded.

Casting wants the reader on the tape clean and quieter than the actor. The microphone
picks the speakers up badly (and not at all under headphones), so the rendered WAV of each
line is mixed in afterwards at the moment it played: this module hears the partner's
player start a file and journals it in the take (``TakeInProgress.add_cue``, which copies
the WAV beside the recording), and a line cut off (Stop, a jump, a pause) as
``cue_stopped``. A director note is never a cue: casting must not hear the director.

The journal writes to disk, so each entry goes to a :class:`BackgroundRunner` in order;
``flushed`` says everything sent so far is on disk, which the finishing step waits for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot

from rehearsal.engine.commands import Command, SpeakNote, State, StateChanged
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.qt_player import PartnerPlayer

log = logging.getLogger(__name__)

JOB_PREFIX = "tape journal"


class CueJournal(Protocol):
    """What the log writes to: the core's ``TakeInProgress``."""

    def add_cue(self, wav: Path, at_s: float, rate: float = 1.0) -> None: ...

    def cue_stopped(self, at_s: float) -> None: ...

    def mark_slate(self, spoken_end_s: float) -> None: ...


class ReaderLog(QObject):
    """Follows one :class:`PartnerPlayer` and journals its lines in the take recording.

    ``elapsed`` is the recording's clock (seconds since the recorder started writing), so
    a cue lands where the tape heard it.
    """

    cue_logged = Signal(str, float)  # the WAV, seconds into the take
    problem = Signal(str)  # a journal entry could not be written
    flushed = Signal()  # every entry sent so far is on disk

    def __init__(
        self,
        player: PartnerPlayer | None,
        runner: BackgroundRunner,
        elapsed: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.runner = runner
        self._elapsed = elapsed
        self._take: CueJournal | None = None
        self._playing: int | None = None
        self._notes: set[int] = set()
        self._sent = 0
        self.cues: list[tuple[str, float, float]] = []
        """The cues of the current take as logged: (WAV, seconds in, rate)."""
        runner.failed.connect(self._on_failed)
        runner.idle.connect(self._on_idle)
        if player is not None:
            player.file_started.connect(self._on_file_started)
            player.finished.connect(self._on_finished)
            player.stopped.connect(self._on_stopped)
            player.failed.connect(self._on_player_failed)

    @property
    def active(self) -> bool:
        """A take is being logged."""
        return self._take is not None

    @property
    def pending(self) -> bool:
        """Entries sent to the journal that are not on disk yet."""
        return self.runner.pending > 0

    def begin(self, take: CueJournal) -> None:
        """Log the reader into ``take`` from now on."""
        self._take = take
        self._playing = None
        self._notes.clear()
        self.cues = []

    def end(self) -> None:
        """The recording stopped: a line still playing is cut off where the tape ends."""
        if self._take is not None and self._playing is not None:
            self._journal(self._take.cue_stopped, self._elapsed())
        self._take = None
        self._playing = None

    def mark_slate(self, spoken_end_s: float) -> None:
        """The actor finished the slate at ``spoken_end_s`` (journalled with the cues)."""
        if self._take is not None:
            self._journal(self._take.mark_slate, spoken_end_s)

    def on_commands(self, commands: Sequence[Command]) -> None:
        """Watch the rehearsal's commands: notes are left out, a pause cuts a line off."""
        for command in commands:
            if isinstance(command, SpeakNote):
                self._notes.add(command.utterance)
            elif isinstance(command, StateChanged) and command.state is State.PAUSED:
                self._cut_off()

    def _journal(self, write: Callable[..., None], *args: object) -> None:
        self._sent += 1
        self.runner.submit(f"{JOB_PREFIX} {self._sent}", lambda: write(*args))

    def _cut_off(self) -> None:
        if self._take is not None and self._playing is not None:
            self._playing = None
            self._journal(self._take.cue_stopped, self._elapsed())

    @Slot(int, str, float)
    def _on_file_started(self, token: int, path: str, rate: float) -> None:
        if self._take is None or token in self._notes:
            return
        at = self._elapsed()
        self._playing = token
        self.cues.append((path, at, rate))
        self._journal(self._take.add_cue, Path(path), at, rate)
        self.cue_logged.emit(path, at)

    @Slot(int)
    def _on_finished(self, token: int) -> None:
        if token == self._playing:
            self._playing = None

    @Slot(int)
    def _on_stopped(self, token: int) -> None:
        if token == self._playing:
            self._cut_off()

    @Slot(int, str)
    def _on_player_failed(self, token: int, _message: str) -> None:
        if token == self._playing:
            self._cut_off()

    @Slot(str, str)
    def _on_failed(self, name: str, message: str) -> None:
        if name.startswith(JOB_PREFIX):
            log.warning("the take's reader journal: %s", message)
            self.problem.emit(message)

    @Slot()
    def _on_idle(self) -> None:
        self.flushed.emit()
