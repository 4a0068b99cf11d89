"""The disk check before recording: a real folder, and a full disk made by a stand-in
for the free-space reading (the only part that cannot be filled for real in a test)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rehearsal.tape.space import (
    AUDIO_BYTES_PER_MINUTE,
    RESERVE_BYTES,
    VIDEO_BYTES_PER_MINUTE,
    space_verdict,
)

GB = 10**9


def _free(count: int) -> Callable[[Path], tuple[int, int, int]]:
    def usage(path: Path) -> tuple[int, int, int]:
        assert path.is_dir()
        return (10 * GB, 10 * GB - count, count)

    return usage


def test_the_real_disk_of_a_folder_not_made_yet(tmp_path: Path) -> None:
    verdict = space_verdict(tmp_path / "data" / "self_tapes", 0.0, video=True)
    assert verdict.free_bytes == shutil.disk_usage(tmp_path).free
    assert verdict.need_bytes == RESERVE_BYTES
    assert verdict.ok == (verdict.free_bytes >= RESERVE_BYTES)


def test_enough_room_says_how_much(tmp_path: Path) -> None:
    verdict = space_verdict(tmp_path, 5, video=True, disk_usage=_free(12 * GB))
    assert verdict.ok
    assert verdict.need_bytes == 5 * VIDEO_BYTES_PER_MINUTE + RESERVE_BYTES
    assert verdict.message.startswith("Room for about 120 minutes of tape (12.0 GB free)")


def test_too_little_room_names_the_folder_and_what_fits(tmp_path: Path) -> None:
    free = RESERVE_BYTES + 2 * VIDEO_BYTES_PER_MINUTE + 1000
    verdict = space_verdict(tmp_path, 10, video=True, disk_usage=_free(free))
    assert not verdict.ok
    assert str(tmp_path) in verdict.message
    assert "a take of 10 minutes needs about" in verdict.message
    assert "(about 2 minutes fit)" in verdict.message


def test_sound_only_needs_far_less(tmp_path: Path) -> None:
    free = RESERVE_BYTES + 10 * AUDIO_BYTES_PER_MINUTE
    assert space_verdict(tmp_path, 10, video=False, disk_usage=_free(free)).ok
    assert not space_verdict(tmp_path, 10, video=True, disk_usage=_free(free)).ok


def test_a_disk_that_cannot_be_read_does_not_stop_the_take(tmp_path: Path) -> None:
    def broken(path: Path) -> tuple[int, int, int]:
        raise PermissionError(13, "Permission denied")

    verdict = space_verdict(tmp_path, 3, video=True, disk_usage=broken)
    assert verdict.ok
    assert "cannot tell how much room is left (Permission denied)" in verdict.message


@pytest.mark.parametrize("minutes", [-1.0, 0.0])
def test_no_time_needs_only_the_reserve(tmp_path: Path, minutes: float) -> None:
    assert space_verdict(tmp_path, minutes, video=True, disk_usage=_free(GB)).need_bytes == (
        RESERVE_BYTES
    )
