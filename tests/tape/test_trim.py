"""Trimming finished takes by copying packets: shorter, not re-encoded, cut on key frames."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import av
import pytest

from rehearsal.tape.errors import TapeError
from rehearsal.tape.finish import finish_take
from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from rehearsal.tape.probe import probe
from rehearsal.tape.trim import plan_cut, trim_take
from tests.tape.media import (
    actor_track,
    decode_audio,
    key_frame_times,
    level_db,
    video_frames,
    write_raw,
)

INFO = TakeInfo("Hamlet", "Ophelia", "Hamlet", 1)


@pytest.fixture
def take(tmp_path: Path) -> TapeTake:
    library = TapeLibrary(tmp_path / "data")
    raw = library.begin(INFO, ".mkv")
    raw.mark_slate(1.5)
    write_raw(raw.raw_path, 6.0, audio=actor_track(6.0, [(2.0, 4.0)]))
    return finish_take(raw, reader_level_db=-6.0, mix_reader=True, card=None)


def _video_packets(path: Path) -> list[tuple[float, str]]:
    """Each video packet's time and a hash of its bytes, in display order."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        time_base = stream.time_base
        assert time_base is not None, f"{path} has no time base for its video"
        return sorted(
            (float(p.pts * time_base), hashlib.sha1(bytes(p)).hexdigest())
            for p in container.demux(stream)
            if p.pts is not None and p.size
        )


def test_trimming_shortens_on_key_frames_and_says_what_it_cut(take: TapeTake) -> None:
    keys = key_frame_times(take.path)
    before = _video_packets(take.path)
    trimmed = trim_take(take, 1.2, 1.1)

    duration = take.duration_s
    assert duration is not None, "the finished take knows its length"
    start = max(k for k in keys if k <= 1.2)
    end = min(k for k in keys if k >= duration - 1.1)
    assert trimmed.trimmed_head_s == pytest.approx(start)
    assert trimmed.trimmed_tail_s == pytest.approx(duration - end, abs=0.05)
    assert start <= 1.2
    assert end >= duration - 1.1
    facts = probe(trimmed.path)
    assert facts.duration_s == pytest.approx(end - start, abs=0.1)
    assert trimmed.duration_s == facts.duration_s
    assert (facts.video_codec, facts.audio_codec, facts.width) == ("h264", "aac", 320)
    assert trimmed.slate_s == pytest.approx(1.5 - start)
    assert trimmed.path == take.path

    # Not re-encoded: the kept packets are byte for byte the original's.
    after = _video_packets(trimmed.path)
    kept = [digest for at, digest in before if start - 1e-3 <= at < end - 1e-3]
    assert [digest for _at, digest in after] == kept
    assert len(video_frames(trimmed.path)) == round((end - start) * 30)  # all decode
    # The actor still starts speaking where they did, moved by the cut.
    sound = decode_audio(trimmed.path)
    assert level_db(sound, 0.05, 2.0 - start - 0.1) < -60
    assert level_db(sound, 2.0 - start + 0.1, 3.9 - start) > -20


def test_the_sidecar_keeps_the_cut_and_the_star(take: TapeTake, tmp_path: Path) -> None:
    library = TapeLibrary(tmp_path / "data")
    take = library.set_starred(take, True)
    trimmed = trim_take(take, 1.0, 0.0)
    (listed,) = library.takes()
    assert listed == trimmed
    assert listed.starred
    data = json.loads((take.path.parent / "take-001.json").read_text(encoding="utf-8"))
    assert data["trimmed_head_s"] == pytest.approx(trimmed.trimmed_head_s)


def test_plan_cut_tells_the_dialog_where_it_will_cut(take: TapeTake) -> None:
    cut = plan_cut(take.path, 0.7, 0.0)
    assert cut.start_s in key_frame_times(take.path)
    assert cut.end_s == pytest.approx(take.duration_s)


def test_nothing_to_cut_leaves_the_take_alone(take: TapeTake) -> None:
    before = take.path.read_bytes()
    assert trim_take(take, 0.0, 0.0) == take
    assert take.path.read_bytes() == before


def test_cutting_too_much_is_refused_and_the_take_kept(take: TapeTake) -> None:
    before = take.path.read_bytes()
    with pytest.raises(TapeError, match=r"take-001\.mp4: trimming that much"):
        trim_take(take, 3.0, 3.0)
    assert take.path.read_bytes() == before


def test_a_damaged_take_is_named_and_left_as_it_was(take: TapeTake) -> None:
    take.path.write_bytes(b"garbage" * 1000)
    with pytest.raises(TapeError, match=r"take-001\.mp4"):
        trim_take(take, 1.0, 1.0)
    assert take.path.read_bytes() == b"garbage" * 1000
    assert sorted(p.name for p in take.path.parent.iterdir()) == ["take-001.json", "take-001.mp4"]
