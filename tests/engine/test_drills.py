"""The adjustment drill: takes under new notes, ratings, and the director's interruptions."""

from __future__ import annotations

import random

import pytest

from rehearsal.engine.commands import (
    Command,
    DrillEnded,
    DrillPhase,
    NoteInjected,
    PhaseChanged,
    Problem,
    RatingRequested,
    ShowLine,
    SpeakLine,
    SpeakNote,
    State,
    StopSpeech,
    TakeRated,
    TakeStarted,
)
from rehearsal.engine.direction import InjectionMode, NotePlacement, NotePolicy
from rehearsal.engine.drills import AdjustmentDrill, Drill
from rehearsal.engine.events import ActorDone, PartnerFinished, SetLoop
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.timing import EndReason, MemoryRecorder, Rating
from tests.conftest import FakeClock
from tests.engine.builders import Deck, Note, deck, first, names, of_type, phase, take_results
from tests.engine.conftest import MakeEngine


def play_take(drill: Drill, clock: FakeClock) -> list[Command]:
    """Play a take through the drill as the UI would, until the drill leaves RUNNING."""
    seen: list[Command] = []
    engine = drill.engine
    for _ in range(10_000):
        if drill.phase is not DrillPhase.RUNNING:
            return seen
        if engine.next_deadline is not None:
            clock.now = max(clock.now, engine.next_deadline)
            seen += drill.tick()
        elif engine.state is State.SPEAKING:
            clock.advance(0.5)
            seen += drill.handle(PartnerFinished())
        else:
            clock.advance(1.0)
            seen += drill.handle(ActorDone())
    raise AssertionError("the take did not end")


def brief(drill: Drill, clock: FakeClock, out: list[Command]) -> list[Command]:
    """Let the director finish the note and the hold run out."""
    said = first(out, SpeakNote)
    seen = drill.handle(PartnerFinished(said.utterance))
    clock.advance(drill.engine.settings.note_hold_seconds)
    return seen + drill.tick()


def test_three_takes_each_under_a_new_note_each_rated(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    notes = deck()
    drill = AdjustmentDrill(make_engine(), notes=notes, takes=3, rng=random.Random(1))
    out = drill.start()
    assert names(out) == ["PhaseChanged", "NoteInjected", "SpeakNote"]
    before = first(out, NoteInjected).event
    assert (before.placement, before.shown, before.take) == (
        NotePlacement.BEFORE_TAKE,
        "Note number 0.",
        1,
    )
    assert before.headline == "Take 1 — Note number 0."
    assert first(out, SpeakNote).text == "Take 1. Note number 0."
    assert phase(drill) is DrillPhase.BRIEFING
    assert drill.briefing == before
    assert drill.tick() == []  # the director has not finished speaking
    out = brief(drill, clock, out)
    assert first(out, TakeStarted).info.drill == "adjustment"
    assert phase(drill) is DrillPhase.RUNNING
    for take in (1, 2, 3):
        out = play_take(drill, clock)
        assert take_results(out)[0].reason is EndReason.FINISHED
        assert first(out, RatingRequested).take == take
        assert phase(drill) is DrillPhase.RATING
        out = drill.rate(Rating(take + 1, f"take {take}"))
        assert first(out, TakeRated).rating.score == take + 1
        if take < 3:
            again = first(out, NoteInjected).event
            assert again.placement is NotePlacement.AFTER_TAKE
            assert again.shown == f"Again, but note number {take}."
            out = brief(drill, clock, out)
            assert first(out, TakeStarted).info.number == take + 1
    assert first(out, DrillEnded).takes == 3
    assert phase(drill) is DrillPhase.DONE
    assert [(t, n.placement) for t, n in recorder.notes] == [
        (1, NotePlacement.BEFORE_TAKE),
        (2, NotePlacement.AFTER_TAKE),
        (3, NotePlacement.AFTER_TAKE),
    ]
    assert [(t, r.score, [n.note.text for n in ns]) for t, r, ns in recorder.ratings] == [
        (1, 2, ["Note number 0."]),
        (2, 3, ["Note number 1."]),
        (3, 4, ["Note number 2."]),
    ]
    assert len(notes.drawn) == 3
    assert drill.start() == []  # a finished drill does not start again


def test_never_policy_runs_plain_takes(make_engine: MakeEngine, clock: FakeClock) -> None:
    notes = deck()
    policy = NotePolicy(InjectionMode.NEVER)
    drill = AdjustmentDrill(make_engine(), notes=notes, takes=2, policy=policy, rng=random.Random())
    out = drill.start()
    assert first(out, TakeStarted)
    assert not of_type(out, NoteInjected)
    play_take(drill, clock)
    out = drill.rate(None)  # skipping the rating records nothing
    assert not of_type(out, TakeRated)
    assert first(out, TakeStarted).info.number == 2
    play_take(drill, clock)
    assert first(drill.rate(Rating(5)), DrillEnded).takes == 2
    assert notes.drawn == []


def test_an_exhausted_deck_means_no_note_not_a_stuck_drill(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    drill = AdjustmentDrill(make_engine(), notes=Deck(), takes=1, rng=random.Random())
    assert first(drill.start(), TakeStarted)


def test_proceed_cuts_the_briefing_short(make_engine: MakeEngine) -> None:
    drill = AdjustmentDrill(make_engine(), notes=deck(), rng=random.Random())
    said = first(drill.start(), SpeakNote)
    out = drill.proceed()
    assert first(out, StopSpeech).utterance == said.utterance
    assert first(out, TakeStarted)
    assert phase(drill) is DrillPhase.RUNNING


def test_text_only_briefing_is_timed(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine(speech=False, note_hold_seconds=2.0, partner_words_per_minute=60)
    drill = AdjustmentDrill(engine, notes=Deck(Note("Angrier.", "emotion")), rng=random.Random())
    out = drill.start()
    assert not of_type(out, SpeakNote)
    clock.advance(4.9)  # "Take 1. Angrier." is three words: 3 s at 60 wpm, then the hold
    assert drill.tick() == []
    clock.advance(0.1)
    assert first(drill.tick(), TakeStarted)


def test_mid_scene_note_lands_on_a_partner_cue(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    policy = NotePolicy(InjectionMode.MID_SCENE, mid_scene_probability=1.0)
    drill = AdjustmentDrill(
        make_engine(), notes=deck(), takes=1, policy=policy, rng=random.Random(7)
    )
    out = brief(drill, clock, drill.start())
    out += play_take(drill, clock)
    injected = [c.event for c in of_type(out, NoteInjected)]
    assert len(injected) == 1
    assert injected[0].placement is NotePlacement.MID_SCENE
    cue = injected[0].index
    assert cue is not None
    assert cue > 0
    assert not drill.engine.lines[cue].own
    # The note comes after the cue line is shown and before the partner says it.
    order = [
        (type(c).__name__, getattr(c, "index", None))
        for c in out
        if isinstance(c, ShowLine | NoteInjected | SpeakLine)
    ]
    at = order.index(("NoteInjected", None))
    assert order[at - 1] == ("ShowLine", cue)
    assert order[at + 1] == ("SpeakLine", cue)
    assert [n.placement for _, n in recorder.notes] == [
        NotePlacement.BEFORE_TAKE,
        NotePlacement.MID_SCENE,
    ]


def mid_scene_cues(make_engine: MakeEngine, clock: FakeClock, seed: int, p: float) -> list[int]:
    policy = NotePolicy(InjectionMode.MID_SCENE, mid_scene_probability=p)
    drill = AdjustmentDrill(
        make_engine(), notes=deck(40), takes=6, policy=policy, rng=random.Random(seed)
    )
    drill.start()
    drill.proceed()
    cues: list[int] = []
    while drill.phase is not DrillPhase.DONE:
        out = play_take(drill, clock)
        cues += [c.event.index for c in of_type(out, NoteInjected) if c.event.index is not None]
        drill.rate(Rating(3))
        if phase(drill) is DrillPhase.BRIEFING:
            drill.proceed()
    return cues


def test_mid_scene_notes_follow_the_seeded_probability(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    assert mid_scene_cues(make_engine, clock, 3, 0.0) == []
    every = mid_scene_cues(make_engine, clock, 3, 1.0)
    assert len(every) == 6
    assert every == mid_scene_cues(make_engine, clock, 3, 1.0)  # same seed, same cues
    assert set(every) <= {1, 3, 5}  # JOHN's lines after the first
    some = [len(mid_scene_cues(make_engine, clock, seed, 0.5)) for seed in range(8)]
    assert min(some) < 6
    assert max(some) > 0


def test_finish_mid_take_stops_it_and_ends_the_drill(
    make_engine: MakeEngine, recorder: MemoryRecorder
) -> None:
    drill = AdjustmentDrill(make_engine(), notes=None, rng=random.Random())
    drill.start()
    out = drill.finish()
    assert take_results(out)[0].reason is EndReason.STOPPED
    assert names(out)[-2:] == ["PhaseChanged", "DrillEnded"]
    assert drill.finish() == []
    assert phase(drill) is DrillPhase.DONE


def test_a_second_drill_numbers_its_note_as_the_take_it_belongs_to(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    """A drill after another in the same session: the director's "Take N", the rating and
    the stored take all say the same number (the session's, as the history shows it)."""
    engine = make_engine()
    earlier = AdjustmentDrill(engine, notes=None, takes=1, rng=random.Random())
    earlier.start()
    play_take(earlier, clock)
    earlier.rate(Rating(3, ""))
    assert phase(earlier) is DrillPhase.DONE

    drill = AdjustmentDrill(engine, notes=deck(), takes=1, rng=random.Random(1))
    out = drill.start()
    before = first(out, NoteInjected).event
    assert before.headline == "Take 2 — Note number 0."
    assert first(out, SpeakNote).text == "Take 2. Note number 0."
    out = brief(drill, clock, out)
    assert first(out, TakeStarted).info.number == 2
    out = play_take(drill, clock)
    assert first(out, RatingRequested).take == 2
    assert [(t, n.note.text) for t, n in recorder.notes] == [(2, "Note number 0.")]


def test_restart_in_a_drill_keeps_the_note_and_the_take_count(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    drill = AdjustmentDrill(make_engine(), notes=deck(), takes=2, rng=random.Random())
    brief(drill, clock, drill.start())
    drill.handle(ActorDone())
    out = drill.engine.restart()
    assert take_results(out)[0].reason is EndReason.RESTARTED
    assert phase(drill) is DrillPhase.RUNNING
    assert drill.takes == 1
    assert [(t, n.note.text) for t, n in recorder.notes] == [
        (1, "Note number 0."),
        (2, "Note number 0."),
    ]


def test_loops_are_refused_in_a_drill(make_engine: MakeEngine) -> None:
    engine = make_engine()
    engine.set_loop(2, 3)
    drill = AdjustmentDrill(engine, notes=None, rng=random.Random())
    assert engine.loop is None
    drill.start()
    assert drill.handle(SetLoop(0, 1)) == []
    assert engine.loop is None


def test_events_out_of_phase_are_ignored(make_engine: MakeEngine) -> None:
    drill = AdjustmentDrill(make_engine(), notes=None, rng=random.Random())
    assert drill.rate(Rating(3)) == []
    assert drill.proceed() == []
    assert drill.tick() == []
    assert drill.handle(ActorDone()) == []
    assert phase(drill) is DrillPhase.READY


def test_drill_arguments_are_checked(clock: FakeClock, make_engine: MakeEngine) -> None:
    with pytest.raises(ValueError, match="at least one line"):
        AdjustmentDrill(RehearsalEngine([], clock=clock), notes=None, rng=random.Random())
    with pytest.raises(ValueError, match="1 to 50 takes"):
        AdjustmentDrill(make_engine(), notes=None, takes=0, rng=random.Random())


def test_phase_changes_are_reported(make_engine: MakeEngine, clock: FakeClock) -> None:
    drill = AdjustmentDrill(make_engine(), notes=deck(), takes=1, rng=random.Random())
    seen = drill.start()
    seen += brief(drill, clock, seen)
    seen += play_take(drill, clock)
    seen += drill.rate(Rating(2))
    assert [c.phase for c in of_type(seen, PhaseChanged)] == [
        DrillPhase.BRIEFING,
        DrillPhase.RUNNING,
        DrillPhase.RATING,
        DrillPhase.DONE,
    ]


def test_a_drill_with_the_bundled_deck(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    from rehearsal.notes import Note as DeckNote
    from rehearsal.notes import NoteDrawer, load_bundled_deck

    bundled = load_bundled_deck()
    drawer = NoteDrawer(bundled, random.Random(11))
    policy = NotePolicy(InjectionMode.MID_SCENE, mid_scene_probability=1.0)
    drill = AdjustmentDrill(
        make_engine(), notes=drawer, takes=3, policy=policy, rng=random.Random(11)
    )
    out = drill.start()
    while phase(drill) is not DrillPhase.DONE:
        if phase(drill) is DrillPhase.BRIEFING:
            out = brief(drill, clock, out)
        out = play_take(drill, clock)
        out = drill.rate(Rating(3))
    given = [e.note for _, e in recorder.notes if isinstance(e.note, DeckNote)]
    assert len(given) == len(recorder.notes) == 6  # one between takes, one mid-scene, per take
    assert len({note.id for note in given}) == 6  # no repeats before the deck runs out
    assert all(note in bundled for note in given)
    assert recorder.notes[0][1].spoken.startswith("Take 1. ")


def test_a_deck_that_cannot_give_a_note_is_reported_and_the_drill_goes_on(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    from rehearsal.notes import DrawFilter, NoteDrawer

    empty = NoteDrawer([], random.Random(), selection=DrawFilter())
    drill = AdjustmentDrill(make_engine(), notes=empty, takes=2, rng=random.Random())
    out = drill.start()
    problems = of_type(out, Problem)
    assert len(problems) == 1
    assert "no notes to draw" in problems[0].message
    assert first(out, TakeStarted)
    play_take(drill, clock)
    assert not of_type(drill.rate(Rating(2)), Problem)  # said once, not every take


def test_a_take_ended_straight_on_the_engine_is_noticed_at_the_next_tick(
    make_engine: MakeEngine,
) -> None:
    drill = AdjustmentDrill(make_engine(), notes=None, takes=2, rng=random.Random())
    drill.start()
    drill.engine.jump_to(6)
    drill.engine.actor_done()  # the last line, sent past the drill
    assert phase(drill) is DrillPhase.RUNNING
    assert first(drill.tick(), RatingRequested).take == 1
    drill.rate(Rating(3))
    drill.engine.stop()
    assert first(drill.tick(), DrillEnded).takes == 2
