"""The one error the tape core raises, so the UI has one thing to catch and show.

Every failure (a damaged recording, a full disk, a file that is not media at all) becomes a
:class:`TapeError` whose text names the file and the problem in plain words: the actor
sees that sentence, never a traceback from FFmpeg.
"""

from __future__ import annotations

from pathlib import Path


class TapeError(Exception):
    """A tape could not be read, written or made; ``str()`` names the file."""


class TapeCancelled(TapeError):
    """The actor stopped the work; what was there before is left as it was."""


def os_problem(path: Path, action: str, exc: OSError) -> TapeError:
    """A :class:`TapeError` for a failed file operation, worded for the actor."""
    return TapeError(f"{path}: cannot {action} ({exc.strerror or exc})")


def media_problem(path: Path, exc: Exception) -> TapeError:
    """A :class:`TapeError` for FFmpeg refusing a file: damaged, truncated or not media."""
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return TapeError(f"{path}: not a readable recording ({reason})")
