"""Repairing takes that were cut short: a crash, a full disk, the power going off mid-take.

At the next start the library's journal says which takes were never finished. Each one is
kept as far as it was written: the packets of the raw recording that can still be read are
copied into a fresh Matroska file (a Matroska file cut short is readable up to the cut,
which is why Qt records into it when it can), and the take is then finished like any other
— with the reader's lines journalled during the take, at the level journalled with it.

A take with nothing recorded loses its reservation; a file that cannot be read at all (an
MP4 without its index) is kept as it is, marked damaged so the next start does not try
again, and reported with its path so the actor can rescue it by other means.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import av.error

from rehearsal.tape.encode import SlateCard
from rehearsal.tape.errors import TapeError, media_problem
from rehearsal.tape.finish import finish_take
from rehearsal.tape.library import TakeInProgress, TapeLibrary, TapeTake

DEFAULT_READER_LEVEL_DB = -6.0


@dataclass(frozen=True, slots=True)
class RepairReport:
    """What became of one cut-short take: the finished take, or why there is none."""

    take: TapeTake | None
    message: str


def repair_unfinished(
    library: TapeLibrary,
    on_progress: Callable[[float], None] | None = None,
    *,
    reader_level_db: float = DEFAULT_READER_LEVEL_DB,
    mix_reader: bool = True,
) -> list[RepairReport]:
    """Keep and finish every take the journal says was cut short; one report per take.

    ``reader_level_db`` and ``mix_reader`` are used for takes that did not journal their
    own (the UI passes the current settings).
    """
    waiting = library.unfinished()
    reports = []
    for index, take in enumerate(waiting):

        def progress(fraction: float, index: int = index) -> None:
            if on_progress is not None:
                on_progress(min(1.0, (index + fraction) / len(waiting)))

        reports.append(_repair(library, take, progress, reader_level_db, mix_reader))
    if on_progress is not None:
        on_progress(1.0)
    return reports


def _repair(
    library: TapeLibrary,
    take: TakeInProgress,
    progress: Callable[[float], None],
    reader_level_db: float,
    mix_reader: bool,
) -> RepairReport:
    label = f"Take {take.number} of {take.key}"
    raw = take.raw_path
    if not raw.is_file() or raw.stat().st_size == 0:
        _forget(take)
        return RepairReport(None, f"{label} was never recorded; its place was freed.")
    try:
        kept_s = salvage(take)
    except TapeError as exc:
        library.mark_damaged(take, str(exc))
        return RepairReport(None, f"{exc}. It was kept as it is.")
    card = None
    if take.card_image is not None and take.card_image.is_file() and take.card_seconds > 0:
        card = SlateCard(take.card_image, take.card_seconds)
    try:
        finished = finish_take(
            take,
            reader_level_db=(
                take.reader_level_db if take.reader_level_db is not None else reader_level_db
            ),
            mix_reader=take.mix_reader if take.mix_reader is not None else mix_reader,
            card=card,
            on_progress=progress,
        )
    except TapeError as exc:
        library.mark_damaged(take, str(exc))
        return RepairReport(None, f"{exc}. The recording was kept as it is.")
    return RepairReport(
        finished,
        f"{label} was cut short; it was kept as far as it was recorded "
        f"({kept_s:.0f} s) and finished.",
    )


def salvage(take: TakeInProgress) -> float:
    """Copy the readable packets of the raw recording into ``take-NNN.raw.mkv``; seconds kept.

    The take's ``raw_path`` and journal are updated; the old file is removed only once the
    copy holds something.
    """
    source = take.raw_path
    target = take.folder / f"take-{take.number:03d}.raw.mkv"
    partial = take.folder / f".take-{take.number:03d}.salvage.mkv"
    try:
        kept_s = _remux(source, partial)
        if kept_s is None:
            raise TapeError(f"{source}: nothing in the recording could be read")
        os.replace(partial, target)
    except OSError as exc:
        raise TapeError(
            f"{source}: cannot keep what was recorded ({exc.strerror or exc})"
        ) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    if source != target:
        with contextlib.suppress(OSError):
            source.unlink()
        take.raw_path = target
        take.save()
    return kept_s


def _remux(source: Path, target: Path) -> float | None:
    """Copy packets until the file can no longer be read; how far that went, or None."""
    try:
        src = av.open(str(source))
    except (av.error.FFmpegError, OSError) as exc:
        raise media_problem(source, exc) from None
    first: float | None = None
    last: float | None = None
    with src:
        streams = [*src.streams.video[:1], *src.streams.audio[:1]]
        if not streams:
            raise TapeError(f"{source}: holds neither picture nor sound")
        with av.open(str(target), "w", format="matroska") as out:
            mapped = {s.index: out.add_stream_from_template(s) for s in streams}
            packets = src.demux(streams)
            while True:
                try:
                    packet = next(packets)
                except StopIteration:
                    break
                except av.error.FFmpegError:
                    break  # where the recording was cut short
                if packet.pts is None or packet.time_base is None or not packet.size:
                    continue
                at = float(packet.pts * packet.time_base)
                end = at + float((packet.duration or 0) * packet.time_base)
                first = at if first is None else min(first, at)
                last = end if last is None else max(last, end)
                packet.stream = mapped[packet.stream_index]
                out.mux(packet)
    if first is None or last is None:
        return None
    return max(0.0, last - first)


def _forget(take: TakeInProgress) -> None:
    """Remove a reservation that never got a recording, and whatever it journalled."""
    shutil.rmtree(take.cue_folder, ignore_errors=True)
    for path in (take.raw_path, take.sidecar, take.card_image):
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
