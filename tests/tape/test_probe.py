"""Probing media files: what the takes list, the export and the checks after encoding read."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearsal.tape.errors import TapeError
from rehearsal.tape.probe import probe
from tests.tape.media import actor_track, write_raw


def test_a_raw_take_as_qt_writes_it(tmp_path: Path) -> None:
    facts = probe(write_raw(tmp_path / "raw.mkv", 2.0, size=(320, 240), fps=30))
    assert "matroska" in facts.container
    assert (facts.video_codec, facts.audio_codec) == ("mpeg4", "aac")
    assert (facts.width, facts.height, facts.fps) == (320, 240, 30.0)
    assert facts.duration_s == pytest.approx(2.0, abs=0.1)
    assert facts.audio_present
    assert not facts.is_h264_aac


def test_an_h264_mp4_is_what_casting_takes(tmp_path: Path) -> None:
    facts = probe(write_raw(tmp_path / "take.mp4", 1.0, vcodec="libx264"))
    assert facts.video_codec == "h264"
    assert facts.is_h264_aac


def test_sound_only(tmp_path: Path) -> None:
    facts = probe(write_raw(tmp_path / "take.m4a", 1.5, video=False, audio=actor_track(1.5, [])))
    assert facts.video_codec is None
    assert facts.width is None
    assert facts.audio_present
    assert facts.duration_s == pytest.approx(1.5, abs=0.1)


def test_a_cut_short_matroska_file_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    whole = write_raw(tmp_path / "raw.mkv", 4.0)
    cut = tmp_path / "cut.mkv"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    facts = probe(cut)
    assert facts.video_codec == "mpeg4"


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.mkv", b"these are my notes, not a video" * 20), ("empty.mp4", b"")],
)
def test_a_file_that_is_not_media_names_itself(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TapeError, match=name):
        probe(path)


def test_a_missing_file_names_itself(tmp_path: Path) -> None:
    with pytest.raises(TapeError, match=r"gone\.mp4: the file is not there"):
        probe(tmp_path / "gone.mp4")
