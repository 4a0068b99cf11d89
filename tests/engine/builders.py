"""Small scripts and a driver for engine tests: readable scenes instead of nested dataclasses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from rehearsal.engine.commands import Command, DrillPhase, State
from rehearsal.engine.drills import Drill
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.timing import TakeResult
from rehearsal.script.model import (
    Dialogue,
    Element,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    SourceFormat,
    TextElement,
)
from tests.conftest import FakeClock

C = TypeVar("C")


def dlg(character: str, *texts: str) -> Dialogue:
    """A dialogue; texts in parentheses are parentheticals, the rest speech."""
    parts = [
        Part(
            PartKind.PARENTHETICAL if t.startswith("(") and t.endswith(")") else PartKind.SPEECH, t
        )
        for t in texts
    ]
    return Dialogue(character, parts)


def action(text: str) -> TextElement:
    return TextElement(ElementKind.ACTION, text)


def scene(*elements: Element, heading: str = "INT. KITCHEN - NIGHT") -> Scene:
    return Scene(heading, None, list(elements))


def script(*scenes: Scene) -> Script:
    return Script(SourceFormat.FOUNTAIN, list(scenes), title="Test")


def kitchen() -> Script:
    """A two-hander with every kind of pause the engine must honour."""
    return script(
        scene(
            action("The kitchen. Night. MARY waits."),
            dlg("MARY", "Where were you?"),
            dlg("JOHN", "(beat)", "Out."),
            action("Beat."),
            dlg("MARY", "Out where, John?"),
            dlg("JOHN", "Just out. (pause) Walking."),
            dlg("MARY", "(quietly)", "I called you six times."),
            TextElement(ElementKind.TRANSITION, "CUT TO:"),
        ),
        scene(
            dlg("JOHN", "Did you hear that?"),
            dlg("MARY", "Hear what?"),
            heading="INT. HALLWAY - CONTINUOUS",
        ),
    )


def long_script(lines: int) -> Script:
    """``lines`` alternating speeches, for runs that must stay fast."""
    elements: list[Element] = []
    for i in range(lines):
        who = "MARY" if i % 2 else "JOHN"
        elements.append(dlg(who, f"Line number {i} of a very long scene."))
    return script(scene(*elements))


def of_type(commands: Iterable[Command], kind: type[C]) -> list[C]:
    return [c for c in commands if isinstance(c, kind)]


def first(commands: Iterable[Command], kind: type[C]) -> C:
    found = of_type(commands, kind)
    assert found, f"no {kind.__name__} in {commands}"
    return found[0]


def names(commands: Iterable[Command]) -> list[str]:
    return [type(c).__name__ for c in commands]


@dataclass
class Driver:
    """Plays actor and voice: answers every wait after ``actor_seconds`` and finishes every
    utterance after ``speech_seconds``, advancing the fake clock; returns everything seen."""

    engine: RehearsalEngine
    clock: FakeClock
    actor_seconds: float = 1.0
    speech_seconds: float = 0.5
    on_step: Callable[[list[Command]], Any] | None = None

    def step(self) -> list[Command]:
        s = self.engine
        if s.state is State.WAITING and s.next_deadline is None:
            self.clock.advance(self.actor_seconds)
            out = s.actor_done()
        elif s.state is State.SPEAKING and s.next_deadline is None:
            self.clock.advance(self.speech_seconds)
            out = s.partner_finished()
        else:
            deadline = s.next_deadline
            assert deadline is not None, f"stuck in {s.state}"
            self.clock.now = max(self.clock.now, deadline)
            out = s.tick()
        if self.on_step:
            self.on_step(out)
        return out

    def run_take(self, limit: int = 100_000) -> list[Command]:
        """Step until the running take ends; returns all commands."""
        seen: list[Command] = []
        number = self.engine.take_number
        assert number is not None, "no take running"
        for _ in range(limit):
            seen += self.step()
            if self.engine.take_number != number:
                return seen
        raise AssertionError("the take did not end")


def take_results(commands: Iterable[Command]) -> list[TakeResult]:
    from rehearsal.engine.commands import TakeEnded

    return [c.result for c in of_type(commands, TakeEnded)]


@dataclass(frozen=True)
class Note:
    """A director note with the attributes the engine reads."""

    text: str
    category: str
    spoken: str | None = None


class Deck:
    """A note source that deals its notes in order, then says it has none left."""

    def __init__(self, *notes: Note) -> None:
        self.notes = list(notes)
        self.drawn: list[Note] = []

    def draw(self) -> Note | None:
        if not self.notes:
            return None
        note = self.notes.pop(0)
        self.drawn.append(note)
        return note


def deck(count: int = 10) -> Deck:
    return Deck(*(Note(f"Note number {i}.", f"category {i % 3}") for i in range(count)))


def phase(drill: Drill) -> DrillPhase:
    """The drill's phase, read fresh (a plain attribute read would be narrowed by mypy)."""
    return drill.phase
