"""Exporting takes: copied when they are already H.264 + AAC, transcoded when not, named by
the convention, and never over a file that is already there."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from rehearsal.tape.errors import TapeCancelled, TapeError
from rehearsal.tape.export import export_takes
from rehearsal.tape.finish import finish_take
from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from rehearsal.tape.naming import DEFAULT_TEMPLATE
from rehearsal.tape.probe import probe
from rehearsal.tape.slate import SlateInfo
from tests.tape.media import write_raw

INFO = TakeInfo("Hamlet", "Ophelia", "Hamlet", 4)
SLATE = SlateInfo("Jane Doe", "Ophelia", "Hamlet")


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data", now=lambda: datetime(2026, 3, 2, 12, 0, tzinfo=UTC))


def _finished(library: TapeLibrary, seconds: float = 2.0) -> TapeTake:
    raw = library.begin(INFO, ".mkv")
    write_raw(raw.raw_path, seconds)
    return finish_take(raw, reader_level_db=-6.0, mix_reader=True, card=None)


def test_finished_takes_are_copied_byte_for_byte_under_the_usual_name(
    library: TapeLibrary, tmp_path: Path
) -> None:
    first, second = _finished(library), _finished(library)
    seen: list[float] = []
    paths = export_takes([first, second], tmp_path / "out", DEFAULT_TEMPLATE, SLATE, seen.append)
    assert [p.name for p in paths] == [
        "JaneDoe_Ophelia_Hamlet_Take1.mp4",
        "JaneDoe_Ophelia_Hamlet_Take2.mp4",
    ]
    assert paths[0].read_bytes() == first.path.read_bytes()
    assert seen[-1] == 1.0
    assert seen == sorted(seen)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in paths]


def test_an_export_never_overwrites(library: TapeLibrary, tmp_path: Path) -> None:
    take = _finished(library)
    out = tmp_path / "out"
    out.mkdir()
    (out / "JaneDoe_Ophelia_Hamlet_Take1.mp4").write_bytes(b"last week's tape")
    (out / "JaneDoe_Ophelia_Hamlet_Take1 (2).mp4").write_bytes(b"and the one after")
    (path,) = export_takes([take], out, DEFAULT_TEMPLATE, SLATE)
    assert path.name == "JaneDoe_Ophelia_Hamlet_Take1 (3).mp4"
    assert (out / "JaneDoe_Ophelia_Hamlet_Take1.mp4").read_bytes() == b"last week's tape"
    (again,) = export_takes([take], out, DEFAULT_TEMPLATE, SLATE)
    assert again.name == "JaneDoe_Ophelia_Hamlet_Take1 (4).mp4"


def test_a_take_in_another_format_is_transcoded(library: TapeLibrary, tmp_path: Path) -> None:
    raw = library.begin(INFO, ".mkv")
    old = write_raw(raw.folder / "take-001.mp4", 2.0, vcodec="mpeg4")  # an MPEG-4 Part 2 MP4
    take = raw.mark_finished(old, duration_s=2.0, slate_s=0.0)
    (path,) = export_takes([take], tmp_path / "out", "{role}_{date}_{take}", SLATE)
    assert path.name == "Ophelia_2026-03-02_1.mp4"
    facts = probe(path)
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert facts.duration_s == pytest.approx(2.0, abs=0.1)


def test_empty_slate_fields_fall_back_to_the_take(library: TapeLibrary, tmp_path: Path) -> None:
    take = _finished(library)
    (path,) = export_takes([take], tmp_path / "out", DEFAULT_TEMPLATE, SlateInfo("Jane", "", ""))
    assert path.name == "Jane_Ophelia_Hamlet_Take1.mp4"


def test_a_damaged_take_is_named_and_leaves_nothing_behind(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _finished(library)
    take.path.write_bytes(b"garbage" * 100)
    out = tmp_path / "out"
    with pytest.raises(TapeError, match=r"take-001\.mp4"):
        export_takes([take], out, DEFAULT_TEMPLATE, SLATE)
    assert list(out.iterdir()) == []


def test_cancelling_leaves_no_half_file(library: TapeLibrary, tmp_path: Path) -> None:
    take = _finished(library)
    out = tmp_path / "out"
    with pytest.raises(TapeCancelled):
        export_takes([take], out, DEFAULT_TEMPLATE, SLATE, cancelled=lambda: True)
    assert list(out.iterdir()) == []


def test_an_export_folder_that_cannot_be_made_is_named(
    library: TapeLibrary, tmp_path: Path
) -> None:
    take = _finished(library)
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder")
    with pytest.raises(TapeError, match="file/out"):
        export_takes([take], blocker / "out", DEFAULT_TEMPLATE, SLATE)
