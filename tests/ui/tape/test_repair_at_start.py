"""At start a take cut short last time is finished as far as it was written, and said so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.tape.library import TakeInfo, TapeLibrary
from rehearsal.tape.probe import probe
from rehearsal.tape.repair import RepairReport
from rehearsal.ui.tape.repair_at_start import RepairAtStart, repair_sentence
from tests.tape.media import write_raw
from tests.ui.tape.media import recorded_take

pytestmark = pytest.mark.gui

NINA = TakeInfo("Night Shift", "Nina", "Night Shift", 2)


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def repair(window: QMainWindow, paths: Paths, tmp_path: Path) -> Iterator[RepairAtStart]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    repairer = RepairAtStart(window, paths, settings)
    yield repairer
    repairer.shutdown()


def _cut_short(library: TapeLibrary, seconds: float = 3.0, share: float = 0.6) -> Path:
    """A take recording into Matroska when the disk filled up ``share`` of the way."""
    take = library.begin(NINA, ".mkv")
    write_raw(take.raw_path, seconds)
    data = take.raw_path.read_bytes()
    take.raw_path.write_bytes(data[: int(len(data) * share)])
    return take.raw_path


def test_a_cut_short_take_is_kept_finished_and_said_in_one_sentence(
    qtbot: QtBot, paths: Paths, repair: RepairAtStart, window: QMainWindow
) -> None:
    library = TapeLibrary(paths.data)
    raw = _cut_short(library)
    with qtbot.waitSignal(repair.finished, timeout=120_000) as told:
        repair.start()
    sentence = told.args[0]
    assert sentence.startswith("Take 1 of Night Shift was cut short last time; it was kept up to")
    assert sentence.endswith("is with your takes.")
    assert repair.bar is not None
    assert repair.bar.isVisible()
    assert repair.label is not None
    assert repair.label.text() == sentence
    (take,) = library.takes()
    assert take.finished
    facts = probe(take.path)
    assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert facts.duration_s is not None
    assert 0.5 < facts.duration_s < 3.0  # as far as it was written
    assert not raw.exists()
    with qtbot.waitSignal(repair.show_takes):
        repair.show_button.click()
    repair.dismiss_button.click()
    assert not repair.bar.isVisible()


def test_nothing_to_repair_says_nothing(qtbot: QtBot, paths: Paths, repair: RepairAtStart) -> None:
    recorded_take(TapeLibrary(paths.data), NINA)  # finished: nothing to do
    with qtbot.waitSignal(repair.finished, timeout=10_000) as told:
        repair.start()
    assert told.args == [""]
    assert repair.bar is None
    assert not repair.watcher.running  # no process was started for nothing


def test_an_unreadable_take_is_named(qtbot: QtBot, paths: Paths, repair: RepairAtStart) -> None:
    library = TapeLibrary(paths.data)
    take = library.begin(NINA, ".mp4")
    take.raw_path.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 200)
    with qtbot.waitSignal(repair.finished, timeout=120_000) as told:
        repair.start()
    assert told.args[0].startswith("A take cut short last time could not be read: ")
    assert str(take.raw_path) in told.args[0]
    assert take.raw_path.exists()  # kept for the actor to rescue


def test_several_takes_are_counted(paths: Paths) -> None:
    library = TapeLibrary(paths.data)
    kept = [recorded_take(library, NINA), recorded_take(library, NINA)]
    reports = [RepairReport(t, "kept") for t in kept] + [RepairReport(None, "x")]
    assert repair_sentence(reports) == (
        "2 takes were cut short last time; each was kept as far as it was written and is "
        "with your takes. A take cut short last time could not be read: x"
    )
