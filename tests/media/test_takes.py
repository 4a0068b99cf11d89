"""Recorded takes on disk: naming, listing, ratings beside the audio, deleting — no Qt.

The WAV files are real (written with the standard library), and so are the failures: a
folder where a file should be, a file where the folder should be.
"""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from rehearsal.engine.timing import Rating
from rehearsal.media.takes import (
    TakeAudioError,
    TakeAudioFolder,
    TakeRecording,
    session_folder,
    wav_seconds,
)


def _wav(path: Path, seconds: float = 0.25, rate: int = 8000) -> Path:
    """A silent mono 16-bit WAV of ``seconds``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\x00\x00" * round(seconds * rate))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> TakeAudioFolder:
    return TakeAudioFolder(session_folder(tmp_path / "data", 12))


def _record(folder: TakeAudioFolder, take: int, note: str | None, seconds: float = 0.25) -> None:
    _wav(folder.audio_path(take), seconds)
    folder.write_info(take, note=note, duration_s=seconds)


def test_session_folders_live_under_recordings_with_safe_names(tmp_path: Path) -> None:
    assert session_folder(tmp_path, 7) == tmp_path / "recordings" / "7"
    assert session_folder(tmp_path, "2024-05-01 19:30/../x") == (
        tmp_path / "recordings" / "2024-05-01-19-30-..-x"
    )
    assert session_folder(tmp_path, "../..") == tmp_path / "recordings" / "session"


def test_takes_are_named_by_number(folder: TakeAudioFolder) -> None:
    assert folder.audio_path(3).name == "take-003.wav"
    assert folder.info_path(3).name == "take-003.json"
    assert folder.audio_path(1234).name == "take-1234.wav"
    with pytest.raises(ValueError, match="from 1"):
        folder.audio_path(0)


def test_listing_finds_takes_in_number_order_and_ignores_the_rest(
    folder: TakeAudioFolder,
) -> None:
    assert folder.takes() == []  # no folder yet
    for take in (10, 2, 1):
        _record(folder, take, f"note {take}")
    (folder.folder / "take-1.wav").write_bytes(b"")  # not our naming
    (folder.folder / "notes.txt").write_text("x")
    folder.write_info(4, note="audio never written", duration_s=3.0)
    (folder.folder / "take-005.wav").mkdir()  # a folder, not a recording
    assert [r.take for r in folder.takes()] == [1, 2, 10]
    assert folder.get(4) is None
    assert folder.get(2) == TakeRecording(2, folder.audio_path(2), "note 2", None, None, 0.25)


def test_ratings_are_kept_beside_the_audio(folder: TakeAudioFolder) -> None:
    _record(folder, 1, "Angrier.")
    folder.set_rating(1, Rating(4, "  found it   late "))
    recording = folder.get(1)
    assert recording is not None
    assert (recording.note, recording.rating, recording.comment) == ("Angrier.", 4, "found it late")
    folder.set_rating(1, None)
    recording = folder.get(1)
    assert recording is not None
    assert (recording.rating, recording.comment, recording.note) == (None, None, "Angrier.")


def test_length_comes_from_the_wav_when_the_notes_are_lost_or_wrong(
    folder: TakeAudioFolder,
) -> None:
    _wav(folder.audio_path(1), 0.5)
    assert folder.get(1) == TakeRecording(1, folder.audio_path(1), duration_s=0.5)
    folder.info_path(1).write_text("{not json", encoding="utf-8")
    assert folder.get(1) == TakeRecording(1, folder.audio_path(1), duration_s=0.5)
    folder.info_path(1).write_text(
        json.dumps({"duration_s": "long", "rating": 9, "note": 3}), encoding="utf-8"
    )
    assert folder.get(1) == TakeRecording(1, folder.audio_path(1), duration_s=0.5)
    folder.audio_path(2).write_bytes(b"RIFF broken")
    recording = folder.get(2)
    assert recording is not None
    assert recording.duration_s is None
    assert wav_seconds(folder.folder / "missing.wav") is None


def test_delete_removes_audio_and_notes(folder: TakeAudioFolder) -> None:
    _record(folder, 1, "a")
    _record(folder, 2, "b")
    folder.delete(1)
    assert not folder.audio_path(1).exists()
    assert not folder.info_path(1).exists()
    assert [r.take for r in folder.takes()] == [2]
    folder.delete(1)  # already gone: fine


def test_a_delete_that_fails_names_the_file(folder: TakeAudioFolder) -> None:
    folder.audio_path(3).mkdir(parents=True)
    with pytest.raises(TakeAudioError, match=r"take-003\.wav: cannot delete"):
        folder.delete(3)


def test_prepare_clears_an_older_recording_of_the_take(folder: TakeAudioFolder) -> None:
    _record(folder, 2, "first attempt")
    path = folder.prepare(2)
    assert path == folder.audio_path(2)
    assert not path.exists()
    assert not folder.info_path(2).exists()


def test_prepare_names_a_folder_it_cannot_make(tmp_path: Path) -> None:
    blocker = tmp_path / "recordings"
    blocker.write_text("a file where the folder should be")
    folder = TakeAudioFolder(blocker / "1")
    with pytest.raises(TakeAudioError, match="cannot make the recordings folder"):
        folder.prepare(1)
