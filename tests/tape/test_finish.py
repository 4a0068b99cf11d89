"""Finishing takes: real raw recordings (made with PyAV as Qt writes them) become H.264 + AAC
MP4s, checked with PyAV: streams, size, length, the title card, the reader at its moment
and level, key frames, and that nothing is lost when something goes wrong.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import numpy as np
import pytest

from rehearsal.tape.finish import SlateCard, TapeCancelled, TapeError, finish_take
from rehearsal.tape.library import TakeInfo, TakeInProgress, TapeLibrary
from rehearsal.tape.probe import probe
from tests.tape.media import (
    actor_track,
    decode_audio,
    espeak_wav,
    key_frame_times,
    level_db,
    tone,
    video_frames,
    write_png,
    write_raw,
    write_wav,
)

INFO = TakeInfo("Hamlet", "Ophelia", "Hamlet (National)", 3)
ACTOR = [(0.5, 2.0), (4.0, 5.5)]
"""When the actor speaks in the generated recordings; the reader's line falls between."""


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data")


def _take(library: TapeLibrary, seconds: float = 6.0, **raw: object) -> TakeInProgress:
    take = library.begin(INFO, ".mkv")
    audio = raw.pop("audio", actor_track(seconds, ACTOR))
    write_raw(take.raw_path, seconds, audio=audio, **raw)  # type: ignore[arg-type]
    return take


def _line(tmp_path: Path, seconds: float = 1.0, freq: float = 660.0) -> Path:
    """A rendered reader line as the speech worker writes it (22.05 kHz mono WAV)."""
    return write_wav(tmp_path / f"line-{freq:.0f}.wav", tone(seconds, freq, 0.5, rate=22050))


@pytest.mark.parametrize("reader_level_db", [-6.0, -12.0, 0.0])
def test_the_reader_is_mixed_in_at_its_moment_and_level(
    library: TapeLibrary, tmp_path: Path, reader_level_db: float
) -> None:
    take = _take(library)
    take.add_cue(_line(tmp_path), 2.5)
    done = finish_take(take, reader_level_db=reader_level_db, mix_reader=True, card=None)
    sound = decode_audio(done.path)
    actor = level_db(sound, 0.6, 1.9)
    assert actor == pytest.approx(-13.5, abs=1.0)  # a 0.3 sine, as recorded
    assert level_db(sound, 2.6, 3.4) - actor == pytest.approx(reader_level_db, abs=1.0)
    assert level_db(sound, 2.2, 2.45) < -60  # not before it played
    assert level_db(sound, 3.6, 3.9) < -60  # nor after it ended


def test_a_finished_take_is_h264_aac_with_the_card_first(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _take(library, size=(640, 360))
    take.mark_slate(0.4)
    take.add_cue(_line(tmp_path), 2.5)
    card = SlateCard(write_png(tmp_path / "card.png", (640, 360), (200, 30, 30)), 2.0)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=True, card=card)

    assert done.path == take.folder / "take-001.mp4"
    assert done.finished
    assert done.slate_s == pytest.approx(2.4)
    facts = probe(done.path)
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert (facts.width, facts.height, facts.fps) == (640, 360, 30.0)
    assert facts.duration_s is not None
    assert facts.duration_s == pytest.approx(8.0, abs=0.1)
    assert done.duration_s == pytest.approx(facts.duration_s)

    frames = video_frames(done.path)
    card_frames = [image for at, image in frames if at < 1.95]
    assert len(card_frames) == 59
    assert all(
        np.abs(image[180, 320].astype(int) - (200, 30, 30)).max() < 12 for image in card_frames
    )
    assert np.abs(frames[65][1][180, 320].astype(int) - (200, 30, 30)).max() > 30  # the take
    sound = decode_audio(done.path)
    assert level_db(sound, 0.1, 1.9) < -60  # the card is silent
    actor = level_db(sound, 2.6, 3.9)
    assert level_db(sound, 4.6, 5.4) - actor == pytest.approx(-6.0, abs=1.0)  # moved by the card

    keys = key_frame_times(done.path)
    assert keys[0] == 0.0
    assert (
        max(b - a for a, b in zip(keys, [*keys[1:], facts.duration_s], strict=True)) <= 0.5 + 1e-6
    )
    data = done.path.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")  # faststart: plays while it uploads


def test_the_raw_files_go_only_once_the_take_is_verified(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _take(library)
    take.add_cue(_line(tmp_path), 2.5)
    card = take.keep_card(write_png(tmp_path / "card.png", (320, 240), (0, 0, 0)), 1.0)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=True, card=SlateCard(card, 1.0))
    assert sorted(p.name for p in take.folder.iterdir()) == ["take-001.json", "take-001.mp4"]
    sidecar = json.loads(take.sidecar.read_text(encoding="utf-8"))
    assert sidecar["finished"] is True
    assert sidecar["file"] == "take-001.mp4"
    assert library.takes() == [done]
    assert library.unfinished() == []
    if os.name != "nt":
        assert stat.S_IMODE(done.path.stat().st_mode) == 0o600


def test_without_mixing_the_tape_has_only_what_the_microphone_heard(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _take(library)
    take.add_cue(_line(tmp_path), 2.5)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=False, card=None)
    assert level_db(decode_audio(done.path), 2.6, 3.4) < -60


def test_a_line_cut_off_stops_where_it_was_cut(library: TapeLibrary, tmp_path: Path) -> None:
    take = _take(library)
    take.add_cue(_line(tmp_path, seconds=1.4), 2.3)
    take.cue_stopped(2.9)
    sound = decode_audio(finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None).path)
    assert level_db(sound, 2.4, 2.85) > -30
    assert level_db(sound, 2.95, 3.7) < -60


def test_a_line_played_faster_lasts_as_long_as_it_played(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _take(library)
    take.add_cue(_line(tmp_path, seconds=1.2), 2.3, rate=2.0)
    sound = decode_audio(finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None).path)
    assert level_db(sound, 2.35, 2.85) > -30
    assert level_db(sound, 2.95, 3.9) < -60


def test_an_espeak_line_is_heard_where_it_played(library: TapeLibrary, tmp_path: Path) -> None:
    line = espeak_wav(tmp_path / "espeak.wav", "Get thee to a nunnery.")
    if line is None:
        pytest.skip("espeak-ng is not installed")
    take = _take(library, seconds=7.0, audio=actor_track(7.0, [(0.3, 1.0)]))
    take.add_cue(line, 1.5)
    sound = decode_audio(finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None).path)
    assert level_db(sound, 1.1, 1.45) < -60
    assert level_db(sound, 1.6, 2.6) > -40


def test_a_sound_only_take_gets_the_card_as_its_picture(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = library.begin(TakeInfo("Hamlet", "Ophelia", None, None, audio_only=True), ".m4a")
    write_raw(take.raw_path, 3.0, video=False, audio=actor_track(3.0, [(0.2, 2.8)]))
    card = SlateCard(write_png(tmp_path / "card.png", (1280, 720), (30, 200, 30)), 1.0)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=True, card=card)
    facts = probe(done.path)
    assert done.path.suffix == ".mp4"
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert (facts.width, facts.height) == (1280, 720)
    assert facts.duration_s == pytest.approx(4.0, abs=0.15)
    frames = video_frames(done.path)
    assert np.abs(frames[-1][1][360, 640].astype(int) - (30, 200, 30)).max() < 12
    assert level_db(decode_audio(done.path), 1.3, 3.7) > -20


def test_a_sound_only_take_without_a_card_is_black(library: TapeLibrary) -> None:
    take = library.begin(TakeInfo("Hamlet", None, None, None, audio_only=True), ".m4a")
    write_raw(take.raw_path, 2.0, video=False)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None)
    facts = probe(done.path)
    assert (facts.width, facts.height) == (1280, 720)
    assert video_frames(done.path)[0][1].max() < 20


def test_progress_runs_up_to_one(library: TapeLibrary) -> None:
    take = _take(library)
    seen: list[float] = []
    finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None, on_progress=seen.append)
    assert len(seen) > 10
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_cancelling_keeps_the_raw_recording_and_the_journal(library: TapeLibrary) -> None:
    take = _take(library)
    calls = iter(range(1000))
    with pytest.raises(TapeCancelled, match=r"take-001\.raw\.mkv"):
        finish_take(
            take,
            reader_level_db=-6.0,
            mix_reader=True,
            card=None,
            cancelled=lambda: next(calls) > 20,
        )
    assert sorted(p.name for p in take.folder.iterdir()) == ["take-001.json", "take-001.raw.mkv"]
    assert [t.number for t in library.unfinished()] == [1]


def test_a_recording_that_is_not_media_is_named_and_kept(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    take.raw_path.write_bytes(b"\x1aE\xdf\xa3 this was never a video" * 50)
    with pytest.raises(TapeError, match=r"take-001\.raw\.mkv"):
        finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None)
    assert take.raw_path.is_file()
    assert not (take.folder / "take-001.mp4").exists()
    assert [t.number for t in library.unfinished()] == [1]


def test_a_missing_recording_is_named(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    with pytest.raises(TapeError, match=r"take-001\.raw\.mkv: the recording is not there"):
        finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None)


def test_a_card_that_is_not_an_image_is_named(library: TapeLibrary, tmp_path: Path) -> None:
    take = _take(library)
    bad = tmp_path / "card.png"
    bad.write_text("not a picture")
    with pytest.raises(TapeError, match=r"card\.png"):
        finish_take(take, reader_level_db=-6.0, mix_reader=True, card=SlateCard(bad, 2.0))
    assert take.raw_path.is_file()


def test_a_full_disk_while_writing_is_named_and_keeps_the_recording(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _take(library)
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to make the disk fail")
    from rehearsal.tape.encode import encode_mp4

    full = tmp_path / "take.mp4"
    full.symlink_to("/dev/full")  # every write fails with "No space left on device"
    with pytest.raises(TapeError, match=r"take\.mp4: cannot write the tape \(No space left"):
        encode_mp4(take.raw_path, full)
    assert take.raw_path.is_file()


def test_a_recording_that_starts_late_as_qt_writes_them_starts_at_its_first_frame(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 6.0, audio=actor_track(6.0, ACTOR), offset_s=1.0)
    take.add_cue(_line(tmp_path), 2.5)
    done = finish_take(take, reader_level_db=-6.0, mix_reader=True, card=None)
    assert probe(done.path).duration_s == pytest.approx(6.0, abs=0.1)
    sound = decode_audio(done.path)
    assert level_db(sound, 0.6, 1.9) == pytest.approx(-13.5, abs=1.0)
    assert level_db(sound, 2.6, 3.4) - level_db(sound, 0.6, 1.9) == pytest.approx(-6.0, abs=1.0)
