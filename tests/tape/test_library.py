"""The self-tape library on disk: reserving takes, the journal, listing, stars, deleting.

Real folders and files in the test's temp folder; the media are made with PyAV.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rehearsal.tape.errors import TapeError
from rehearsal.tape.library import TAPES_DIR, TakeInfo, TapeLibrary
from tests.tape.media import tone, write_raw, write_wav

HAMLET = TakeInfo("Hamlet", "Ophelia", "Hamlet (National)", None)
AUDITION = TakeInfo("Hamlet", "Ophelia", "Hamlet (National)", 7)


class Ticks:
    """A wall clock that moves a minute per reading."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data", now=Ticks())


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_key_is_the_audition_or_a_safe_title() -> None:
    assert TapeLibrary.folder_key(AUDITION) == "audition-7"
    assert TapeLibrary.folder_key(TakeInfo("Le Misanthrope: acte I/2", None, None, None)) == (
        "Le-Misanthrope-acte-I-2"
    )
    assert TapeLibrary.folder_key(TakeInfo("Élise", None, None, None)) == "Élise"
    assert TapeLibrary.folder_key(TakeInfo("../..", None, None, None)) == "untitled"
    assert TapeLibrary.folder_key(TakeInfo(None, None, None, None)) == "untitled"


def test_begin_reserves_numbers_and_journals_at_once(library: TapeLibrary) -> None:
    first = library.begin(AUDITION, ".mkv", reader_level_db=-9.0, mix_reader=True)
    second = library.begin(AUDITION, ".mkv")
    assert (first.number, second.number) == (1, 2)
    assert first.raw_path.name == "take-001.raw.mkv"
    assert first.raw_path.parent == library.data_dir / TAPES_DIR / "audition-7"
    journal = json.loads(first.sidecar.read_text(encoding="utf-8"))
    assert journal["finished"] is False
    assert journal["reader_level_db"] == -9.0
    assert journal["info"]["role"] == "Ophelia"
    if os.name != "nt":
        assert _mode(first.folder) == 0o700
        assert _mode(first.sidecar) == 0o600


def test_begin_skips_a_number_another_window_holds(library: TapeLibrary) -> None:
    folder = library.root / "audition-7"
    folder.mkdir(parents=True)
    (folder / "take-004.mp4").write_bytes(b"")
    assert library.begin(AUDITION, ".mkv").number == 5


def test_begin_refuses_a_strange_suffix(library: TapeLibrary) -> None:
    with pytest.raises(ValueError, match="extension"):
        library.begin(HAMLET, "mkv/../x")


def test_begin_on_an_unwritable_place_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    with pytest.raises(TapeError, match="self_tapes"):
        TapeLibrary(tmp_path / "data").begin(HAMLET, ".mkv")


def test_cues_and_slate_are_journalled_and_survive_a_restart(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = library.begin(HAMLET, ".mkv", mix_reader=False)
    rendered = write_wav(tmp_path / "cache-line.wav", tone(0.5, 300, 0.3))
    take.mark_slate(4.5)
    take.add_cue(rendered, 6.0)
    take.add_cue(rendered, 9.25, rate=1.2)
    take.cue_stopped(9.5)
    rendered.unlink()  # the render cache let go of the line: the take kept its own
    write_raw(take.raw_path, 1.0)

    (again,) = TapeLibrary(library.data_dir).unfinished()
    assert again.number == take.number
    assert again.slate_spoken_end_s == 4.5
    assert again.mix_reader is False
    assert [(c.at_s, c.rate, c.stopped_at_s) for c in again.cues] == [
        (6.0, 1.0, None),
        (9.25, 1.2, 9.5),
    ]
    assert all(c.wav.is_file() for c in again.cues)
    assert again.raw_path == take.raw_path


def test_takes_lists_unfinished_with_a_raw_file_and_hides_empty_reservations(
    library: TapeLibrary,
) -> None:
    library.begin(HAMLET, ".mkv")  # reserved, nothing recorded
    recording = library.begin(HAMLET, ".mkv")
    write_raw(recording.raw_path, 1.0)
    (listed,) = library.takes()
    assert listed.number == 2
    assert listed.finished is False
    assert listed.path == recording.raw_path


def test_finished_takes_list_newest_first_across_folders(library: TapeLibrary) -> None:
    made = []
    for info in (HAMLET, AUDITION, HAMLET):
        take = library.begin(info, ".mkv")
        path = write_raw(take.folder / f"take-{take.number:03d}.mp4", 1.0, vcodec="h264")
        made.append(take.mark_finished(path, duration_s=1.0, slate_s=0.5))
    listed = library.takes()
    assert [(t.folder_key, t.number) for t in listed] == [
        ("Hamlet", 2),
        ("audition-7", 1),
        ("Hamlet", 1),
    ]
    assert all(t.finished and t.duration_s == 1.0 and t.slate_s == 0.5 for t in listed)
    assert [t.number for t in library.takes("Hamlet")] == [2, 1]
    assert library.takes("nobody") == []
    assert listed[0].recorded_at.tzinfo is not None


def test_a_take_whose_sidecar_is_lost_still_lists_with_its_probed_length(
    library: TapeLibrary,
) -> None:
    take = library.begin(HAMLET, ".mkv")
    path = write_raw(take.folder / "take-001.mp4", 2.0, vcodec="h264")
    take.sidecar.unlink()
    (listed,) = library.takes()
    assert listed.path == path
    assert listed.finished is True
    assert listed.duration_s == pytest.approx(2.0, abs=0.1)
    assert listed.starred is False


def test_a_garbled_sidecar_counts_as_lost(library: TapeLibrary) -> None:
    take = library.begin(HAMLET, ".mkv")
    write_raw(take.folder / "take-001.mp4", 1.0, vcodec="h264")
    take.sidecar.write_text("{not json", encoding="utf-8")
    (listed,) = library.takes()
    assert listed.duration_s == pytest.approx(1.0, abs=0.1)


def test_star_is_kept_and_survives_a_lost_sidecar(library: TapeLibrary) -> None:
    take = library.begin(HAMLET, ".mkv")
    path = write_raw(take.folder / "take-001.mp4", 1.0, vcodec="h264")
    finished = take.mark_finished(path, duration_s=1.0, slate_s=0.0)
    starred = library.set_starred(finished, True)
    assert starred.starred
    assert library.takes()[0].starred
    take.sidecar.unlink()
    (lost,) = library.takes()
    assert library.set_starred(lost, True).starred
    assert library.takes()[0].starred
    assert not library.set_starred(lost, False).starred
    assert not library.takes()[0].starred


def test_delete_removes_everything_of_the_take_and_only_that(
    library: TapeLibrary, tmp_path: Path
) -> None:
    keep = library.begin(HAMLET, ".mkv")
    write_raw(keep.folder / "take-001.mp4", 1.0, vcodec="h264")
    gone = library.begin(HAMLET, ".mkv")
    gone.add_cue(write_wav(tmp_path / "line.wav", tone(0.2, 300, 0.3)), 1.0)
    write_raw(gone.raw_path, 1.0)
    (listed_gone,) = [t for t in library.takes() if t.number == 2]
    library.delete(listed_gone)
    assert sorted(p.name for p in keep.folder.iterdir()) == ["take-001.json", "take-001.mp4"]
    (only,) = library.takes()
    library.delete(only)
    assert not keep.folder.exists()


def test_unfinished_leaves_out_damaged_and_finished_takes(library: TapeLibrary) -> None:
    damaged = library.begin(HAMLET, ".mkv")
    library.mark_damaged(damaged, "unreadable")
    done = library.begin(HAMLET, ".mkv")
    path = write_raw(done.folder / "take-002.mp4", 1.0, vcodec="h264")
    done.mark_finished(path, duration_s=1.0, slate_s=0.0)
    waiting = library.begin(AUDITION, ".mkv")
    assert [(t.key, t.number) for t in library.unfinished()] == [(waiting.key, 1)]


def test_the_library_pickles_as_its_folder(library: TapeLibrary) -> None:
    import pickle

    again = pickle.loads(pickle.dumps(library))
    assert again.data_dir == library.data_dir
