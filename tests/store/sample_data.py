"""Known scripts, clocks and histories for the store and history-window tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from rehearsal.paths import Paths
from rehearsal.script.model import (
    Dialogue,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store

START = datetime(2024, 3, 4, 18, 0, tzinfo=UTC)  # a Monday


class StepClock:
    """A wall clock that only moves when told (``advance``) or set (``at``)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    def at(self, moment: datetime) -> None:
        self.now = moment


def speech(name: str, text: str) -> Dialogue:
    return Dialogue(character=name, parts=[Part(PartKind.SPEECH, text)])


def sample_script(title: str = "Night Shift", variant: str = "") -> Script:
    """Two scenes; NINA's lines are at (0, 1), (0, 3), (1, 1)."""
    return Script(
        format=SourceFormat.FOUNTAIN,
        title=title,
        scenes=[
            Scene(
                heading="INT. DINER - NIGHT",
                elements=[
                    speech("CAL", f"You're late.{variant}"),
                    speech("NINA", "The bus never came."),
                    TextElement(ElementKind.ACTION, "He pours coffee."),
                    speech("NINA", "Is that for me?"),
                    speech("CAL", "It was."),
                ],
            ),
            Scene(
                heading="EXT. BUS STOP - DAWN",
                elements=[
                    speech("CAL", "Need a ride?"),
                    speech("NINA", "I need a new life."),
                ],
            ),
        ],
    )


NINA_LINES = ((0, 1), (0, 3), (1, 1))


@dataclass
class History:
    """Ids of what :func:`populate` wrote, for assertions."""

    scripts: dict[str, int] = field(default_factory=dict)
    sessions: list[int] = field(default_factory=list)
    takes: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)


def add_scripts(engine: Engine, clock: StepClock) -> dict[str, int]:
    return {
        "Night Shift": import_script(
            engine, sample_script(), "/sides/night.fountain", b"night", now=clock
        ),
        "Dawn": import_script(
            engine, sample_script("Dawn", " Again."), "/sides/dawn.fountain", b"dawn", now=clock
        ),
    }


def record_session(
    recorder: SessionRecorder,
    clock: StepClock,
    history: History,
    script_id: int,
    role: str,
    mode: str,
    takes: int,
    *,
    skip_every: int = 0,
    response: float = 1.0,
    score: int | None = 3,
    category: str = "emotion",
    end: bool = True,
) -> int:
    """One session of ``takes`` takes over NINA's three lines, 10 s per event."""
    session_id = recorder.start_session(script_id, role, mode)
    history.sessions.append(session_id)
    counter = 0
    for _ in range(takes):
        clock.advance(10)
        take_id = recorder.start_take(session_id)
        history.takes.append(take_id)
        note_id = recorder.record_note(
            session_id, "Play it angrier.", category, "before_take", take_id=take_id, note_key="e1"
        )
        history.notes.append(note_id)
        for scene_index, element_index in NINA_LINES:
            counter += 1
            clock.advance(10)
            skipped = bool(skip_every) and counter % skip_every == 0
            history.lines.append(
                recorder.record_line(
                    take_id,
                    scene_index,
                    element_index,
                    cue_end_s=float(counter),
                    actor_done_s=float(counter) + response,
                    skipped=skipped,
                )
            )
        clock.advance(10)
        recorder.end_take(take_id)
        if score is not None:
            history.ratings.append(
                recorder.rate(session_id, score, take_id=take_id, note_id=note_id, comment="ok")
            )
    if end:
        clock.advance(10)
        recorder.end_session(session_id)
    return session_id


def populate(engine: Engine, clock: StepClock) -> History:
    """Five sessions over two weeks, two scripts, two roles, three modes."""
    history = History(scripts=add_scripts(engine, clock))
    recorder = SessionRecorder(engine, now=clock)
    night, dawn = history.scripts["Night Shift"], history.scripts["Dawn"]
    clock.at(START)
    record_session(recorder, clock, history, night, "NINA", "rehearse", 2, response=1.0)
    clock.at(START + timedelta(days=1))
    record_session(
        recorder, clock, history, night, "NINA", "drill", 3, skip_every=3, score=2, response=1.5
    )
    clock.at(START + timedelta(days=8))
    record_session(
        recorder, clock, history, dawn, "NINA", "rehearse", 1, response=2.5, category="tempo"
    )
    clock.at(START + timedelta(days=9))
    record_session(recorder, clock, history, night, "CAL", "cold_read", 1, score=5, response=0.5)
    clock.at(START + timedelta(days=10))
    record_session(recorder, clock, history, dawn, "NINA", "drill", 2, score=None, end=False)
    return history


def open_populated(root: Path) -> tuple[OpenedDatabase, History]:
    """A migrated database under ``root`` holding the :func:`populate` history."""
    opened = open_store(Paths.under(root).ensure(), now=StepClock())
    return opened, populate(opened.engine, StepClock())
