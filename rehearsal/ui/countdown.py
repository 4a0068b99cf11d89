"""The cold read's clocks: a big prep countdown and perform clock, and the warning beep.

The drill keeps the time (on the engine's injected clock); this widget only shows what it
is told, so a test with a fake clock sees exactly what an actor would. The prep clock rounds
*up* (it reads 00:01 until the last second is really gone, then 00:00 as prep ends), the
perform clock rounds down like a stopwatch.

The beep is a WAV made with :mod:`wave` into the cache folder on first use and played with
``QMediaPlayer`` + ``QAudioOutput``: ``QSoundEffect`` preloads through a different audio
path that has failed on machines without a sound device, while ``QMediaPlayer`` plays
silently there and still reports the end.
"""

from __future__ import annotations

import array
import enum
import math
import wave
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

TONE_FILE = "warning-tone.wav"
TONE_RATE = 22050


class ClockMode(enum.StrEnum):
    """Which clock is showing."""

    PREP = "prep"
    PERFORM = "perform"


def format_clock(seconds: float, *, round_up: bool = False) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour on); negative and NaN times show as zero."""
    if not math.isfinite(seconds) or seconds <= 0:
        whole = 0
    else:
        # A hair of float noise must not turn 60.0000001 s of prep into 01:01.
        whole = math.ceil(seconds - 1e-6) if round_up else math.floor(seconds + 1e-6)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


_STYLE = """
#countdown_clock { font-size: 56pt; font-weight: 600; color: %(clock)s; }
#countdown_caption { font-size: 12pt; font-weight: 600; color: %(caption)s;
    letter-spacing: 2px; }
#countdown { background: %(background)s; border-radius: 14px; }
"""
_CALM = {"clock": "#f4f4f8", "caption": "#9aa3b5", "background": "rgba(20, 20, 35, 225)"}
_WARNING = {"clock": "#ffd166", "caption": "#ff8c42", "background": "rgba(90, 30, 20, 235)"}


class CountdownWidget(QWidget):
    """A caption ("PREP" / "PERFORM") over a big ``mm:ss`` clock.

    In prep mode the warning look switches on by itself once ``warning_seconds`` or less
    remain (and off again if time is added); :meth:`set_warning` forces it either way.
    """

    warning_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, warning_seconds: float = 10.0) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.warning_seconds = warning_seconds
        self._mode = ClockMode.PREP
        self._seconds = 0.0
        self._warning = False
        self.caption = QLabel(self)
        self.caption.setObjectName("countdown_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = QLabel(self)
        self.clock.setObjectName("countdown_clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 16)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.clock)
        self._apply_style()
        self.show_prep(0.0)

    # -- what the controller calls -----------------------------------------------------------

    @property
    def mode(self) -> ClockMode:
        return self._mode

    @property
    def seconds(self) -> float:
        """The time last shown: prep left, or perform elapsed."""
        return self._seconds

    def text(self) -> str:
        return self.clock.text()

    def is_warning(self) -> bool:
        return self._warning

    def show_prep(self, remaining: float) -> None:
        """Show the prep countdown with ``remaining`` seconds left."""
        self._set_mode(ClockMode.PREP)
        self._seconds = max(0.0, remaining)
        self.clock.setText(format_clock(remaining, round_up=True))
        self._set_warning(0 < self._seconds <= self.warning_seconds)

    def show_perform(self, elapsed: float) -> None:
        """Show the perform clock, ``elapsed`` seconds into the take."""
        self._set_mode(ClockMode.PERFORM)
        self._seconds = max(0.0, elapsed)
        self.clock.setText(format_clock(elapsed))
        self._set_warning(False)

    def set_warning(self, on: bool) -> None:
        """Force the warning look (e.g. when the engine's ``PrepWarning`` arrives)."""
        self._set_warning(on)

    # -- internals ---------------------------------------------------------------------------

    def _set_mode(self, mode: ClockMode) -> None:
        if mode is self._mode and self.caption.text():
            return
        self._mode = mode
        if mode is ClockMode.PREP:
            self.caption.setText(self.tr("PREP"))
            self.setAccessibleName(self.tr("Prep time left"))
        else:
            self.caption.setText(self.tr("PERFORM"))
            self.setAccessibleName(self.tr("Perform clock"))
        self.clock.setAccessibleName(self.accessibleName())

    def _set_warning(self, on: bool) -> None:
        if on == self._warning:
            return
        self._warning = on
        self._apply_style()
        self.setAccessibleDescription(self.tr("Ten seconds left") if on else "")
        self.warning_changed.emit(on)

    def _apply_style(self) -> None:
        self.setStyleSheet(_STYLE % (_WARNING if self._warning else _CALM))


def write_beep(
    path: Path,
    *,
    frequency: float = 880.0,
    seconds: float = 0.18,
    beeps: int = 2,
    gap: float = 0.09,
    volume: float = 0.6,
    rate: int = TONE_RATE,
) -> Path:
    """Write a short mono 16-bit beep (``beeps`` pips) to ``path``.

    Each pip fades in and out over 10 ms so the speaker does not click; two pips read as
    "attention" rather than as a stray system sound.
    """
    fade = max(1, int(rate * 0.01))
    length = int(rate * seconds)
    pip = array.array("h")
    for i in range(length):
        envelope = min(1.0, i / fade, (length - 1 - i) / fade)
        pip.append(int(32767 * volume * envelope * math.sin(2 * math.pi * frequency * i / rate)))
    silence = array.array("h", bytes(2 * int(rate * gap)))
    samples = array.array("h")
    for index in range(beeps):
        if index:
            samples.extend(silence)
        samples.extend(pip)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


class WarningTone(QObject):
    """The ten-seconds-left beep; ``failed(message)`` instead of a crash when it cannot play.

    ``enabled`` is the actor's on/off choice: :meth:`play` does nothing while it is off.
    """

    finished = Signal()
    failed = Signal(str)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.enabled = True
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._path: Path | None = None

    @property
    def path(self) -> Path:
        """Where the tone's WAV file lives (made on first :meth:`play` or :meth:`prepare`)."""
        return self.cache_dir / TONE_FILE

    def prepare(self) -> bool:
        """Make the WAV file and load it, so the first beep is not late; False on failure."""
        if self._path is not None:
            return True
        path = self.path
        try:
            if not path.is_file() or path.stat().st_size == 0:
                write_beep(path)
        except OSError as exc:
            self.failed.emit(
                self.tr("The warning tone could not be made in %s (%s).")
                % (self.cache_dir, exc.strerror or exc)
            )
            return False
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._player.mediaStatusChanged.connect(self._on_media_status)
        self._player.errorOccurred.connect(self._on_error)
        self._player.setSource(QUrl.fromLocalFile(str(path)))
        self._path = path
        return True

    def play(self) -> bool:
        """Beep now (from the start if already beeping); False when off or impossible."""
        if not self.enabled or not self.prepare() or self._player is None:
            return False
        self._player.stop()
        self._player.setPosition(0)
        self._player.play()
        return True

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def is_playing(self) -> bool:
        return (
            self._player is not None
            and self._player.playbackState() is QMediaPlayer.PlaybackState.PlayingState
        )

    @Slot(QMediaPlayer.MediaStatus)
    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        del error
        self.failed.emit(self.tr("The warning tone could not be played: %s") % message)
