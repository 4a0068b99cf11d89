"""The engine's takes as they land in the database, through the background writer."""

from __future__ import annotations

import random

from rehearsal.engine.commands import PhaseChanged, RatingRequested, State
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drills import AdjustmentDrill
from rehearsal.engine.events import ActorDone
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.engine.timing import Rating
from rehearsal.notes.deck import NoteDeck
from rehearsal.notes.draw import NoteDrawer
from rehearsal.paths import Paths, resources_dir
from rehearsal.script.loader import load_script, read_script_bytes
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.take_log import StoreTakeRecorder
from tests.conftest import FakeClock

DEMO = resources_dir() / "scenes" / "demo-night-shift.fountain"


def _setup(store: OpenedDatabase) -> tuple[int, list[str]]:
    script = load_script(DEMO)
    script_id = import_script(store.engine, script, DEMO, read_script_bytes(DEMO))
    return script_id, script.characters


def _run_take(engine: RehearsalEngine, clock: FakeClock) -> None:
    engine.start()
    for _ in range(10_000):
        if engine.state is State.FINISHED:
            return
        if engine.state is State.WAITING:
            clock.advance(0.7)
            engine.actor_done()
        else:
            clock.advance(0.25)
            engine.tick()
    raise AssertionError("the take never finished")


def test_a_take_is_stored_with_every_own_line(store: OpenedDatabase, clock: FakeClock) -> None:
    script_id, characters = _setup(store)
    role = characters[0]
    script = load_script(DEMO)
    lines = build_lines(script, role)
    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, role)
    engine = RehearsalEngine(lines, RehearsalSettings(speech=False), clock=clock, recorder=log)
    _run_take(engine, clock)
    _run_take(engine, clock)
    log.close()

    history = HistoryRepository(store.engine)
    assert log.session_id is not None
    detail = history.session_detail(log.session_id)
    assert detail is not None
    assert detail.summary.role == role
    assert detail.summary.mode == "rehearse"
    assert [t.number for t in detail.takes] == [1, 2]
    own = sum(1 for line in lines if line.own)
    for take in detail.takes:
        assert take.ended_at is not None
        assert len(take.lines) == own
        assert all(line.response_s is not None and line.response_s > 0.6 for line in take.lines)
    assert detail.summary.ended_at is not None


def test_a_drill_stores_its_notes_and_ratings(
    store: OpenedDatabase, clock: FakeClock, paths: Paths
) -> None:
    script_id, characters = _setup(store)
    role = characters[-1]
    lines = build_lines(load_script(DEMO), role)
    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, role)
    engine = RehearsalEngine(lines, RehearsalSettings(speech=False), clock=clock, recorder=log)
    drawer = NoteDrawer(NoteDeck.load(paths).notes(), random.Random(7))
    drill = AdjustmentDrill(
        engine,
        notes=drawer,
        takes=2,
        policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0),
        rng=random.Random(3),
    )
    commands = drill.start()
    rated = 0
    for _ in range(20_000):
        if any(isinstance(c, PhaseChanged) and c.phase.value == "done" for c in commands):
            break
        if any(isinstance(c, RatingRequested) for c in commands):
            rated += 1
            commands = drill.rate(Rating(rated + 2, f"take {rated}"))
            continue
        if engine.state is State.WAITING:
            clock.advance(0.5)
            commands = drill.handle(ActorDone())
        else:
            clock.advance(0.5)
            commands = drill.tick()
    log.close()
    assert rated == 2
    detail = HistoryRepository(store.engine).session_detail(log.session_id or -1)
    assert detail is not None
    assert detail.summary.mode == "drill"
    assert len(detail.takes) == 2
    assert len(detail.notes) >= 2
    assert [r.score for r in detail.ratings] == [3, 4]
    assert all(r.category for r in detail.ratings)


def test_the_writer_says_when_everything_sent_is_in_the_database(
    store: OpenedDatabase, clock: FakeClock
) -> None:
    """A history on screen refreshes on this call, so it must come only once the rows are
    there: each call sees at least as many stored lines as the one before, and the last
    sees them all."""
    import threading

    script_id, characters = _setup(store)
    role = characters[0]
    history = HistoryRepository(store.engine)
    seen: list[int] = []
    done = threading.Event()

    def on_written() -> None:
        sessions = history.list_sessions()
        seen.append(sum(s.line_count for s in sessions))
        done.set()

    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, role, on_written=on_written)
    lines = build_lines(load_script(DEMO), role)
    engine = RehearsalEngine(lines, RehearsalSettings(speech=False), clock=clock, recorder=log)
    _run_take(engine, clock)
    log.flush()
    assert done.wait(10), "the writer never said it had caught up"
    log.close()
    stored = sum(s.line_count for s in history.list_sessions())
    assert stored > 0
    assert seen == sorted(seen)
    assert seen[-1] == stored
