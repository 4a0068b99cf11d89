"""The actor's self-tapes on disk: one folder per audition (or script), a file per take.

Tapes stay on the actor's machine, in the data folder: ``self_tapes/<folder>/take-003.mp4``
with a small ``take-003.json`` beside it (the sidecar) holding the date, the length, the
star and what the take was for, so the list shows at once without opening any video. A
file whose sidecar got lost still lists, its length read from the file.

A take is journalled from the moment it is reserved (:meth:`TapeLibrary.begin`): the
sidecar says ``finished: false`` until the finished MP4 is verified, and every reader line
played during the take is copied beside it and written into the sidecar as it happens.
If the app dies mid-take, or the disk fills up, the next start finds the raw recording,
the reader's lines and their moments, and can finish the take as far as it was written
(:mod:`rehearsal.tape.repair`).

Folders are 0700 and every file the core writes is 0600: these are recordings of a person.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rehearsal.atomic_file import PRIVATE_FOLDER, copy_file, write_text
from rehearsal.tape.errors import TapeError, os_problem

TAPES_DIR = "self_tapes"
SIDECAR_VERSION = 1
FINISHED_SUFFIXES = (".mp4", ".m4a")
_SIDECAR_RE = re.compile(r"take-(\d{3,})\.json")
_MEDIA_RE = re.compile(r"take-(\d{3,})\.(mp4|m4a)")
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class TakeInfo:
    """What a take was recorded for; it decides its folder and fills the export name."""

    script_title: str | None
    role: str | None
    project: str | None
    audition_id: int | None
    audio_only: bool = False


@dataclass(frozen=True, slots=True)
class TapeTake:
    """One take as listed: its file and what is known about it."""

    folder_key: str
    number: int
    path: Path
    """The finished MP4, or the raw recording while the take is not finished."""
    recorded_at: datetime
    """When recording began (UTC)."""
    duration_s: float | None
    starred: bool
    info: TakeInfo
    slate_s: float
    """How long the slate (title card and the spoken slate) runs at the start of the file."""
    finished: bool
    trimmed_head_s: float = 0.0
    """How much was actually cut from the start (cuts fall on key frames)."""
    trimmed_tail_s: float = 0.0


@dataclass(frozen=True, slots=True)
class Cue:
    """One reader line as it played during the take: its rendered audio and its moment."""

    wav: Path
    at_s: float
    rate: float = 1.0
    stopped_at_s: float | None = None
    """Where the line was cut off (the actor went on early, the take stopped)."""


def _safe_name(text: str) -> str:
    """A folder name from free text: letters and digits kept (accents too), the rest ``-``."""
    text = unicodedata.normalize("NFC", text)
    return _UNSAFE.sub("-", text).strip("-._")[:80]


@dataclass(eq=False)
class TakeInProgress:
    """A take being recorded (or waiting to be finished): where its raw file goes, its journal.

    Every change is written to the sidecar at once, so what a crash leaves behind is enough
    to finish the take later.
    """

    raw_path: Path
    number: int
    key: str
    info: TakeInfo
    recorded_at: datetime
    cues: list[Cue] = field(default_factory=list)
    slate_spoken_end_s: float | None = None
    reader_level_db: float | None = None
    mix_reader: bool | None = None
    card_image: Path | None = None
    card_seconds: float = 0.0

    @property
    def folder(self) -> Path:
        return self.raw_path.parent

    @property
    def sidecar(self) -> Path:
        return self.folder / f"take-{self.number:03d}.json"

    @property
    def cue_folder(self) -> Path:
        """Where the reader's rendered lines of this take are kept until it is finished."""
        return self.folder / f"take-{self.number:03d}.cues"

    def add_cue(self, wav: Path, at_s: float, rate: float = 1.0) -> None:
        """Keep a reader line that started playing ``at_s`` seconds into the recording.

        The rendered WAV is linked (or copied) beside the take, since the render cache may
        drop it before the take is finished, and the journal is rewritten at once.
        """
        if rate <= 0:
            raise ValueError(f"a reader line plays at a positive rate, not {rate}")
        target = self.cue_folder / f"cue-{len(self.cues) + 1:03d}.wav"
        try:
            self.cue_folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            try:
                os.link(wav, target)
            except OSError:
                copy_file(Path(wav), target)
        except OSError as exc:
            raise os_problem(Path(wav), "keep the reader's line", exc) from None
        self.cues.append(Cue(target, max(0.0, float(at_s)), float(rate)))
        self.save()

    def cue_stopped(self, at_s: float) -> None:
        """The last reader line was cut off ``at_s`` seconds into the recording."""
        if not self.cues:
            return
        last = self.cues[-1]
        self.cues[-1] = replace(last, stopped_at_s=max(last.at_s, float(at_s)))
        self.save()

    def mark_slate(self, spoken_end_s: float) -> None:
        """The actor finished speaking the slate ``spoken_end_s`` seconds into the recording."""
        self.slate_spoken_end_s = max(0.0, float(spoken_end_s))
        self.save()

    def keep_card(self, image: Path, seconds: float) -> Path:
        """Copy the slate card beside the take, so a take finished after a crash has it too."""
        target = self.folder / f"take-{self.number:03d}.card.png"
        try:
            copy_file(Path(image), target)
        except OSError as exc:
            raise os_problem(Path(image), "keep the slate card", exc) from None
        self.card_image, self.card_seconds = target, max(0.0, float(seconds))
        self.save()
        return target

    def mark_finished(self, path: Path, *, duration_s: float | None, slate_s: float) -> TapeTake:
        """Turn the journal into the finished take's sidecar (once the file is verified)."""
        data: dict[str, Any] = {}
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self.sidecar.read_text(encoding="utf-8"))
        finished = TapeTake(
            folder_key=self.key,
            number=self.number,
            path=path,
            recorded_at=self.recorded_at,
            duration_s=duration_s,
            starred=isinstance(data, dict) and data.get("starred") is True,
            info=self.info,
            slate_s=slate_s,
            finished=True,
        )
        _write_sidecar(self.sidecar, _finished_json(finished))
        return finished

    def save(self) -> None:
        """Write the journal (the sidecar with ``finished: false``) in one step."""
        _write_sidecar(self.sidecar, self.to_json())

    def to_json(self) -> dict[str, Any]:
        return {
            "version": SIDECAR_VERSION,
            "number": self.number,
            "finished": False,
            "raw": self.raw_path.name,
            "recorded_at": self.recorded_at.isoformat(),
            "info": _info_json(self.info),
            "cues": [
                {
                    "wav": cue.wav.name,
                    "at_s": cue.at_s,
                    "rate": cue.rate,
                    "stopped_at_s": cue.stopped_at_s,
                }
                for cue in self.cues
            ],
            "slate_spoken_end_s": self.slate_spoken_end_s,
            "reader_level_db": self.reader_level_db,
            "mix_reader": self.mix_reader,
            "card": self.card_image.name if self.card_image is not None else None,
            "card_seconds": self.card_seconds,
            "starred": False,
        }


class TapeLibrary:
    """Every self-tape in one data folder: reserving, listing, starring, deleting."""

    def __init__(self, data_dir: Path, *, now: Callable[[], datetime] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.root = self.data_dir / TAPES_DIR
        self._now = now or (lambda: datetime.now(UTC))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the folder alone: the library travels to the encoding process."""
        return (TapeLibrary, (self.data_dir,))

    @staticmethod
    def folder_key(info: TakeInfo) -> str:
        """``audition-<id>`` for an audition's takes, else a safe form of the script's title."""
        if info.audition_id is not None:
            return f"audition-{info.audition_id}"
        return _safe_name(info.script_title or "") or "untitled"

    def folder(self, key: str) -> Path:
        safe = _safe_name(key)
        if safe != key or not key:
            raise ValueError(f"not a tape folder key: {key!r}")
        return self.root / key

    def begin(
        self,
        info: TakeInfo,
        suffix: str,
        *,
        reader_level_db: float | None = None,
        mix_reader: bool | None = None,
    ) -> TakeInProgress:
        """Reserve the next take number in the take's folder and journal it at once.

        ``suffix`` is the raw recording's extension (``.mkv`` when Qt can write Matroska).
        The reader's level and mixing, when given, are journalled too, so a take finished
        after a crash sounds as it would have.
        """
        if not re.fullmatch(r"\.[A-Za-z0-9]{1,8}", suffix):
            raise ValueError(f"not a file extension: {suffix!r}")
        key = self.folder_key(info)
        folder = self.folder(key)
        try:
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                self.root.chmod(PRIVATE_FOLDER)
            number = self._highest_number(folder) + 1
            while True:
                sidecar = folder / f"take-{number:03d}.json"
                try:  # claim the number: a second window recording at once gets the next
                    os.close(os.open(sidecar, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                    break
                except FileExistsError:
                    number += 1
        except OSError as exc:
            raise os_problem(folder, "make the self-tape folder", exc) from None
        take = TakeInProgress(
            raw_path=folder / f"take-{number:03d}.raw{suffix.lower()}",
            number=number,
            key=key,
            info=info,
            recorded_at=self._now().astimezone(UTC),
            reader_level_db=reader_level_db,
            mix_reader=mix_reader,
        )
        try:
            take.save()
        except TapeError:
            with contextlib.suppress(OSError):
                (folder / f"take-{number:03d}.json").unlink()
            raise
        return take

    def keys(self) -> list[str]:
        """The folders that hold takes, by name."""
        try:
            return sorted(p.name for p in self.root.iterdir() if p.is_dir())
        except OSError:
            return []

    def takes(self, key: str | None = None) -> list[TapeTake]:
        """The takes of one folder (``None``: all of them), newest first.

        A take still being recorded, or cut short and not yet repaired, lists as not
        finished when its raw file exists; one reserved but never recorded does not list.
        """
        found: list[TapeTake] = []
        for folder_key in self.keys() if key is None else [key]:
            folder = self.folder(folder_key)
            for number in self._numbers(folder):
                take = self._take(folder_key, folder, number)
                if take is not None:
                    found.append(take)
        found.sort(key=lambda t: (t.recorded_at, t.folder_key, t.number), reverse=True)
        return found

    def get(self, key: str, number: int) -> TapeTake | None:
        """One take as it is on disk now (after a star or a trim elsewhere)."""
        return self._take(key, self.folder(key), number)

    def set_starred(self, take: TapeTake, starred: bool) -> TapeTake:
        """Star a take (the one to send) or take the star away."""
        data = self._sidecar(take.path.parent, take.number)
        if not data:
            data = _finished_json(take)
        data["starred"] = bool(starred)
        _write_sidecar(take.path.parent / f"take-{take.number:03d}.json", data)
        return replace(take, starred=bool(starred))

    def delete(self, take: TapeTake) -> None:
        """Remove a take: its file, its sidecar, any raw recording and reader lines left."""
        folder, stem = take.path.parent, f"take-{take.number:03d}"
        targets = [
            take.path,
            *(folder / f"{stem}{suffix}" for suffix in FINISHED_SUFFIXES),
            *folder.glob(f"{stem}.raw.*"),
            folder / f"{stem}.card.png",
        ]
        try:
            for path in targets:
                path.unlink(missing_ok=True)
            shutil.rmtree(folder / f"{stem}.cues", ignore_errors=True)
            (folder / f"{stem}.json").unlink(missing_ok=True)
        except OSError as exc:
            raise os_problem(take.path, "delete the take", exc) from None
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when it was the folder's last take

    def unfinished(self) -> list[TakeInProgress]:
        """Takes whose journal says they were never finished (oldest first), to repair.

        A take the repair could not read is marked ``damaged`` and left out, so the same
        file is not tried at every start.
        """
        result: list[TakeInProgress] = []
        for folder_key in self.keys():
            folder = self.folder(folder_key)
            for number in self._numbers(folder):
                data = self._sidecar(folder, number)
                if data.get("finished", True) is not False or data.get("damaged"):
                    continue
                take = _in_progress(folder_key, folder, number, data)
                if take is not None:
                    result.append(take)
        result.sort(key=lambda t: t.recorded_at)
        return result

    def mark_damaged(self, take: TakeInProgress, reason: str) -> None:
        """Remember that an unfinished take cannot be read, so it is listed but not retried."""
        data = take.to_json()
        data["damaged"] = reason
        _write_sidecar(take.sidecar, data)

    # --- reading ------------------------------------------------------------------------

    def _highest_number(self, folder: Path) -> int:
        numbers = self._numbers(folder)
        return max(numbers) if numbers else 0

    @staticmethod
    def _numbers(folder: Path) -> list[int]:
        try:
            names = [p.name for p in folder.iterdir()]
        except OSError:
            return []
        numbers: set[int] = set()
        for name in names:
            match = _SIDECAR_RE.fullmatch(name) or _MEDIA_RE.fullmatch(name)
            if match is None and name.startswith("take-") and ".raw." in name:
                match = re.match(r"take-(\d{3,})\.raw\.", name)
            if match is not None:
                numbers.add(int(match.group(1)))
        return sorted(numbers)

    @staticmethod
    def _sidecar(folder: Path, number: int) -> dict[str, Any]:
        """A take's sidecar; an unreadable one counts as lost rather than failing the list."""
        try:
            data = json.loads((folder / f"take-{number:03d}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _take(self, key: str, folder: Path, number: int) -> TapeTake | None:
        data = self._sidecar(folder, number)
        stem = f"take-{number:03d}"
        finished = data.get("finished") is not False
        raw = data.get("raw")
        raw_path = folder / raw if isinstance(raw, str) and "/" not in raw else None
        if not finished and (raw_path is None or not raw_path.is_file()):
            finished = True  # never recorded, or finished but the journal not yet updated
        if finished:
            named = data.get("file")
            candidates = [folder / named] if isinstance(named, str) and "/" not in named else []
            candidates += [folder / f"{stem}{suffix}" for suffix in FINISHED_SUFFIXES]
            path = next((p for p in candidates if p.is_file()), None)
        else:
            path = raw_path
        if path is None:
            return None
        duration = _number(data.get("duration_s"))
        if duration is None and finished:
            duration = _probed_length(path)
        recorded_at = _when(data.get("recorded_at")) or _file_time(path)
        return TapeTake(
            folder_key=key,
            number=number,
            path=path,
            recorded_at=recorded_at,
            duration_s=duration,
            starred=data.get("starred") is True,
            info=_info(data.get("info"), key),
            slate_s=_number(data.get("slate_s")) or 0.0,
            finished=finished,
            trimmed_head_s=_number(data.get("trimmed_head_s")) or 0.0,
            trimmed_tail_s=_number(data.get("trimmed_tail_s")) or 0.0,
        )


def record_trim(
    take: TapeTake, *, duration_s: float | None, head_s: float, tail_s: float
) -> TapeTake:
    """Write what a trim really cut into the take's sidecar; the take as it is now."""
    trimmed = replace(
        take,
        duration_s=duration_s,
        slate_s=max(0.0, take.slate_s - head_s),
        trimmed_head_s=take.trimmed_head_s + head_s,
        trimmed_tail_s=take.trimmed_tail_s + tail_s,
    )
    sidecar = take.path.parent / f"take-{take.number:03d}.json"
    data = TapeLibrary._sidecar(take.path.parent, take.number)
    data.update(_finished_json(replace(trimmed, starred=data.get("starred") is True)))
    _write_sidecar(sidecar, data)
    return replace(trimmed, starred=data["starred"])


# --- the sidecar's JSON ---------------------------------------------------------------


def _write_sidecar(path: Path, data: dict[str, Any]) -> None:
    try:
        write_text(path, json.dumps(data, ensure_ascii=False, indent=1))
    except OSError as exc:
        raise os_problem(path, "save the take's details", exc) from None


def _info_json(info: TakeInfo) -> dict[str, Any]:
    return {
        "script_title": info.script_title,
        "role": info.role,
        "project": info.project,
        "audition_id": info.audition_id,
        "audio_only": info.audio_only,
    }


def _finished_json(take: TapeTake) -> dict[str, Any]:
    return {
        "version": SIDECAR_VERSION,
        "number": take.number,
        "finished": True,
        "file": take.path.name,
        "recorded_at": take.recorded_at.isoformat(),
        "duration_s": take.duration_s,
        "starred": take.starred,
        "info": _info_json(take.info),
        "slate_s": take.slate_s,
        "trimmed_head_s": take.trimmed_head_s,
        "trimmed_tail_s": take.trimmed_tail_s,
    }


def _in_progress(
    key: str, folder: Path, number: int, data: dict[str, Any]
) -> TakeInProgress | None:
    raw = data.get("raw")
    if not isinstance(raw, str) or "/" in raw:
        return None
    recorded_at = _when(data.get("recorded_at")) or datetime.now(UTC)
    cue_folder = folder / f"take-{number:03d}.cues"
    cues: list[Cue] = []
    for item in data.get("cues") or []:
        if not isinstance(item, dict):
            continue
        wav, at_s = item.get("wav"), _number(item.get("at_s"))
        if not isinstance(wav, str) or "/" in wav or at_s is None:
            continue
        rate = _number(item.get("rate")) or 1.0
        cues.append(Cue(cue_folder / wav, at_s, rate, _number(item.get("stopped_at_s"))))
    card = data.get("card")
    level = data.get("reader_level_db")
    mix = data.get("mix_reader")
    return TakeInProgress(
        raw_path=folder / raw,
        number=number,
        key=key,
        info=_info(data.get("info"), key),
        recorded_at=recorded_at,
        cues=cues,
        slate_spoken_end_s=_number(data.get("slate_spoken_end_s")),
        reader_level_db=_number(level) if level is not None else None,
        mix_reader=mix if isinstance(mix, bool) else None,
        card_image=folder / card if isinstance(card, str) and "/" not in card else None,
        card_seconds=_number(data.get("card_seconds")) or 0.0,
    )


def _info(data: object, key: str) -> TakeInfo:
    if not isinstance(data, dict):
        audition = re.fullmatch(r"audition-(\d+)", key)
        return TakeInfo(None, None, None, int(audition.group(1)) if audition else None)

    def text(name: str) -> str | None:
        value = data.get(name)
        return value if isinstance(value, str) and value else None

    audition_id = data.get("audition_id")
    return TakeInfo(
        script_title=text("script_title"),
        role=text("role"),
        project=text("project"),
        audition_id=audition_id if type(audition_id) is int else None,
        audio_only=data.get("audio_only") is True,
    )


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value >= 0 else None


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def _file_time(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return datetime.now(UTC)


def _probed_length(path: Path) -> float | None:
    from rehearsal.tape.probe import probe  # only for a take whose sidecar was lost

    try:
        return probe(path).duration_s
    except TapeError:
        return None
