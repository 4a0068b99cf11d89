"""The reader's lines, as the partner's player plays them, become cues of the take on disk.

Real parts throughout: eSpeak NG renders the lines, Qt's player plays them (silently, in
real time, on a machine without a sound card), the core's take journals them; only the
recording's clock is a plain counter, so the moments are exact.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import SpeakNote, State, StateChanged
from rehearsal.paths import Paths
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import plan_text
from rehearsal.speech.render import RenderCache, Renderer, SpeechEngine
from rehearsal.tape.library import TakeInfo, TakeInProgress, TapeLibrary
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.qt_player import PartnerPlayer
from rehearsal.ui.tape.reader_log import ReaderLog
from tests.speech.wav_tools import ENGINE_REASON

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(ENGINE_REASON is not None, reason=f"no speech engine: {ENGINE_REASON}"),
]

VOICE = VoiceSettings("gmw/en-us+m3", rate=260)


class Clock:
    """Seconds into the recording, moved by the test."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wavs(paths: Paths, speech_engine: SpeechEngine) -> list[Path]:
    renderer = Renderer(RenderCache.for_paths(paths), speech_engine)
    texts = ("You came back.", "They're on the table, where you left them.", "Action, again!")
    return [renderer.render(plan_text(text, VOICE)).path for text in texts]


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[PartnerPlayer]:
    partner = PartnerPlayer()
    partner.setPlaybackRate(2.0)
    yield partner
    partner.stop()  # a file still playing at teardown disturbs the next test's recorder
    qtbot.waitUntil(lambda: not partner.is_playing() and not partner.is_paused(), timeout=5000)
    qtbot.wait(100)
    with qtbot.waitSignal(partner.destroyed, timeout=5000):
        partner.close()


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    background = BackgroundRunner(name="journal test")
    yield background
    background.shutdown()


@pytest.fixture
def take(paths: Paths) -> TakeInProgress:
    return TapeLibrary(paths.data).begin(TakeInfo("Keys", "BOB", "Keys", None), ".mkv")


def test_lines_played_become_cues_and_a_cut_off_line_says_where(
    qtbot: QtBot,
    wavs: list[Path],
    player: PartnerPlayer,
    runner: BackgroundRunner,
    take: TakeInProgress,
) -> None:
    clock = Clock()
    log = ReaderLog(player, runner, clock)
    log.begin(take)
    clock.now = 2.5
    with qtbot.waitSignal(player.finished, timeout=10_000):
        player.play(wavs[0], 1)
    clock.now = 6.0
    with qtbot.waitSignal(player.started, timeout=10_000):
        player.play(wavs[1], 2)
    clock.now = 6.4
    player.stop()  # the actor came in early
    with qtbot.waitSignal(log.flushed, timeout=10_000):
        pass
    assert [(cue.at_s, cue.rate, cue.stopped_at_s) for cue in take.cues] == [
        (2.5, 2.0, None),
        (6.0, 2.0, 6.4),
    ]
    for cue, played in zip(take.cues, wavs[:2], strict=True):
        assert cue.wav.parent == take.cue_folder
        assert cue.wav.read_bytes() == played.read_bytes()
    journal = json.loads(take.sidecar.read_text())  # what a crash now would leave
    assert [cue["at_s"] for cue in journal["cues"]] == [2.5, 6.0]
    assert journal["cues"][1]["stopped_at_s"] == 6.4


def test_director_notes_and_lines_outside_a_take_are_never_cues(
    qtbot: QtBot,
    wavs: list[Path],
    player: PartnerPlayer,
    runner: BackgroundRunner,
    take: TakeInProgress,
) -> None:
    clock = Clock()
    log = ReaderLog(player, runner, clock)
    with qtbot.waitSignal(player.finished, timeout=10_000):
        player.play(wavs[0], 1)  # before the take: a rehearsal line, not on the tape
    log.begin(take)
    log.on_commands([SpeakNote(utterance=7, text="Action, again!")])
    with qtbot.waitSignal(player.finished, timeout=10_000):
        player.play(wavs[2], 7)
    clock.now = 3.0
    with qtbot.waitSignal(player.finished, timeout=10_000):
        player.play(wavs[0], 8)
    log.end()
    with qtbot.waitSignal(player.finished, timeout=10_000):
        player.play(wavs[0], 9)  # after the take
    qtbot.waitUntil(lambda: not log.pending, timeout=5_000)
    assert [cue.at_s for cue in take.cues] == [3.0]
    assert log.cues == [(str(wavs[0]), 3.0, 2.0)]


def test_a_pause_or_the_end_of_the_recording_cuts_the_line_off(
    qtbot: QtBot,
    wavs: list[Path],
    player: PartnerPlayer,
    runner: BackgroundRunner,
    take: TakeInProgress,
) -> None:
    clock = Clock()
    log = ReaderLog(player, runner, clock)
    log.begin(take)
    clock.now = 1.0
    with qtbot.waitSignal(player.started, timeout=10_000):
        player.play(wavs[1], 1)
    clock.now = 1.3
    log.on_commands([StateChanged(State.PAUSED)])
    player.pause()
    clock.now = 4.0
    with qtbot.waitSignal(player.started, timeout=10_000):
        player.play(wavs[1], 2)
    clock.now = 4.2
    log.end()  # Stop pressed while the partner speaks
    log.mark_slate(0.8)
    qtbot.waitUntil(lambda: not log.pending, timeout=5_000)
    assert [(cue.at_s, cue.stopped_at_s) for cue in take.cues] == [(1.0, 1.3), (4.0, 4.2)]
    assert take.slate_spoken_end_s is None  # after end(): no take to mark


def test_a_journal_that_cannot_be_written_is_reported(
    qtbot: QtBot,
    wavs: list[Path],
    player: PartnerPlayer,
    runner: BackgroundRunner,
    take: TakeInProgress,
) -> None:
    log = ReaderLog(player, runner, Clock())
    log.begin(take)
    take.cue_folder.parent.joinpath(take.cue_folder.name).write_text("in the way")
    with (
        qtbot.waitSignal(player.finished, timeout=10_000),
        qtbot.waitSignal(log.problem, timeout=10_000) as problem,
    ):
        player.play(wavs[0], 1)
    assert str(wavs[0]) in problem.args[0]
