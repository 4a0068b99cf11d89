"""The rehearsal run: a state machine over a role's lines, driven by events and a clock.

Every event method returns the commands to carry out (see :mod:`rehearsal.engine.commands`)
and nothing else happens behind the caller's back: no threads, no sleeping, no Qt. Time only
moves when the injected clock says so, which is why a 2 000-line scene can be rehearsed in a
test in milliseconds. The UI calls the event methods on user input and :meth:`tick` from a
timer, speaks what :class:`SpeakLine` says and reports :meth:`partner_finished`.

Out-of-range indexes and events that make no sense in the current state are ignored rather
than raised: the UI forwards whatever the actor pressed, and a stray key must not end a take.
"""

from __future__ import annotations

from collections.abc import Sequence

from rehearsal.engine.commands import Command, LoopChanged, State, TakeRated, WaitForActor
from rehearsal.engine.direction import NoteEvent, NoteLike
from rehearsal.engine.events import (
    ActorDone,
    Back,
    ClearLoop,
    Event,
    JumpTo,
    LineHeard,
    PartnerFinished,
    Pause,
    Prompt,
    Restart,
    Resume,
    SetLoop,
    Skip,
    Start,
    Stop,
    Tick,
    VoiceLevel,
)
from rehearsal.engine.lines import RehearsalLine
from rehearsal.engine.machine import Clock, RunMachine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import EndReason, LineTiming, Outcome, Rating, TakeRecorder


class RehearsalEngine(RunMachine):
    """One actor rehearsing a run of lines; every take is reported to ``recorder``.

    ``clock`` is a monotonic clock in seconds (``time.monotonic`` in the app, a fake in
    tests); ``drill`` labels the takes for the history ("adjustment", "cold_read").
    """

    def __init__(
        self,
        lines: Sequence[RehearsalLine],
        settings: RehearsalSettings | None = None,
        *,
        clock: Clock,
        recorder: TakeRecorder | None = None,
        drill: str | None = None,
    ) -> None:
        super().__init__(lines, settings, clock, recorder, drill)

    # -- what the UI reads -------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def index(self) -> int:
        """The current line, or where the last take ended; valid whenever there are lines."""
        return self._index

    @property
    def line(self) -> RehearsalLine | None:
        return self.lines[self._index] if self.lines else None

    @property
    def paused(self) -> bool:
        return self._pause_start is not None

    @property
    def settings(self) -> RehearsalSettings:
        return self._settings

    @property
    def loop(self) -> tuple[int, int] | None:
        """The looped section, first and last line index inclusive."""
        return self._loop

    @property
    def take_number(self) -> int | None:
        """The running take's number; None between takes."""
        return self._take.info.number if self._take else None

    @property
    def next_take_number(self) -> int:
        """The number the next take will get: takes are numbered through the session,
        across drills, as the history stores them."""
        return self._take_count + 1

    @property
    def timings(self) -> tuple[LineTiming, ...]:
        """Line timings of the running take so far."""
        return tuple(self._take.timings) if self._take else ()

    @property
    def next_deadline(self) -> float | None:
        """When :meth:`tick` will next change something, for a UI that times a single shot."""
        return None if self._pause_start is not None else self._deadline

    def now(self) -> float:
        """The engine's clock, for drills and countdowns that must agree with the run."""
        return self._time()

    def take_elapsed(self) -> float:
        """Seconds into the running take with pauses left out: the perform clock."""
        if self._take is None:
            return 0.0
        now = self._time()
        held = now - self._pause_start if self._pause_start is not None else 0.0
        return now - self._take.info.started_at - self._take.paused - held

    # -- events ------------------------------------------------------------------------

    def start(self, at: int | None = None) -> list[Command]:
        """Begin a take at ``at`` (default: loop start or first line); ignored while running."""
        return self.handle(Start(at))

    def actor_done(self) -> list[Command]:
        """The actor finished their line; works in every wait mode as a manual override."""
        return self.handle(ActorDone())

    def skip(self) -> list[Command]:
        """Leave the current line (recorded as skipped) and go straight on, no gap."""
        return self.handle(Skip())

    def back(self) -> list[Command]:
        """Run again from the previous line, so the actor hears their cue once more."""
        return self.handle(Back())

    def pause(self) -> list[Command]:
        """Hold the run; paused time is left out of every timing."""
        return self.handle(Pause())

    def resume(self) -> list[Command]:
        """Carry on; a partner line that was cut off is said again from its start."""
        return self.handle(Resume())

    def toggle_pause(self) -> list[Command]:
        """The play/pause button."""
        return self.resume() if self.paused else self.pause()

    def stop(self) -> list[Command]:
        """End the take here (recorded as stopped)."""
        return self.handle(Stop())

    def restart(self) -> list[Command]:
        """A new take from the loop start or the last take's first line."""
        return self.handle(Restart())

    def jump_to(self, index: int) -> list[Command]:
        """Run from line ``index``; between takes this starts a take there.

        While paused, the run moves and stays paused until :meth:`resume`.
        """
        return self.handle(JumpTo(index))

    def set_loop(self, start: int, end: int) -> list[Command]:
        """Loop lines ``start..end``; a run outside the section jumps to its start."""
        return self.handle(SetLoop(start, end))

    def clear_loop(self) -> list[Command]:
        return self.handle(ClearLoop())

    def partner_finished(self, utterance: int | None = None) -> list[Command]:
        """The voice finished ``utterance``; reports for cut-off utterances are ignored."""
        return self.handle(PartnerFinished(utterance))

    def voice_level(self, level: float) -> list[Command]:
        """A microphone level (0..1) for the voice wait mode; ignored in other modes."""
        return self.handle(VoiceLevel(level))

    def line_heard(self, event: LineHeard) -> list[Command]:
        """Follow my words: the listener heard the actor's line end; ignored in other modes."""
        return self.handle(event)

    def ask_prompt(self) -> list[Command]:
        """ "Line?": count a prompt on the actor's line and have the UI reveal more of it."""
        return self.handle(Prompt())

    def tick(self) -> list[Command]:
        """Time passed: finish whatever was due (send every 20-100 ms from a timer)."""
        return self.handle(Tick())

    def handle(self, event: Event) -> list[Command]:
        """Apply one event; deadlines that passed before it are honoured first."""
        now = self._time()
        self._catch_up(now)
        match event:
            case Start(at=at):
                self._start(at, now, ())
            case ActorDone() if self._running(State.WAITING):
                self._line_finished(Outcome.ACTOR, now, now)
            case Skip() if self._take:
                self._leave(Outcome.SKIPPED, now)
                self._advance(now, gap=False)
            case Back() if self._take:
                self._move(max(self._index - 1, 0), now)
            case JumpTo(index=index) if self._take and 0 <= index < len(self.lines):
                self._move(index, now)
            case JumpTo(index=index):
                self._start(index, now, ())
            case Pause() if self._take and self._pause_start is None:
                self._pause(now)
            case Resume():
                self._resume(now)
            case Stop() if self._take:
                self._leave(Outcome.LEFT, now)
                self._end_take(EndReason.STOPPED, now, State.IDLE)
            case Restart():
                self._restart(now)
            case SetLoop(start=a, end=b):
                self._set_loop(min(a, b), max(a, b), now)
            case ClearLoop() if self._loop is not None:
                self._loop = None
                self._emit(LoopChanged(None))
            case PartnerFinished(utterance=u) if self._running(State.SPEAKING):
                if u is None or u == self._utterance:
                    self._step, self._utterance, self._deadline = None, None, None
            case VoiceLevel(level=level) if self._running(State.WAITING):
                if self._settings.wait_mode is WaitMode.VOICE:
                    self._voice.feed(level, now)
                    self._deadline = self._voice.deadline
            case LineHeard() if self._running(State.WAITING):
                if self._settings.wait_mode is WaitMode.WORDS:
                    self._line_heard(event, now)
            case Prompt() if self._running(State.WAITING):
                self._prompt()
            case Tick():
                pass
        self._pump(now)
        self._catch_up(now)
        return self._drain()

    # -- for drills and settings -------------------------------------------------------

    def begin(self, at: int | None = None, *, notes: Sequence[NoteEvent] = ()) -> list[Command]:
        """:meth:`start` with the notes already given for this take (drills)."""
        now = self._time()
        self._catch_up(now)
        self._start(at, now, tuple(notes))
        self._pump(now)
        return self._drain()

    def schedule_note(self, index: int, note: NoteLike) -> None:
        """Have the director interrupt before line ``index`` in the next or running take."""
        if 0 <= index < len(self.lines):
            self._scheduled[index] = note

    def set_settings(self, settings: RehearsalSettings) -> list[Command]:
        """Apply new settings at once; a wait in progress is re-timed under the new mode."""
        self._settings = settings
        self._tune_voice()
        now = self._time()
        if self._take is not None and self._cue_end is not None and self._state_is_wait():
            self._settle_pause(now)
            self._deadline = self._wait_deadline(self._cue_end + self._wait_paused)
            if self._pause_start is None:
                self._emit(WaitForActor(self._index, settings.wait_mode, self._deadline))
        self._catch_up(now)
        return self._drain()

    def rate_take(self, rating: Rating) -> list[Command]:
        """Log the actor's rating of the last take, with the notes that take answered."""
        result = self.last_result
        if result is None:
            return []
        take = result.info.number
        self._notify(lambda r: r.on_rating(take, rating, result.notes))
        self._emit(TakeRated(take, rating))
        return self._drain()

    # -- transitions that need more than one step --------------------------------------

    def _start(self, at: int | None, now: float, notes: tuple[NoteEvent, ...]) -> None:
        index = (self._loop[0] if self._loop else 0) if at is None else at
        if self._take is None and 0 <= index < len(self.lines):
            self._begin_take(index, now, notes)

    def _restart(self, now: float) -> None:
        take, last = self._take, self.last_result
        if take is not None:
            given, start = take.given, take.info.start_index
        elif last is not None:
            given, start = (), last.info.start_index
        else:
            given, start = (), 0
        if self._loop is not None:
            start = self._loop[0]
        if take is not None:
            self._leave(Outcome.LEFT, now)
            self._end_take(EndReason.RESTARTED, now, State.IDLE)
        self._start(start, now, given)

    def _set_loop(self, start: int, end: int, now: float) -> None:
        if start < 0 or end >= len(self.lines) or self._loop == (start, end):
            return
        self._loop = (start, end)
        self._emit(LoopChanged(self._loop))
        if self._take is not None and not start <= self._index <= end:
            self._move(start, now)
