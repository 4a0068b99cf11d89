"""Drills around the run: the adjustment drill, and what every drill shares.

A drill wraps a :class:`~rehearsal.engine.session.RehearsalEngine`: the UI sends it the same
events (it forwards them to the run while a take is on) plus its own (:class:`Proceed`,
:class:`Rate`, :class:`Finish`), and renders the same kind of commands. Between takes the
drill plays director: it draws a note, announces it (on screen and in the director's voice),
gives the actor a moment, runs the take, and asks for a self-rating. All timing comes from the
engine's injected clock and all chance from an injected ``random.Random``, so a test can
replay a drill exactly.
"""

from __future__ import annotations

import logging
import random

from rehearsal.engine.commands import (
    Command,
    DrillEnded,
    DrillPhase,
    NoteInjected,
    PhaseChanged,
    Problem,
    RatingRequested,
    SpeakNote,
    StopSpeech,
)
from rehearsal.engine.direction import (
    NoteEvent,
    NoteLike,
    NotePlacement,
    NotePlanner,
    NotePolicy,
    NoteSource,
    announce,
)
from rehearsal.engine.events import (
    ClearLoop,
    DrillEvent,
    Event,
    Finish,
    PartnerFinished,
    Proceed,
    Rate,
    SetLoop,
    Start,
    Stop,
    Tick,
)
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.timing import EndReason, Rating
from rehearsal.engine.waits import speaking_seconds

_log = logging.getLogger(__name__)


class Drill:
    """What drills share: forwarding to the run, note briefings and ratings.

    Subclasses decide what happens at the start and after each rating.
    """

    kind = "drill"

    def __init__(
        self,
        engine: RehearsalEngine,
        *,
        notes: NoteSource | None,
        policy: NotePolicy,
        rng: random.Random,
    ) -> None:
        if not engine.lines:
            raise ValueError("a drill needs a scene with at least one line to rehearse")
        self.engine = engine
        engine.drill = self.kind
        engine.clear_loop()  # in a drill every take is the whole scene
        self.planner = NotePlanner(policy, rng)
        self._notes = notes
        self._deck_problem = False
        self._phase = DrillPhase.READY
        self._takes = 0
        self._briefing: NoteEvent | None = None
        self._brief_utterance: int | None = None
        self._brief_deadline: float | None = None
        self._out: list[Command] = []

    @property
    def phase(self) -> DrillPhase:
        return self._phase

    @property
    def takes(self) -> int:
        """Takes started so far (a restarted take counts once)."""
        return self._takes

    @property
    def briefing(self) -> NoteEvent | None:
        """The note being announced before the next take, if any."""
        return self._briefing

    def start(self) -> list[Command]:
        return self.handle(Start())

    def proceed(self) -> list[Command]:
        """The actor is ready: cut the prep or the note briefing short."""
        return self.handle(Proceed())

    def rate(self, rating: Rating | None) -> list[Command]:
        """The self-rating of the last take; None skips rating it."""
        return self.handle(Rate(rating))

    def finish(self) -> list[Command]:
        """End the drill now, stopping a take in progress."""
        return self.handle(Finish())

    def tick(self) -> list[Command]:
        return self.handle(Tick())

    def handle(self, event: DrillEvent) -> list[Command]:
        """Apply one event: the drill's own, or a run event passed on during a take."""
        phase = self._phase
        match event:
            case Start() if phase is DrillPhase.READY:
                self._begin()
            case Finish() | Stop() if phase is not DrillPhase.DONE:
                self._forward(Stop())
                self._stop_briefing()
                self._end()
            case Proceed() if phase is DrillPhase.BRIEFING:
                self._stop_briefing()
                self._run_take()
            case Rate(rating=rating) if phase is DrillPhase.RATING:
                if rating is not None:
                    self._out.extend(self.engine.rate_take(rating))
                self._after_rating()
            case PartnerFinished(utterance=u) if phase is DrillPhase.BRIEFING:
                if self._brief_utterance is not None and u in (None, self._brief_utterance):
                    self._brief_utterance = None
                    self._brief_deadline = self.engine.now() + self._hold
            case Tick() if phase is DrillPhase.BRIEFING:
                due = self._brief_deadline
                if due is not None and self.engine.now() >= due:
                    self._briefing_over()
            case SetLoop() | ClearLoop():  # every take is the whole scene: only time moves
                self._other(Tick())
            case _:
                self._other(event)
        return self._drain()

    # -- for subclasses ----------------------------------------------------------------

    def _begin(self) -> None:
        raise NotImplementedError

    def _after_rating(self) -> None:
        raise NotImplementedError

    def _other(self, event: DrillEvent) -> None:
        """Events the shared code did not take: passed on to the run during a take.

        A drill-only event during a take still lets the run catch up on its deadlines.
        """
        if self._phase is DrillPhase.RUNNING:
            self._forward(Tick() if isinstance(event, Proceed | Rate | Finish) else event)

    def _before_take(self) -> None:
        """Called just before each take starts (the cold read starts its perform clock)."""

    # -- shared mechanics --------------------------------------------------------------

    @property
    def _hold(self) -> float:
        return self.engine.settings.note_hold_seconds

    def _emit(self, command: Command) -> None:
        self._out.append(command)

    def _drain(self) -> list[Command]:
        out, self._out = self._out, []
        return out

    def _set_phase(self, phase: DrillPhase) -> None:
        if phase is not self._phase:
            self._phase = phase
            self._emit(PhaseChanged(phase))

    def _forward(self, event: DrillEvent) -> None:
        """Pass a run event on and watch for the take ending.

        The run first catches up on its clock: if the take already ended on time, the
        actor's key press was meant for that take and must not start another one behind
        the drill's back. ``Start`` never reaches the run: the drill starts the takes.
        """
        if isinstance(event, Proceed | Rate | Finish | Start):
            event = Tick()
        if not isinstance(event, Tick | Stop):
            self._pass(Tick())
            if self._phase is not DrillPhase.RUNNING:
                return
        self._pass(event)

    def _pass(self, event: Event) -> None:
        for command in self.engine.handle(event):
            self._emit(command)
        self._sync()

    def _sync(self) -> None:
        """Notice a take that ended, also one ended by a call made straight to the engine."""
        if self._phase is not DrillPhase.RUNNING or self.engine.take_number is not None:
            return
        result = self.engine.last_result
        if result is not None and result.reason is EndReason.FINISHED:
            self._set_phase(DrillPhase.RATING)
            self._emit(RatingRequested(result.info.number))
        else:
            self._end()

    def _draw_note(self) -> NoteLike | None:
        """A note from the deck, or None: a deck with nothing to give (everything filtered
        out, a broken user file) is shown as a problem and the takes go on without notes."""
        if self._notes is None:
            return None
        try:
            return self._notes.draw()
        except Exception as exc:
            _log.warning("no director note could be drawn: %s", exc)
            if not self._deck_problem:
                self._deck_problem = True
                self._emit(Problem(f"No director note could be drawn: {exc}"))
            return None

    def _draw(self, placement: NotePlacement) -> NoteEvent | None:
        if not self.planner.between_takes:
            return None
        note = self._draw_note()
        if note is None:
            return None
        take = self.engine.next_take_number  # the drill's first take need not be take 1
        shown, spoken = announce(note, placement, take)
        return NoteEvent(note, placement, self.engine.now(), shown, spoken, take=take)

    def _brief(self, placement: NotePlacement) -> None:
        """Announce a new note for the next take, or go straight to it if there is none."""
        event = self._draw(placement)
        if event is None:
            self._run_take()
            return
        self._briefing = event
        self._set_phase(DrillPhase.BRIEFING)
        self._emit(NoteInjected(event))
        settings, now = self.engine.settings, self.engine.now()
        if settings.speech:
            self._brief_utterance = self.engine.next_utterance()
            self._brief_deadline = None
            self._emit(SpeakNote(self._brief_utterance, event.spoken))
        else:
            words = len(event.spoken.split())
            said = speaking_seconds(words, settings.partner_words_per_minute)
            self._brief_deadline = now + said + self._hold

    def _stop_briefing(self) -> None:
        if self._brief_utterance is not None:
            self._emit(StopSpeech(self._brief_utterance))
        self._brief_utterance = self._brief_deadline = None

    def _briefing_over(self) -> None:
        self._stop_briefing()
        self._run_take()

    def _run_take(self) -> None:
        """Start the next take with its briefing note and maybe a mid-scene one."""
        self._takes += 1
        self._set_phase(DrillPhase.RUNNING)
        last = len(self.engine.lines) - 1
        cue = self.planner.mid_scene_cue(self.engine.lines, 0, last)
        if cue is not None:
            note = self._draw_note()
            if note is not None:
                self.engine.schedule_note(cue, note)
        given = (self._briefing,) if self._briefing else ()
        self._briefing = None
        self._before_take()
        self._out.extend(self.engine.begin(0, notes=given))

    def _end(self) -> None:
        if self._phase is DrillPhase.DONE:
            return
        self._set_phase(DrillPhase.DONE)
        self._emit(DrillEnded(self._takes))


class AdjustmentDrill(Drill):
    """The same scene ``takes`` times, each take under a new note, each take self-rated.

    Take 1 gets its note before it starts ("Take 1 — …"); every later take gets one after the
    previous take and its rating ("Again, but …"), the callback routine. With the policy's
    mid-scene mode a take may also be interrupted by a note at a random partner cue.
    """

    kind = "adjustment"

    def __init__(
        self,
        engine: RehearsalEngine,
        *,
        notes: NoteSource | None,
        takes: int = 3,
        policy: NotePolicy | None = None,
        rng: random.Random,
    ) -> None:
        if not 1 <= takes <= 50:
            raise ValueError(f"an adjustment drill runs 1 to 50 takes, not {takes}")
        super().__init__(engine, notes=notes, policy=policy or NotePolicy(), rng=rng)
        self.total_takes = takes

    def _begin(self) -> None:
        self._brief(NotePlacement.BEFORE_TAKE)

    def _after_rating(self) -> None:
        if self._takes >= self.total_takes:
            self._end()
        else:
            self._brief(NotePlacement.AFTER_TAKE)
