"""The mechanics under :class:`~rehearsal.engine.session.RehearsalEngine`: steps, takes, time.

Each line runs as a short queue of steps: for a partner line an optional gap (response time),
then its spoken chunks and written beats; for the actor's own line a wait. A mid-scene note
goes in front. Steps that wait on time carry a deadline; :meth:`RunMachine._catch_up`
finishes every step whose deadline passed *at that deadline*, so a coarse or late UI timer
never skews the recorded timings.

Nothing here is public: the engine class adds the event methods the UI calls.
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rehearsal.engine.commands import (
    Command,
    Delay,
    DelayReason,
    LineDone,
    NoteInjected,
    Problem,
    PromptGiven,
    ShowLine,
    SpeakLine,
    SpeakNote,
    State,
    StateChanged,
    StopSpeech,
    TakeEnded,
    TakeStarted,
    Voice,
    WaitForActor,
)
from rehearsal.engine.direction import NoteEvent, NoteLike, NotePlacement, announce
from rehearsal.engine.events import LineHeard
from rehearsal.engine.lines import Beat, LineKind, RehearsalLine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import (
    EndReason,
    LineTiming,
    Outcome,
    TakeInfo,
    TakeRecorder,
    TakeResult,
)
from rehearsal.engine.waits import VoiceDetector, speaking_seconds, timed_wait_seconds

_log = logging.getLogger(__name__)
Clock = Callable[[], float]
_FINISHED = (Outcome.SPOKEN, Outcome.ACTOR, Outcome.TIMER, Outcome.VOICE, Outcome.HEARD)
MAX_LAG = 1.0
"""Seconds a timer tick may come late and still have steps finish at their own deadlines."""


def _note_call(take: int, event: NoteEvent) -> Callable[[TakeRecorder], None]:
    return lambda recorder: recorder.on_note(take, event)


@dataclass(frozen=True, slots=True)
class _Gap:
    seconds: float
    reason: DelayReason


@dataclass(frozen=True, slots=True)
class _Say:
    text: str
    director: bool = False


@dataclass(frozen=True, slots=True)
class _Note:
    note: NoteLike


@dataclass(frozen=True, slots=True)
class _Wait:
    pass


_Step = _Gap | _Say | _Note | _Wait


@dataclass
class _Take:
    info: TakeInfo
    given: tuple[NoteEvent, ...]
    notes: list[NoteEvent]
    timings: list[LineTiming] = field(default_factory=list)
    paused: float = 0.0
    problem_reported: bool = False


class RunMachine:
    """State and mechanics of a run; see :class:`~rehearsal.engine.session.RehearsalEngine`."""

    def __init__(
        self,
        lines: Sequence[RehearsalLine],
        settings: RehearsalSettings | None,
        clock: Clock,
        recorder: TakeRecorder | None,
        drill: str | None,
    ) -> None:
        self.lines: tuple[RehearsalLine, ...] = tuple(lines)
        self.recorder = recorder
        self.drill = drill
        self.last_result: TakeResult | None = None
        """The take that ended last: what a rating rates and where a restart starts."""
        self._settings = settings or RehearsalSettings()
        self._clock = clock
        self._now = float("-inf")
        self._state = State.IDLE
        self._index = 0
        self._steps: deque[_Step] = deque()
        self._step: _Step | None = None
        self._deadline: float | None = None
        self._utterance: int | None = None
        self._utterances = itertools.count(1)
        self._line_open = False
        self._line_start = self._line_paused = self._wait_paused = 0.0
        self._cue_end: float | None = None
        self._heard: LineHeard | None = None
        self._prompts = 0
        self._pause_start: float | None = None
        self._take: _Take | None = None
        self._take_count = 0
        self._loop: tuple[int, int] | None = None
        self._scheduled: dict[int, NoteLike] = {}
        self._voice = VoiceDetector(0.0, 1.0, 0.0)
        self._tune_voice()
        self._out: list[Command] = []

    def next_utterance(self) -> int:
        """A fresh utterance number, shared with drills so voice reports never collide."""
        return next(self._utterances)

    # -- plumbing ----------------------------------------------------------------------

    def _time(self) -> float:
        """The clock, never running backwards even if a test or a suspend says so."""
        self._now = max(self._now, float(self._clock()))
        return self._now

    def _emit(self, command: Command) -> None:
        self._out.append(command)

    def _drain(self) -> list[Command]:
        out, self._out = self._out, []
        return out

    def _set_state(self, state: State) -> None:
        if state is not self._state:
            self._state = state
            self._emit(StateChanged(state))

    def _running(self, state: State) -> bool:
        return self._state is state and self._pause_start is None

    def _state_is_wait(self) -> bool:
        """The actor's turn, paused or not."""
        return isinstance(self._step, _Wait)

    def _notify(self, call: Callable[[TakeRecorder], None]) -> None:
        """Tell the recorder; a storage failure is reported once a take, never stops it."""
        if self.recorder is None:
            return
        try:
            call(self.recorder)
        except Exception as exc:  # the history is worth less than the actor's flow
            _log.exception("the take recorder failed")
            if self._take is None or not self._take.problem_reported:
                self._emit(Problem(f"This take could not be saved to the history: {exc}"))
            if self._take is not None:
                self._take.problem_reported = True

    def _tune_voice(self) -> None:
        s = self._settings
        self._voice.threshold = s.voice_threshold
        self._voice.tail = s.voice_tail_seconds
        self._voice.min_speech = s.voice_min_speech_seconds

    # -- takes -------------------------------------------------------------------------

    def _begin_take(self, index: int, now: float, given: tuple[NoteEvent, ...]) -> None:
        self._take_count += 1
        loop = self._loop
        end = loop[1] if loop and loop[0] <= index <= loop[1] else len(self.lines) - 1
        info = TakeInfo(self._take_count, now, index, end, self.drill)
        self._take = _Take(info, given, list(given))
        self._emit(TakeStarted(info))
        self._notify(lambda r: r.on_take_started(info))
        for event in given:
            self._notify(_note_call(info.number, event))
        self._enter(index, now, None)

    def _end_take(self, reason: EndReason, now: float, state: State) -> None:
        take = self._take
        if take is None:
            return
        self._settle_pause(now)
        self._stop_speech()
        self._take, self._pause_start, self._step, self._deadline = None, None, None, None
        self._steps.clear()
        self._scheduled.clear()
        timings, notes = tuple(take.timings), tuple(take.notes)
        result = TakeResult(take.info, now, reason, timings, take.paused, notes)
        self.last_result = result
        self._set_state(state)
        self._emit(TakeEnded(result))
        self._notify(lambda r: r.on_take_ended(result))

    # -- lines and steps ---------------------------------------------------------------

    def _enter(self, index: int, at: float, gap: _Gap | None) -> None:
        """Make ``index`` current and queue its steps; :meth:`_pump` runs them."""
        self._stop_speech()
        self._index, self._line_start, self._cue_end = index, at, None
        self._heard, self._prompts = None, 0
        self._line_paused = self._wait_paused = 0.0
        self._line_open, self._step, self._deadline = True, None, None
        line = self.lines[index]
        self._emit(ShowLine(index, line))
        steps: list[_Step] = []
        note = self._scheduled.pop(index, None)
        if note is not None:
            steps += [_Note(note), _Gap(self._settings.note_hold_seconds, DelayReason.NOTE)]
        if gap is not None and (gap.reason is DelayReason.LOOP or not line.own):
            steps.append(gap)
        if line.own:
            steps.append(_Wait())
        else:
            for chunk in line.chunks:
                if isinstance(chunk, Beat):
                    steps.append(_Gap(self._settings.beat_duration(chunk), DelayReason.BEAT))
                else:
                    steps.append(_Say(chunk.text))
        self._steps = deque(steps)

    def _pump(self, at: float) -> None:
        """Start queued steps until one has to wait; a line with none left is done."""
        while self._take is not None and self._pause_start is None and self._step is None:
            if self._steps:
                self._start_step(self._steps.popleft(), at)
            else:
                self._line_finished(Outcome.SPOKEN, at, at)

    def _start_step(self, step: _Step, at: float) -> None:
        self._step = step
        match step:
            case _Gap(seconds=seconds, reason=reason):
                if seconds <= 0:
                    self._step = None
                    return
                self._deadline = at + seconds
                self._set_state(State.DELAY)
                self._emit(Delay(self._index, seconds, reason, self._deadline))
            case _Say(text=text, director=director):
                line = self.lines[self._index]
                self._utterance = self.next_utterance()
                self._set_state(State.SPEAKING)
                if director:
                    self._emit(SpeakNote(self._utterance, text))
                else:
                    action = line.kind is LineKind.ACTION
                    voice = Voice.NARRATOR if action else Voice.CHARACTER
                    self._emit(SpeakLine(self._index, self._utterance, text, line.speaker, voice))
                if not self._settings.speech:  # text only: the engine paces the partner
                    wpm = self._settings.partner_words_per_minute
                    self._deadline = at + speaking_seconds(len(text.split()), wpm)
            case _Note(note=note):
                assert self._take is not None
                number = self._take.info.number
                shown, spoken = announce(note, NotePlacement.MID_SCENE)
                event = NoteEvent(note, NotePlacement.MID_SCENE, at, shown, spoken, self._index)
                self._take.notes.append(event)
                self._emit(NoteInjected(event))
                self._notify(lambda r: r.on_note(number, event))
                self._step = None
                self._steps.appendleft(_Say(spoken, director=True))
            case _Wait():
                self._cue_end, self._wait_paused = at, 0.0
                self._voice.reset()
                self._deadline = self._wait_deadline(at)
                self._set_state(State.WAITING)
                self._emit(WaitForActor(self._index, self._settings.wait_mode, self._deadline))

    def _wait_deadline(self, since: float) -> float | None:
        mode = self._settings.wait_mode
        if mode is WaitMode.TIMED:
            return since + timed_wait_seconds(self.lines[self._index], self._settings)
        return self._voice.deadline if mode is WaitMode.VOICE else None

    def _catch_up(self, now: float) -> None:
        """Finish every step whose deadline passed, each at its own deadline.

        A deadline missed by more than :data:`MAX_LAG` (the machine slept, the UI hung) is
        taken as reached *now*: the run carries on from there instead of fast-forwarding
        through everything that would have happened meanwhile.
        """
        while self._pause_start is None and self._deadline is not None:
            at = self._deadline
            if at > now:
                return
            if now - at > MAX_LAG:
                at = now
            self._deadline = None
            if isinstance(self._step, _Wait):
                timed = self._settings.wait_mode is WaitMode.TIMED
                last_loud = self._voice.last_loud
                done = at if timed or last_loud is None else last_loud
                self._line_finished(Outcome.TIMER if timed else Outcome.VOICE, at, done)
            else:
                self._step, self._utterance = None, None
            self._pump(at)

    def _line_finished(self, outcome: Outcome, at: float, done: float) -> None:
        """The line ended normally; a voice-mode silence tail counts towards the response gap."""
        self._record(outcome, at, done)
        self._advance(at, gap=True, credit=at - done)

    def _record(self, outcome: Outcome, at: float, done: float | None = None) -> None:
        take = self._take
        if take is None or not self._line_open:
            return
        self._settle_pause(at)
        self._line_open = False
        line, t0 = self.lines[self._index], take.info.started_at
        cue = self._cue_end if line.own else (at if outcome is Outcome.SPOKEN else None)
        done = done if outcome in _FINISHED else None
        response = None
        if line.own and cue is not None and done is not None:
            response = max(0.0, done - cue - self._wait_paused)
        heard = line.own and cue is not None and self._voice.confirmed
        onset = self._voice.onset if heard else None
        listened = self._heard if line.own else None
        pickup = None
        if listened is not None and listened.pickup is not None:
            pickup = max(0.0, listened.pickup)
        elif onset is not None and cue is not None:
            pickup = max(0.0, onset - cue - self._wait_paused)
        timing = LineTiming(
            index=self._index,
            line_id=line.id,
            own=line.own,
            outcome=outcome,
            started_s=self._line_start - t0,
            cue_end_s=None if cue is None else cue - t0,
            done_s=None if done is None else done - t0,
            response_s=response,
            onset_s=None if onset is None else onset - t0,
            paused_s=self._line_paused,
            pickup_s=pickup,
            accuracy=None if listened is None else listened.accuracy,
            differing=() if listened is None else listened.differing,
            complete=None if listened is None else listened.complete,
            prompts=self._prompts if line.own else 0,
        )
        take.timings.append(timing)
        self._emit(LineDone(timing))
        self._notify(lambda r: r.on_line_done(take.info.number, timing))

    def _advance(self, at: float, *, gap: bool, credit: float = 0.0) -> None:
        """Go on from the current line: the next one, the loop start, or the take's end."""
        take = self._take
        if take is None:
            return
        if self._loop is not None and self._index == self._loop[1]:
            self._end_take(EndReason.LOOPED, at, self._state)
            self._begin_take(self._loop[0], at, take.given)
            self._steps.appendleft(_Gap(self._settings.loop_gap_seconds, DelayReason.LOOP))
        elif self._index + 1 >= len(self.lines):
            self._end_take(EndReason.FINISHED, at, State.FINISHED)
        else:
            seconds = max(0.0, self._settings.response_seconds - credit) if gap else 0.0
            self._enter(self._index + 1, at, _Gap(seconds, DelayReason.RESPONSE))

    def _line_heard(self, event: LineHeard, now: float) -> None:
        """The listener heard the line end: the response gap starts *now*, in full.

        Unlike the voice mode's silence tail, the short pause the listener waited after the
        last word is not credited against the gap: the actor sets the gap for how long the
        partner leaves after they finished, and the detected end is that moment.
        """
        when = now if event.at is None else min(now, max(event.at, self._cue_end or event.at))
        self._heard = event
        self._record(Outcome.ACTOR if event.by_key else Outcome.HEARD, when, when)
        self._advance(when, gap=True)
        self._pump(when)  # the gap runs from the line's end, even when reported late

    def _prompt(self) -> None:
        """ "Line?" while the actor's turn waits: counted, and the UI reveals more words."""
        self._prompts += 1
        self._emit(PromptGiven(self._index, self._prompts, self._settings.prompt_words))

    def _leave(self, outcome: Outcome, now: float) -> None:
        self._stop_speech()
        self._record(outcome, now)

    def _move(self, index: int, now: float) -> None:
        """Back and jump: leave this line unfinished and run ``index`` from its start."""
        self._leave(Outcome.LEFT, now)
        self._enter(index, now, None)

    def _stop_speech(self) -> None:
        if self._utterance is not None:
            self._emit(StopSpeech(self._utterance))
            self._utterance = None

    # -- pausing -----------------------------------------------------------------------

    def _pause(self, now: float) -> None:
        if self._utterance is not None and self._step is not None:
            # A cut-off speech is said again from its start on resume.
            self._stop_speech()
            self._steps.appendleft(self._step)
            self._step, self._deadline = None, None
        self._pause_start = now
        self._set_state(State.PAUSED)

    def _settle_pause(self, now: float) -> None:
        """Book the pause so far to the take, the line and the actor's wait, and push the
        pending deadline (and what the microphone heard) on by it, so silence during a pause
        never ends a turn and a timed wait keeps the time it had left."""
        if self._pause_start is None or self._take is None:
            return
        held = max(0.0, now - self._pause_start)
        self._take.paused += held
        self._line_paused += held
        if isinstance(self._step, _Wait):
            self._wait_paused += held
            self._voice.shift(held)
        if self._deadline is not None:
            self._deadline += held
        self._pause_start = now

    def _resume(self, now: float) -> None:
        if self._pause_start is None:
            return
        self._settle_pause(now)
        self._pause_start = None
        step = self._step
        if isinstance(step, _Wait):
            self._state = State.WAITING
            self._emit(StateChanged(State.WAITING))
            self._emit(WaitForActor(self._index, self._settings.wait_mode, self._deadline))
        elif isinstance(step, _Gap) and self._deadline is not None:
            self._state = State.DELAY
            self._emit(StateChanged(State.DELAY))
            left = self._deadline - now
            self._emit(Delay(self._index, left, step.reason, self._deadline))
