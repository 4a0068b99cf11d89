"""Finishing a take: the raw recording becomes ``take-NNN.mp4``, ready to send.

When the actor stops recording, the raw file Qt wrote (MPEG-4 Part 2 in Matroska, say)
goes through :func:`rehearsal.tape.encode.encode_mp4` once: the title card first, the
reader mixed in where its lines played, H.264 + AAC. Nothing is lost on the way: the new
file is written under a temporary name, checked (it opens, the codecs are right, it is as
long as it should be), and only then takes its name; the raw recording and the reader's
lines are removed last. If anything fails, the raw recording stays and the take stays
unfinished, to be tried again on the next start.

Sound-only takes (no camera) become an MP4 too, with the card or a black picture: casting
sites take video files, and one format keeps playing, trimming and exporting simple.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from rehearsal.atomic_file import PRIVATE_FILE, fsync_folder
from rehearsal.tape.encode import Encoded, SlateCard, encode_mp4
from rehearsal.tape.errors import TapeCancelled, TapeError, os_problem
from rehearsal.tape.library import TakeInProgress, TapeTake
from rehearsal.tape.probe import probe

__all__ = ["SlateCard", "TapeCancelled", "TapeError", "finish_take", "verify_mp4"]

LENGTH_TOLERANCE_S = 0.5


def finish_take(
    take: TakeInProgress,
    *,
    reader_level_db: float,
    mix_reader: bool,
    card: SlateCard | None,
    on_progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TapeTake:
    """Make the take's MP4, verify it, record it as finished and clear the raw files.

    ``reader_level_db`` is the reader relative to the actor; with ``mix_reader`` off the
    tape has only what the microphone heard. Raises :class:`TapeError` naming the file.
    """
    raw = take.raw_path
    if not raw.is_file():
        raise TapeError(f"{raw}: the recording is not there")
    target = take.folder / f"take-{take.number:03d}.mp4"
    partial = take.folder / f".take-{take.number:03d}.partial.mp4"
    cues = [cue for cue in take.cues if cue.wav.is_file()] if mix_reader else []
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)  # left by an attempt that was killed
    encoded = encode_mp4(
        raw,
        partial,
        card=card if card is not None and card.seconds > 0 else None,
        cues=cues,
        reader_level_db=reader_level_db,
        on_progress=on_progress,
        cancelled=cancelled,
    )
    try:
        length = verify_mp4(partial, encoded)
        with contextlib.suppress(OSError):
            partial.chmod(PRIVATE_FILE)
        os.replace(partial, target)
        fsync_folder(take.folder)
    except OSError as exc:
        raise os_problem(target, "save the finished take", exc) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    slate_s = encoded.card_s + (take.slate_spoken_end_s or 0.0)
    finished = take.mark_finished(target, duration_s=length, slate_s=slate_s)
    _clear_raw(take)
    return finished


def verify_mp4(path: Path, encoded: Encoded) -> float:
    """Check a freshly written MP4 and return its length; :class:`TapeError` if it is wrong.

    The raw recording is deleted on the strength of this check, so it opens the file
    anew rather than trusting the encoder.
    """
    facts = probe(path)
    if facts.video_codec != "h264" or facts.audio_codec != "aac":
        raise TapeError(
            f"{path}: came out as {facts.video_codec}/{facts.audio_codec}, not H.264/AAC"
        )
    length = facts.duration_s or 0.0
    if abs(length - encoded.duration_s) > LENGTH_TOLERANCE_S:
        raise TapeError(
            f"{path}: came out {length:.1f} s long instead of {encoded.duration_s:.1f} s"
        )
    return length


def _clear_raw(take: TakeInProgress) -> None:
    """Remove what only the unfinished take needed; a leftover is harmless, so never raise."""
    with contextlib.suppress(OSError):
        take.raw_path.unlink()
    shutil.rmtree(take.cue_folder, ignore_errors=True)
    if take.card_image is not None:
        with contextlib.suppress(OSError):
            take.card_image.unlink()
