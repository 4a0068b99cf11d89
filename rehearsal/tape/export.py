"""Exporting the chosen takes for casting: MP4 (H.264 + AAC), named by the convention.

Finished takes already are what casting sites take, so they are copied, not re-encoded
(no second generation of compression, and seconds instead of minutes); anything else
(a take finished by an older version, a file put there by hand) is transcoded.

An export never overwrites: the actor may be exporting into a folder that already holds
last week's tape for the same role, so a name in use gets `` (2)``, `` (3)``… Each file is
written under a temporary name in the destination and only then given its name, so a
failed export leaves no half file that looks like a tape.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from rehearsal.tape.encode import encode_mp4
from rehearsal.tape.errors import TapeCancelled, TapeError, os_problem
from rehearsal.tape.library import TapeTake
from rehearsal.tape.naming import export_name
from rehearsal.tape.probe import probe
from rehearsal.tape.slate import SlateInfo

CHUNK = 4 * 1024 * 1024


def export_takes(
    takes: Sequence[TapeTake],
    dest: Path,
    template: str,
    slate: SlateInfo,
    on_progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write each take into ``dest`` as an MP4 named by ``template``; the paths written.

    The name's fields come from ``slate`` (the actor's name, the role, the project),
    falling back to what the take was recorded for. Raises :class:`TapeError` naming the
    file; what was exported before the failure stays.
    """
    dest = Path(dest)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_problem(dest, "make the export folder", exc) from None
    stop = cancelled or (lambda: False)
    written: list[Path] = []
    for index, take in enumerate(takes):

        def progress(fraction: float, index: int = index) -> None:
            if on_progress is not None:
                on_progress(min(1.0, (index + fraction) / len(takes)))

        name = export_name(
            template,
            name=slate.name,
            role=slate.role or take.info.role or "",
            project=slate.project or take.info.project or take.info.script_title or "",
            take=take.number,
            date=take.recorded_at.astimezone().date(),
        )
        written.append(_export_one(take, dest, name, progress, stop))
    if on_progress is not None:
        on_progress(1.0)
    return written


def _export_one(
    take: TapeTake,
    dest: Path,
    name: str,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> Path:
    facts = probe(take.path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".export-", suffix=".mp4", dir=dest)
        os.close(fd)
    except OSError as exc:
        raise os_problem(dest, "write into the export folder", exc) from None
    temp = Path(temp_name)
    try:
        if facts.is_h264_aac:
            _copy(take.path, temp, progress, cancelled)
        else:
            temp.unlink()
            encode_mp4(take.path, temp, on_progress=progress, cancelled=cancelled)
        return _claim(temp, dest / name)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _copy(
    source: Path, target: Path, progress: Callable[[float], None], cancelled: Callable[[], bool]
) -> None:
    size = max(1, source.stat().st_size)
    done = 0
    try:
        with source.open("rb") as reader, target.open("wb") as writer:
            while chunk := reader.read(CHUNK):
                if cancelled():
                    raise TapeCancelled(f"{target.parent}: the export was stopped")
                writer.write(chunk)
                done += len(chunk)
                progress(done / size)
            writer.flush()
            os.fsync(writer.fileno())
    except OSError as exc:
        raise os_problem(target.parent, f"export {source.name}", exc) from None


def _claim(temp: Path, wanted: Path) -> Path:
    """Give ``temp`` the name ``wanted``, or ``wanted (2)``… — never one already taken."""
    for number in range(1, 1000):
        candidate = wanted if number == 1 else wanted.with_stem(f"{wanted.stem} ({number})")
        try:
            os.link(temp, candidate)  # fails if the name exists: no race with another export
        except FileExistsError:
            continue
        except OSError:
            if candidate.exists():  # a file system without hard links (FAT on a stick)
                continue
            try:
                os.rename(temp, candidate)
            except OSError as exc:
                raise os_problem(candidate, "save the export", exc) from None
        return candidate
    raise TapeError(f"{wanted}: too many files of this name already")
