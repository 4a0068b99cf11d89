"""Wall-clock time for the store, injectable so tests decide what "now" is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

WallClock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time as an aware UTC datetime: the only kind the store accepts."""
    return datetime.now(UTC)
