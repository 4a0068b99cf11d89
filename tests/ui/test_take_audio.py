"""Take recordings in the app: the no-microphone path, the takes list, playback.

The folder layout itself (naming, listing, ratings, deleting) is tested without Qt in
``tests/media/test_takes.py``.

CI has no microphone, so the recorder is tested for real on the path it takes there (a clear
reason, nothing written); a machine with one records a moment instead. Playback runs real
``QMediaPlayer`` on WAV files made here: without a sound card Qt plays them silently in
real time, so the clips are kept to a fraction of a second.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.engine.timing import Rating
from rehearsal.media.takes import TakeRecording
from rehearsal.ui.take_audio import (
    COL_LENGTH,
    COL_NOTE,
    COL_RATING,
    COL_TAKE,
    TAKE_ROLE,
    TakeAudioFolder,
    TakeAudioRecorder,
    TakesPanel,
    TakesTableModel,
    format_length,
    microphone_problem,
    session_folder,
)
from rehearsal.ui.warning_tone import write_beep


def _wav(path: Path, seconds: float = 0.25, rate: int = 8000) -> Path:
    return write_beep(path, frequency=440.0, seconds=seconds, beeps=1, volume=0.25, rate=rate)


@pytest.fixture
def folder(tmp_path: Path) -> TakeAudioFolder:
    return TakeAudioFolder(session_folder(tmp_path / "data", 12))


def _record(folder: TakeAudioFolder, take: int, note: str | None, seconds: float = 0.25) -> None:
    _wav(folder.audio_path(take), seconds)
    folder.write_info(take, note=note, duration_s=seconds)


def test_format_length() -> None:
    assert [format_length(s) for s in (None, 0.4, 59.6, 61, 600)] == [
        "",
        "0:00",
        "1:00",
        "1:01",
        "10:00",
    ]


# -- the recorder -----------------------------------------------------------------------------


@pytest.mark.gui
def test_recorder_without_a_microphone_says_why_and_writes_nothing(
    qtbot: QtBot, folder: TakeAudioFolder
) -> None:
    recorder = TakeAudioRecorder(folder)
    problem = microphone_problem()
    assert recorder.available() == (problem is None)
    if recorder.available():  # a machine with a microphone: record a moment for real
        assert recorder.unavailable_reason() == ""
        with qtbot.waitSignal(recorder.started, timeout=3000):
            assert recorder.start(1, "Angrier.")
        qtbot.wait(300)
        with qtbot.waitSignal(recorder.saved, timeout=5000) as saved:
            recorder.stop()
        recording = saved.args[0]
        assert isinstance(recording, TakeRecording)
        assert (recording.take, recording.note) == (1, "Angrier.")
        assert recording.path.stat().st_size > 44
        return
    assert "microphone" in recorder.unavailable_reason().lower()
    with qtbot.waitSignal(recorder.unavailable, timeout=1000) as unavailable:
        assert not recorder.start(1, "Angrier.")
    assert unavailable.args == [recorder.unavailable_reason()]
    assert not recorder.is_recording()
    recorder.stop()  # harmless when nothing records
    assert not folder.folder.exists()


@pytest.mark.gui
def test_a_recording_that_cannot_start_is_reported_and_leaves_no_file(
    qtbot: QtBot, folder: TakeAudioFolder
) -> None:
    recorder = TakeAudioRecorder(folder)
    if recorder.available():
        pytest.skip("this machine has a microphone: the failure cannot be provoked")
    recorder._problem = None  # try anyway, as if a microphone vanished after the check
    messages: list[str] = []
    recorder.failed.connect(messages.append)
    started: list[int] = []
    recorder.started.connect(started.append)
    recorder.start(1, "Angrier.")
    qtbot.waitUntil(lambda: not recorder.is_recording(), timeout=3000)
    assert messages
    assert messages[0].startswith(f"{folder.audio_path(1)}: the recording failed")
    assert started == []
    assert folder.takes() == []
    assert not folder.audio_path(1).exists()


# -- the list and playback ----------------------------------------------------------------------


@pytest.mark.gui
@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_takes_model_passes_qt_model_checks(
    qtmodeltester: ModelTester, folder: TakeAudioFolder, force_py: bool
) -> None:
    _record(folder, 1, "Angrier.")
    _record(folder, 2, None)
    folder.set_rating(2, Rating(3, "ok"))
    model = TakesTableModel()
    model.set_recordings(folder.takes())
    qtmodeltester.check(model, force_py=force_py)


class Confirmations:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, parent: QWidget, question: str) -> bool:
        self.questions.append(question)
        return self.answer


@pytest.fixture
def panel(qtbot: QtBot, folder: TakeAudioFolder) -> TakesPanel:
    _record(folder, 1, "Take 1 — Play it like you're hiding something.", 0.2)
    _record(folder, 2, "Again, but you've been running.", 0.3)
    folder.set_rating(1, Rating(4, "good"))
    widget = TakesPanel(folder, confirm=Confirmations(True))
    qtbot.addWidget(widget)
    widget.resize(520, 260)
    widget.show()
    return widget


def _cell(panel: TakesPanel, row: int, column: int) -> object:
    return panel.model.index(row, column).data()


@pytest.mark.gui
def test_panel_lists_take_note_rating_and_length(panel: TakesPanel) -> None:
    assert panel.model.rowCount() == 2
    assert [_cell(panel, 0, c) for c in (COL_TAKE, COL_RATING, COL_LENGTH)] == [
        "1",
        "4 / 5",
        "0:00",
    ]
    assert _cell(panel, 1, COL_NOTE) == "Again, but you've been running."
    assert _cell(panel, 1, COL_RATING) == ""
    assert panel.model.index(0, COL_RATING).data(Qt.ItemDataRole.ToolTipRole) == "good"
    assert panel.selected_take() == 2  # the newest, ready to compare with
    assert panel.empty_label.isHidden()
    assert panel.accessibleName() == "Recorded takes"


@pytest.mark.gui
def test_panel_plays_a_take_to_the_end(qtbot: QtBot, panel: TakesPanel) -> None:
    with qtbot.waitSignal(panel.playback_started, timeout=1000) as started:
        QTest.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert started.args == [2]
    assert panel.playing_take() == 2
    assert panel.play_button.text() == "Stop"
    with qtbot.waitSignal(panel.playback_finished, timeout=5000) as finished:
        pass
    assert finished.args == [2]
    assert panel.playing_take() is None
    assert panel.play_button.text() == "Play"


@pytest.mark.gui
def test_playing_another_take_stops_the_first(qtbot: QtBot, panel: TakesPanel) -> None:
    assert panel.play(2)
    with qtbot.waitSignals([panel.playback_finished, panel.playback_started], timeout=1000):
        row = panel.model.row_of(1)
        assert row is not None
        panel.table.doubleClicked.emit(panel.model.index(row, COL_NOTE))
    assert panel.playing_take() == 1
    with qtbot.waitSignal(panel.playback_finished, timeout=1000) as stopped:
        panel.stop()
    assert stopped.args == [1]


@pytest.mark.gui
def test_delete_asks_and_removes_the_files(
    qtbot: QtBot, panel: TakesPanel, folder: TakeAudioFolder
) -> None:
    confirm = Confirmations(False)
    panel._confirm = confirm
    panel.table.selectRow(0)
    panel.delete_button.click()
    assert confirm.questions == ["Delete the recording of take 1?"]
    assert folder.get(1) is not None
    confirm.answer = True
    assert panel.play(1)
    with qtbot.waitSignal(panel.deleted, timeout=1000) as deleted:
        panel.delete_button.click()
    assert deleted.args == [1]
    assert panel.playing_take() is None  # stopped before the file went
    assert folder.get(1) is None
    assert not folder.info_path(1).exists()
    assert panel.model.rowCount() == 1
    panel.delete(2)
    assert panel.model.rowCount() == 0
    assert not panel.empty_label.isHidden()
    assert not panel.play_button.isEnabled()


@pytest.mark.gui
def test_playing_a_take_that_is_gone_reports_it(
    qtbot: QtBot, panel: TakesPanel, folder: TakeAudioFolder
) -> None:
    folder.delete(1)
    with qtbot.waitSignal(panel.failed, timeout=1000) as failed:
        assert not panel.play(1)
    assert failed.args == ["Take 1 has no recording any more."]
    assert panel.model.rowCount() == 1


@pytest.mark.gui
def test_an_unplayable_file_reports_instead_of_crashing(
    qtbot: QtBot, panel: TakesPanel, folder: TakeAudioFolder
) -> None:
    folder.audio_path(3).write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really audio")
    panel.refresh()
    with qtbot.waitSignal(panel.failed, timeout=5000) as failed:
        panel.play(3)
    assert failed.args[0].startswith("Take 3 could not be played")
    assert panel.playing_take() is None


@pytest.mark.gui
def test_set_folder_shows_another_session(qtbot: QtBot, panel: TakesPanel, tmp_path: Path) -> None:
    other = TakeAudioFolder(tmp_path / "other")
    _record(other, 5, "It's 3 a.m.")
    panel.set_folder(other)
    assert [panel.model.index(r, 0).data(TAKE_ROLE) for r in range(panel.model.rowCount())] == [5]
