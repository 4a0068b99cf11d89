"""Trimming a take's head and tail without re-encoding it.

The actor's reach for the mouse at the start and the stop button at the end are on every
take; casting wants them gone. Re-encoding to cut them would cost time and quality, so the
packets are copied as they are, and the cuts fall where the video can start and stop
cleanly: at key frames (the finished takes have one at least every half second). Both
cuts are moved *outwards* to the nearest key frame, so a trim never eats into the
performance; the result says how much was really cut.

The trimmed file is written beside the take and checked (it opens, same codecs, the
expected length) before it replaces the original; until then the original is untouched.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error

from rehearsal.atomic_file import PRIVATE_FILE, fsync_folder
from rehearsal.tape.errors import TapeCancelled, TapeError, media_problem, os_problem
from rehearsal.tape.library import TapeTake, record_trim
from rehearsal.tape.probe import probe

MIN_LENGTH_S = 0.5
TOLERANCE_S = 0.1


@dataclass(frozen=True, slots=True)
class Cut:
    """Where the kept part starts and ends in the original, on key frames."""

    start_s: float
    end_s: float


def plan_cut(path: Path, head_s: float, tail_s: float) -> Cut:
    """Where a trim of ``head_s`` and ``tail_s`` will really cut (for the trim dialog too)."""
    if head_s < 0 or tail_s < 0:
        raise ValueError("a trim cuts a positive length from each end")
    facts = probe(path)
    length = facts.duration_s or 0.0
    keys = _key_times(path) if facts.video_codec is not None else []
    start = max((k for k in keys if k <= head_s + 1e-3), default=0.0) if keys else head_s
    end_wanted = length - tail_s
    later = [k for k in keys if k >= end_wanted - 1e-3]
    end = min(later) if later and keys else end_wanted
    if tail_s <= 0 or end > length:
        end = length
    if end - start < MIN_LENGTH_S:
        raise TapeError(f"{path}: trimming that much would leave less than half a second")
    return Cut(start, end)


def trim_take(
    take: TapeTake,
    head_s: float,
    tail_s: float,
    *,
    on_progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TapeTake:
    """Cut ``head_s`` from the start and ``tail_s`` from the end of a finished take.

    Returns the take as it is now; its ``trimmed_head_s`` and ``trimmed_tail_s`` grow by
    what was really cut. Raises :class:`TapeError` naming the file.
    """
    if not take.finished:
        raise TapeError(f"{take.path}: the take is not finished yet")
    length = probe(take.path).duration_s or 0.0
    cut = plan_cut(take.path, head_s, tail_s)
    if cut.start_s <= 0 and cut.end_s >= length:
        return take  # nothing to cut: the nearest key frames are the ends
    trimmed = take.path.with_name(f".{take.path.stem}.trim{take.path.suffix}")
    try:
        _copy_between(take.path, trimmed, cut, on_progress, cancelled or (lambda: False))
        got = probe(trimmed)
        expected = cut.end_s - cut.start_s
        if got.duration_s is None or abs(got.duration_s - expected) > TOLERANCE_S:
            raise TapeError(
                f"{trimmed}: came out {got.duration_s or 0:.2f} s long, not {expected:.2f} s"
            )
        with contextlib.suppress(OSError):
            trimmed.chmod(PRIVATE_FILE)
        os.replace(trimmed, take.path)
        fsync_folder(take.path.parent)
    except OSError as exc:
        raise os_problem(take.path, "replace the take with its trimmed copy", exc) from None
    finally:
        with contextlib.suppress(OSError):
            trimmed.unlink()
    return record_trim(
        take,
        duration_s=got.duration_s,
        head_s=cut.start_s,
        tail_s=max(0.0, length - cut.end_s),
    )


def _key_times(path: Path) -> list[float]:
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            base = stream.time_base or Fraction(1, 90000)
            return sorted(
                float(packet.pts * base)
                for packet in container.demux(stream)
                if packet.pts is not None and packet.is_keyframe
            )
    except (av.error.FFmpegError, OSError) as exc:
        raise media_problem(path, exc) from None


def _copy_between(
    source: Path,
    target: Path,
    cut: Cut,
    on_progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool],
) -> None:
    """Copy the packets shown between the cuts, their times moved to start at zero."""
    try:
        src = av.open(str(source))
    except (av.error.FFmpegError, OSError) as exc:
        raise media_problem(source, exc) from None
    span = max(1e-6, cut.end_s - cut.start_s)
    try:
        with (
            src,
            av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"}) as out,
        ):
            streams = [*src.streams.video[:1], *src.streams.audio[:1]]
            mapped = {s.index: out.add_stream_from_template(s) for s in streams}
            for packet in src.demux(streams):
                if packet.pts is None or packet.dts is None or packet.time_base is None:
                    continue
                base = packet.time_base
                at = float(packet.pts * base)
                if at < cut.start_s - 1e-3 or at >= cut.end_s - 1e-3:
                    continue
                if cancelled():
                    raise TapeCancelled(f"{source}: trimming stopped; the take is as it was")
                shift = round(Fraction(cut.start_s) / base)
                packet.pts -= shift
                packet.dts -= shift
                packet.stream = mapped[packet.stream_index]
                out.mux(packet)
                if on_progress is not None:
                    on_progress(min(1.0, max(0.0, (at - cut.start_s) / span)))
    except TapeError:
        raise
    except (av.error.FFmpegError, OSError) as exc:
        raise TapeError(f"{target}: cannot write the trimmed take ({exc})") from None
