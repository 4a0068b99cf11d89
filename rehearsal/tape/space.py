"""Is there room to record? Checked before a take starts, not discovered when it stops.

A take needs room twice over for a while: the raw recording, then the finished MP4 beside
it until the raw one is removed. The estimates are deliberately generous (a camera's
MPEG-4 Part 2 at Qt's normal quality stays under about 10 Mbit/s up to 1080p; the
finished H.264 at CRF 21 under about 3 Mbit/s at 720p), and a reserve is always left
free, because a full disk also stops the history database and the settings from saving.
A take cut short by a full disk anyway is repaired on the next start.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

VIDEO_BYTES_PER_MINUTE = (10_000_000 + 3_000_000) * 60 // 8
"""Raw camera recording plus the finished MP4, per minute."""
AUDIO_BYTES_PER_MINUTE = (1_536_000 + 500_000) * 60 // 8
"""Uncompressed 48 kHz stereo at worst, plus the finished MP4 with a still picture."""
RESERVE_BYTES = 256 * 1024 * 1024


class _Usage(NamedTuple):
    total: int
    used: int
    free: int


@dataclass(frozen=True, slots=True)
class SpaceVerdict:
    """Whether a take of the planned length fits, with the numbers and a sentence to show."""

    ok: bool
    free_bytes: int
    need_bytes: int
    message: str


def space_verdict(
    folder: Path,
    minutes: float,
    *,
    video: bool,
    disk_usage: Callable[[Path], _Usage | tuple[int, int, int]] = shutil.disk_usage,
) -> SpaceVerdict:
    """Whether ``minutes`` of tape fit in ``folder`` (which need not exist yet).

    When the free space cannot be read the verdict is ok with a message saying so: not
    knowing is no reason to stop an audition.
    """
    per_minute = VIDEO_BYTES_PER_MINUTE if video else AUDIO_BYTES_PER_MINUTE
    need = int(max(0.0, minutes) * per_minute) + RESERVE_BYTES
    place = _existing(Path(folder))
    try:
        free = int(disk_usage(place)[2])
    except OSError as exc:
        return SpaceVerdict(
            True, 0, need, f"{place}: cannot tell how much room is left ({exc.strerror or exc})."
        )
    fits_minutes = max(0.0, (free - RESERVE_BYTES) / per_minute)
    if free >= need:
        return SpaceVerdict(
            True,
            free,
            need,
            f"Room for about {_minutes(fits_minutes)} of tape ({size_text(free)} free).",
        )
    return SpaceVerdict(
        False,
        free,
        need,
        f"{place}: only {size_text(free)} free, and a take of {_minutes(minutes)} needs about "
        f"{size_text(need)}. Free some space, or record a shorter take "
        f"(about {_minutes(fits_minutes)} fit).",
    )


def size_text(count: int) -> str:
    """Bytes as the actor reads them: ``850 MB``, ``12.4 GB``."""
    if count >= 10**9:
        return f"{count / 10**9:.1f} GB"
    return f"{max(0, count) // 10**6} MB"


def _minutes(minutes: float) -> str:
    whole = int(minutes)
    return "1 minute" if whole == 1 else f"{whole} minutes"


def _existing(folder: Path) -> Path:
    """The folder, or its nearest parent that exists (the tapes folder is made on first use)."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return candidate
    return folder
