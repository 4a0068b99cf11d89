"""A rehearsal in Follow my words, the actor's lines coming from recordings, then History.

The journey machine has no microphone, so the actor's voice is a WAV per line, written by
eSpeak NG and played into the app's listening exactly where the microphone's audio goes
(the words mode's audio source). Everything else is the actor's: the Partner waits
choice, Start, Stop, History and its tabs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt

from rehearsal.engine.commands import State
from rehearsal.engine.settings import WaitMode
from rehearsal.listen.audio import read_wav
from rehearsal.ui.history.history_window import HistoryWindow
from rehearsal.ui.listening.sources import RecordingSource
from tests.journeys.harness import Journey, left_line
from tests.listen.speech_audio import ESPEAK, recording
from tests.ui.pages import child_texts

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed"),
]

LINES = 2


def test_a_take_followed_by_words_lands_in_history_with_its_line_stats(
    journey: Journey, tmp_path: Path
) -> None:
    window = journey.launch()
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()
    journey.in_main_window()
    controller = window.controller
    assert controller is not None
    own = [line.text for line in controller.lines if line.own][:LINES]
    wavs = []
    for number, text in enumerate(own, 1):
        wav = recording(text, "en-us+f3", 150, before=0.6, after=0.2).write(
            tmp_path / f"nina-{number}.wav"
        )
        wavs.append(read_wav(wav).samples)
    source = RecordingSource(wavs, speed=4.0)

    def the_recordings(parent: QObject) -> RecordingSource:
        source.setParent(parent)
        return source

    follow = window.follow
    follow.source_factory = the_recordings  # the microphone's place
    follow.turn_started.connect(source.next_turn)

    combo = window.rehearsal.wait_mode
    with journey.qtbot.waitSignal(follow.ready, timeout=15_000) as ready:
        combo.setCurrentIndex(combo.findData(WaitMode.WORDS.value))
        combo.activated.emit(combo.currentIndex())
    assert ready.args == [True]
    assert follow.panel.isVisible()
    journey.start_take()
    engine = controller.engine
    heard = 0
    for _ in range(4000):
        if heard >= LINES or engine.state in (State.FINISHED, State.IDLE):
            break
        if engine.state is State.WAITING:
            line = engine.index
            journey.wait(left_line(engine, line), "the partner to come in at the end of the line")
            heard += 1
        else:
            journey.tick()
    assert heard == LINES
    journey.shot("follow-my-words")
    assert "<b>" in follow.panel.words.text()  # the last line's words, followed
    journey.key(Qt.Key.Key_Escape)  # Stop

    journey.shortcut("Ctrl+H")
    history = journey.dialog(HistoryWindow, "the History window")
    history.resize(1100, 640)
    journey.wait(lambda: history.model.rowCount() == 1, "the session")
    history.table.selectRow(0)
    journey.wait(lambda: history.detail.topLevelItemCount() >= 1, "the session's takes")
    take = history.detail.topLevelItem(0)
    assert take is not None
    assert ", pickup " in take.text(0)
    lines = child_texts(take)
    followed = [text for text in lines if "of the words" in text]
    assert len(followed) == LINES, lines
    assert all("pickup 0." in text for text in followed), followed
    journey.click_tab(history.tabs, "Lines to work on")
    journey.wait(lambda: history.line_panel.script_id is not None, "the script's lines")
    journey.shot("history-lines-to-work-on", history)
    history.close()
