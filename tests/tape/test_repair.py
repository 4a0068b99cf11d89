"""Repairing takes cut short: a raw Matroska file truncated mid-way is kept as far as it was
written and finished, with the reader's journalled lines; what cannot be read is kept and
named, and not tried again."""

from __future__ import annotations

from pathlib import Path

import av
import av.error
import pytest

from rehearsal.tape.library import TakeInfo, TapeLibrary
from rehearsal.tape.probe import probe
from rehearsal.tape.repair import repair_unfinished
from tests.tape.media import actor_track, decode_audio, level_db, tone, write_raw, write_wav

INFO = TakeInfo("Hamlet", "Ophelia", "Hamlet", 9)


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data")


def _readable_seconds(path: Path) -> float:
    """How far the video of a damaged file can be read, found the slow, sure way."""
    last = 0.0
    with av.open(str(path)) as container:
        try:
            for frame in container.decode(video=0):
                last = float(frame.time or 0.0)
        except av.error.FFmpegError:
            pass
    return last


def test_a_cut_short_matroska_take_is_kept_as_far_as_it_was_written(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = library.begin(INFO, ".mkv", reader_level_db=-6.0, mix_reader=True)
    write_raw(take.raw_path, 8.0, audio=actor_track(8.0, [(0.3, 1.2)]))
    take.add_cue(write_wav(tmp_path / "line.wav", tone(0.8, 660, 0.5, rate=22050)), 1.5)
    take.add_cue(write_wav(tmp_path / "late.wav", tone(0.8, 660, 0.5, rate=22050)), 7.0)
    data = take.raw_path.read_bytes()
    take.raw_path.write_bytes(data[: len(data) * 6 // 10])  # the disk filled up here
    readable = _readable_seconds(take.raw_path)
    assert 2.5 < readable < 7.0

    seen: list[float] = []
    (report,) = repair_unfinished(TapeLibrary(library.data_dir), seen.append)
    assert report.take is not None
    assert "cut short" in report.message
    facts = probe(report.take.path)
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert facts.duration_s == pytest.approx(readable, abs=0.25)
    assert report.take.finished
    sound = decode_audio(report.take.path)
    assert level_db(sound, 1.6, 2.2) - level_db(sound, 0.4, 1.1) == pytest.approx(-6.0, abs=1.0)
    assert seen[-1] == 1.0
    assert library.unfinished() == []
    assert [t.path.name for t in library.takes()] == ["take-001.mp4"]
    assert sorted(p.name for p in take.folder.iterdir()) == ["take-001.json", "take-001.mp4"]


def test_a_take_never_recorded_loses_its_place(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    (report,) = repair_unfinished(library)
    assert report.take is None
    assert "never recorded" in report.message
    assert not take.sidecar.exists()
    assert library.begin(INFO, ".mkv").number == 1


def test_an_unreadable_recording_is_kept_named_and_not_tried_again(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mp4")
    whole = write_raw(take.folder / "whole.mp4", 3.0)
    data = whole.read_bytes()
    whole.unlink()
    take.raw_path.write_bytes(data[: data.index(b"moov")])  # an MP4 that lost its index
    (report,) = repair_unfinished(library)
    assert report.take is None
    assert "take-001.raw.mp4" in report.message
    assert "kept as it is" in report.message
    assert take.raw_path.read_bytes() == data[: data.index(b"moov")]
    assert repair_unfinished(library) == []
    (listed,) = library.takes()
    assert not listed.finished


def test_a_take_finished_in_between_is_not_touched(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 1.0)
    from rehearsal.tape.finish import finish_take

    finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None)
    assert repair_unfinished(library) == []
