"""Recorded takes on disk: one folder per session, a WAV and a small JSON file per take.

Hearing two takes back to back is how an actor finds out whether a note actually changed
anything. Recordings live in the data folder, one folder per session
(``recordings/<session>/take-003.wav``), each WAV with a small ``take-003.json`` beside it
holding the note, the self-rating and the length: the list shows at once without opening
any audio, and a WAV whose JSON got lost still lists (its length read from the header).

This is plain file work, testable without Qt; recording from the microphone and playing
back are in :mod:`rehearsal.ui.take_audio`. It is its own package rather than part of
:mod:`rehearsal.store` because the store is the history database, while these are media
files the actor can open, copy and delete like any other, and self-tapes will join them.
"""

from __future__ import annotations

import json
import re
import wave
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rehearsal.atomic_file import write_text
from rehearsal.engine.timing import Rating

RECORDINGS_DIR = "recordings"
_TAKE_RE = re.compile(r"take-(\d{3,})\.wav")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class TakeAudioError(Exception):
    """A recording could not be read, written or deleted; ``str()`` names the file."""


@dataclass(frozen=True, slots=True)
class TakeRecording:
    """One recorded take as listed: its audio file and what is known about it."""

    take: int
    path: Path
    note: str | None = None
    rating: int | None = None
    comment: str | None = None
    duration_s: float | None = None


def session_folder(data_dir: Path, session: str | int) -> Path:
    """The recordings folder of one session; the key is made safe as a folder name."""
    key = _UNSAFE.sub("-", str(session)).strip("-.") or "session"
    return data_dir / RECORDINGS_DIR / key


def wav_seconds(path: Path) -> float | None:
    """A WAV file's length from its header, or None when the header cannot be read."""
    try:
        with wave.open(str(path), "rb") as audio:
            rate = audio.getframerate()
            return audio.getnframes() / rate if rate else None
    except (OSError, EOFError, wave.Error):
        return None


class TakeAudioFolder:
    """The recorded takes of one session: naming, listing, notes and ratings, deleting."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def audio_path(self, take: int) -> Path:
        if take < 1:
            raise ValueError(f"takes are numbered from 1, not {take}")
        return self.folder / f"take-{take:03d}.wav"

    def info_path(self, take: int) -> Path:
        return self.audio_path(take).with_suffix(".json")

    def takes(self) -> list[TakeRecording]:
        """Every take with audio, in take order; a missing folder is an empty list."""
        try:
            names = [p.name for p in self.folder.iterdir() if p.is_file()]
        except OSError:
            return []
        numbers = sorted(int(m.group(1)) for n in names if (m := _TAKE_RE.fullmatch(n)))
        return [self._recording(take) for take in numbers]

    def get(self, take: int) -> TakeRecording | None:
        return self._recording(take) if self.audio_path(take).is_file() else None

    def prepare(self, take: int) -> Path:
        """Make the folder and clear an older recording of the same take (a restart)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TakeAudioError(
                f"{self.folder}: cannot make the recordings folder ({exc.strerror or exc})"
            ) from None
        self.delete(take)
        return self.audio_path(take)

    def write_info(self, take: int, *, note: str | None, duration_s: float | None) -> None:
        """Remember the note a take was played under and how long it ran."""
        info = self._info(take)
        info.update(
            take=take,
            note=note,
            duration_s=duration_s,
            recorded_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self._write_info(take, info)

    def set_rating(self, take: int, rating: Rating | None) -> None:
        """Keep the self-rating beside the audio (None: the take was not rated)."""
        info = self._info(take)
        info.update(
            take=take,
            rating=None if rating is None else rating.score,
            comment=None if rating is None else rating.comment,
        )
        self._write_info(take, info)

    def delete(self, take: int) -> None:
        """Remove a take's audio and notes; a take that is not there is no error."""
        for path in (self.audio_path(take), self.info_path(take)):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise TakeAudioError(f"{path}: cannot delete ({exc.strerror or exc})") from None

    def _info(self, take: int) -> dict[str, Any]:
        """The JSON beside a take; an unreadable one counts as empty rather than failing."""
        try:
            data = json.loads(self.info_path(take).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_info(self, take: int, info: dict[str, Any]) -> None:
        path = self.info_path(take)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text(path, json.dumps(info, ensure_ascii=False, indent=1))
        except OSError as exc:
            raise TakeAudioError(f"{path}: cannot save ({exc.strerror or exc})") from None

    def _recording(self, take: int) -> TakeRecording:
        info, path = self._info(take), self.audio_path(take)

        def text(key: str) -> str | None:
            value = info.get(key)
            return value if isinstance(value, str) and value else None

        rating = info.get("rating")
        duration = info.get("duration_s")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            rating = None
        if isinstance(duration, bool) or not isinstance(duration, int | float) or duration <= 0:
            duration = wav_seconds(path)
        return TakeRecording(take, path, text("note"), rating, text("comment"), duration)
