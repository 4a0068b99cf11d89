"""Follow my words in the app: recordings fed through the microphone's path, real widgets.

CI has no microphone, so a :class:`RecordingSource` plays eSpeak NG recordings into the
listening worker exactly where the microphone's bytes go (same signal, same thread, same
pipeline). The engine runs on the real clock here: the listening decides on the audio's
own time, and the tests wait on signals.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import Delay, DelayReason, State
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import MemoryRecorder, Outcome
from rehearsal.script.model import Script
from rehearsal.ui.listening import follow as follow_module
from rehearsal.ui.listening.follow import FollowMyWords, preferred_settings
from rehearsal.ui.listening.panel import describe_differing, followed_html
from rehearsal.ui.listening.sources import RecordingSource, microphone_present
from rehearsal.ui.rehearsal_controller import RehearsalController
from rehearsal.ui.rehearsal_screen import RehearsalScreen
from rehearsal.ui.theme import colours
from tests.engine.builders import dlg, scene, script
from tests.listen.speech_audio import ESPEAK, LINE, LINE_HALVES, SCENE, recording

pytestmark = pytest.mark.gui
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="eSpeak NG is not installed")

SECOND = SCENE[2]  # "Fine. Next time leave them on the hook where they belong."


def two_hander() -> Script:
    return script(
        scene(
            dlg("MARCUS", LINE),
            dlg("NADIA", "Then why can't I find them?"),
            dlg("MARCUS", SECOND),
            dlg("NADIA", "Fine."),
        )
    )


@pytest.fixture
def screen(qtbot: QtBot) -> RehearsalScreen:
    widget = RehearsalScreen()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


@pytest.fixture(autouse=True)
def fresh_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(follow_module, "_told_languages", set())


_made: list[RehearsalController] = []


@pytest.fixture(autouse=True)
def let_go() -> Iterator[None]:
    """Each controller lets go of its screen at the end (its listening thread is joined)."""
    yield
    while _made:
        _made.pop().detached.emit()


def _controller(
    screen: RehearsalScreen, the_script: Script, recorder: MemoryRecorder, **settings: object
) -> RehearsalController:
    base = RehearsalSettings(speech=False, partner_words_per_minute=600, response_seconds=0.4)
    controller = RehearsalController(
        screen, the_script, "MARCUS", base.with_changes(**settings), recorder=recorder
    )
    _made.append(controller)
    return controller


def _follow(controller: RehearsalController, source: RecordingSource) -> FollowMyWords:
    def factory(parent: QObject) -> RecordingSource:
        source.setParent(parent)
        return source

    follow = FollowMyWords(controller, source_factory=factory)
    follow.turn_started.connect(source.next_turn)
    return follow


@pytest.fixture
def recorder() -> MemoryRecorder:
    return MemoryRecorder()


def _choose_words(qtbot: QtBot, screen: RehearsalScreen, follow: FollowMyWords) -> None:
    with qtbot.waitSignal(follow.ready, timeout=10_000):
        screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(WaitMode.WORDS.value))


@needs_espeak
def test_a_take_followed_from_recordings_logs_accuracy_pickup_and_the_response_gap(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder)
    first = recording(LINE_HALVES, "en-us+f3", 150, before=0.7, pause=1.5, after=0.3)
    second = recording(SECOND, "en-us+f3", 150, before=0.4, after=0.3)
    source = RecordingSource([first.samples, second.samples], speed=4.0)
    follow = _follow(controller, source)
    _choose_words(qtbot, screen, follow)
    assert follow.panel.isVisible()
    assert screen.level_meter.isVisible()
    levels: list[int] = []
    screen.level_meter.valueChanged.connect(levels.append)
    delays: list[Delay] = []
    controller.commands_run.connect(
        lambda commands: delays.extend(c for c in commands if isinstance(c, Delay))
    )
    screen.action_start.trigger()
    assert "follows your words" in screen.status.text()
    with qtbot.waitSignal(controller.take_ended, timeout=30_000):
        pass
    lines = [timing for _take, timing in recorder.lines if timing.own]
    assert [t.outcome for t in lines] == [Outcome.HEARD, Outcome.HEARD]
    held, plain = lines
    # The 1.5 s held beat inside the first line did not bring the partner in.
    assert held.complete is True
    assert held.accuracy is not None
    assert held.accuracy >= 0.6
    assert held.pickup_s == pytest.approx(0.7, abs=0.15)
    assert plain.pickup_s == pytest.approx(0.4, abs=0.15)
    response = [d for d in delays if d.reason is DelayReason.RESPONSE]
    assert response
    assert all(d.seconds == pytest.approx(0.4) for d in response)  # the full gap, after the end
    assert "Take 1" in follow.last_summary
    assert "pickup" in follow.last_summary
    assert follow.panel.note.text() == follow.last_summary
    assert controller.engine.state is State.FINISHED
    assert max(levels) > 40  # the meter moved with the voice


@needs_espeak
def test_a_wrong_line_is_logged_incomplete_after_the_long_silence(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder, listen_give_up_seconds=1.5)
    wrong = recording("The weather has been lovely all week.", "en-us", 150, after=0.2)
    source = RecordingSource([wrong.samples], speed=4.0)
    follow = _follow(controller, source)
    _choose_words(qtbot, screen, follow)
    screen.action_start.trigger()
    with qtbot.waitSignal(follow.line_heard, timeout=20_000) as heard:
        pass
    result = heard.args[0] if heard.args else None
    assert result is not None
    assert result.line_end.complete is False
    qtbot.waitUntil(lambda: bool(recorder.lines), timeout=5000)
    timing = recorder.lines[0][1]
    assert timing.complete is False
    assert timing.accuracy is not None
    assert timing.accuracy < 0.4
    assert timing.differing


@needs_espeak
def test_the_done_key_mid_line_keeps_the_words_heard_so_far(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder)
    spoken = recording(LINE, "en-us+f3", 150, before=0.4, after=0.0)
    source = RecordingSource([spoken.samples], speed=2.0)
    follow = _follow(controller, source)
    _choose_words(qtbot, screen, follow)
    started = controller.engine.now()
    screen.action_start.trigger()
    qtbot.waitUntil(lambda: source.delivered > len(spoken.samples) * 0.6, timeout=20_000)
    pressed = controller.engine.now()
    screen.setFocus()
    QTest.keyClick(screen, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: any(t.own for _take, t in recorder.lines), timeout=5000)
    timing = next(t for _take, t in recorder.lines if t.own)
    assert timing.outcome is Outcome.ACTOR
    assert timing.accuracy is not None
    assert 0.0 < timing.accuracy < 1.0  # the words before the key, and the rest missed
    assert timing.differing
    assert timing.pickup_s == pytest.approx(0.4, abs=0.15)
    assert timing.done_s is not None
    assert timing.done_s == pytest.approx(pressed - started, abs=0.05)  # the press, not the reply


def test_the_line_key_reveals_the_next_words_and_is_counted(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder, prompt_words=3)
    follow = FollowMyWords(controller, source_factory=lambda parent: RecordingSource())
    screen.action_start.trigger()
    assert controller.engine.state is State.WAITING
    screen.setFocus()
    QTest.keyClick(screen, Qt.Key.Key_L)
    assert follow.panel.note.text() == "Line: “I told you …”"
    QTest.keyClick(screen, Qt.Key.Key_L)
    assert follow.panel.note.text() == "Line: “already, Marcus, the …”"
    QTest.keyClick(screen, Qt.Key.Key_Space)
    timing = next(t for _take, t in recorder.lines if t.own)
    assert timing.prompts == 2
    assert "2 prompts" in follow.panel.note.text()


def test_a_script_in_another_language_listens_for_the_voice_and_says_so_once(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    french = script(
        scene(
            dlg("MARCUS", "Je ne sais pas ce que tu veux dire, elle est dans la cuisine. " * 4),
            dlg("NADIA", "Mais non, il est avec les enfants et je ne le vois pas. " * 4),
        )
    )
    for attempt in range(2):
        controller = _controller(screen, french, recorder)
        follow = FollowMyWords(controller, source_factory=lambda parent: RecordingSource())
        assert not follow.support.recognises_words
        screen.voice_notice.hide()
        with qtbot.waitSignal(follow.ready, timeout=10_000) as ready:
            screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(WaitMode.WORDS.value))
        assert ready.args == [False]
        assert screen.voice_notice.isVisible() is (attempt == 0)
        if attempt == 0:
            assert "(fr)" in screen.voice_notice.text()
        screen.action_start.trigger()
        assert "comes in when you stop" in screen.status.text()
        controller.disconnect_screen()

        def stopped(f: FollowMyWords = follow) -> bool:
            return not f.active

        qtbot.waitUntil(stopped, timeout=2000)


def test_the_followed_words_sit_under_the_line_and_their_options_beside_the_wait_mode(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder)
    follow = _follow(controller, RecordingSource([]))
    options = screen.options_panel
    assert not follow.panel.strictness.isVisible()  # Wait for my key: not its options
    _choose_words(qtbot, screen, follow)
    assert follow.panel.isVisible()
    # Under the current line on the page, not above the run controls.
    assert follow.panel.parentWidget() is screen
    assert follow.panel.geometry().top() >= screen.prompt.geometry().top()
    assert follow.panel.geometry().top() > screen.toolbar.geometry().bottom()
    for widget in (follow.panel.strictness, follow.panel.live):
        assert widget.isVisible()
        assert options.isAncestorOf(widget)
        assert widget.width() <= options.width()
    screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(WaitMode.TIMED.value))
    assert not follow.panel.isVisible()
    assert not follow.panel.strictness.isVisible()
    assert not follow.panel.live.isVisible()
    rows = options.form.rowCount()
    controller.detached.emit()
    assert options.form.rowCount() == rows - 2  # a new rehearsal adds its own


@pytest.mark.skipif(microphone_present(), reason="this machine has a microphone")
def test_without_a_microphone_the_partner_waits_for_the_key(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder)
    follow = FollowMyWords(controller)
    screen.wait_mode.setCurrentIndex(screen.wait_mode.findData(WaitMode.WORDS.value))
    assert screen.wait_mode.currentData() == WaitMode.KEY.value
    assert controller.engine.settings.wait_mode is WaitMode.KEY
    assert "The partner waits for your key instead." in screen.status.text()
    assert not follow.panel.isVisible()
    assert preferred_settings(None, RehearsalSettings()).wait_mode is WaitMode.KEY


def test_the_follow_line_marks_what_was_said() -> None:
    words = (("I", "ok"), ("told", "changed"), ("you", "missed"), ("so", "prompted"), ("x", "ok"))
    assert followed_html(words, 3, live=False, ahead="#777777") == (
        "<b>I</b> told you <u>so</u> <span style='color: #777777'>x</span>"
    )
    # Rich text knows no palette(): the words ahead take the theme's muted colour.
    assert f"color: {colours().muted}'>x<" in followed_html(words, 3, live=False)
    assert followed_html(words, 3, live=True).startswith("<b>I</b> <i>told</i> <s>you</s>")
    assert describe_differing(("-the", "drawer>door", "+now", "?keys")) == (
        "dropped “the”, “door” for “drawer”, added “now”, prompted “keys”"
    )


def test_changing_a_setting_mid_line_keeps_listening_to_the_same_turn(
    qtbot: QtBot, screen: RehearsalScreen, recorder: MemoryRecorder
) -> None:
    controller = _controller(screen, two_hander(), recorder)
    source = RecordingSource([], speed=4.0)
    follow = _follow(controller, source)
    turns: list[None] = []
    follow.turn_started.connect(lambda: turns.append(None))
    _choose_words(qtbot, screen, follow)
    screen.action_start.trigger()
    assert controller.engine.state is State.WAITING
    assert len(turns) == 1
    screen.response.setValue(1.2)  # the engine re-times the wait and says so again
    assert controller.engine.settings.response_seconds == pytest.approx(1.2)
    assert len(turns) == 1  # the words heard so far still count
    screen.action_pause.trigger()
    screen.action_pause.trigger()  # resumed: the line is listened to afresh
    assert len(turns) == 2
