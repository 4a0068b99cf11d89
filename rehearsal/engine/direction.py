"""Director notes as the engine sees them: something drawn, announced, and answered by a take.

The note deck (loading, categories, weighting) belongs to :mod:`rehearsal.notes`; the engine
depends only on the small protocols here, so drills can be tested with any seeded source
and the deck can change without the engine noticing. When and how often a note interrupts
is decided by :class:`NotePlanner` with an injected random generator, so a test can say
exactly where a mid-scene note must land.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rehearsal.engine.lines import RehearsalLine


class NoteLike(Protocol):
    """What the engine needs of a note: read-only, so frozen dataclasses and enums fit."""

    @property
    def text(self) -> str: ...

    @property
    def category(self) -> str: ...

    @property
    def spoken(self) -> str | None: ...


class NoteSource(Protocol):
    """A deck to draw from; None means it has nothing left to give (all filtered out)."""

    def draw(self) -> NoteLike | None: ...


class NotePlacement(enum.StrEnum):
    """When a note is given; the values match what the store records."""

    BEFORE_TAKE = "before_take"
    AFTER_TAKE = "after_take"
    MID_SCENE = "mid_scene"


class InjectionMode(enum.StrEnum):
    """How much the director interrupts."""

    NEVER = "never"
    BETWEEN_TAKES = "between_takes"
    MID_SCENE = "mid_scene"
    """Between takes, and sometimes at a partner cue inside a take."""


@dataclass(frozen=True, slots=True)
class NotePolicy:
    """How often the director speaks: the mode, and the chance of a mid-scene note per take."""

    mode: InjectionMode = InjectionMode.BETWEEN_TAKES
    mid_scene_probability: float = 0.5

    def __post_init__(self) -> None:
        if not 0.0 <= self.mid_scene_probability <= 1.0:
            raise ValueError(
                f"mid_scene_probability must be between 0 and 1, not {self.mid_scene_probability}"
            )


@dataclass(frozen=True, slots=True)
class NoteEvent:
    """A note as given: ``shown`` is the note in the director's words, ``spoken`` what the
    director says aloud.

    ``shown`` is what the history keeps and the rating asks about, so it carries no take
    number; ``take`` (the take a note before a take is for) is added once, by
    :attr:`headline`, where the note is put on screen. ``at`` is on the engine's clock;
    ``index`` is the run line a mid-scene note interrupted.
    """

    note: NoteLike
    placement: NotePlacement
    at: float
    shown: str
    spoken: str
    index: int | None = None
    take: int | None = None

    @property
    def headline(self) -> str:
        """The note as the banner shows it: "Take 2 — …" before a take, else :attr:`shown`."""
        if self.placement is NotePlacement.BEFORE_TAKE and self.take is not None:
            return f"Take {self.take} — {self.shown}"
        return self.shown


def _lower_first(text: str) -> str:
    """``It's 3 a.m.`` → ``it's 3 a.m.`` but ``I`` and acronyms stay as written."""
    word = text.split(" ", 1)[0]
    if (
        not word
        or word == "I"
        or word.startswith(("I'", "I’"))
        or (len(word) > 1 and word.isupper())
    ):
        return text
    return text[0].lower() + text[1:]


def announce(note: NoteLike, placement: NotePlacement, take: int | None = None) -> tuple[str, str]:
    """The words a director uses for a note at this point: (shown, spoken).

    After a take it is "Again, but …", mid-scene and before a take just the note: the framing
    tells the actor whether to adjust now or next time. Before a take the director says
    "Take 2. …"; the shown text leaves the take out (:attr:`NoteEvent.headline` adds it for
    the screen), so the note is kept and rated in its own words.
    """
    text = note.text.strip()
    spoken = (note.spoken or note.text).strip()
    if placement is NotePlacement.AFTER_TAKE:
        return f"Again, but {_lower_first(text)}", f"Again, but {_lower_first(spoken)}"
    if placement is NotePlacement.BEFORE_TAKE and take is not None:
        return text, f"Take {take}. {spoken}"
    return text, spoken


class NotePlanner:
    """Decides, with an injected RNG, whether a take gets a mid-scene note and at which cue."""

    def __init__(self, policy: NotePolicy, rng: random.Random) -> None:
        self.policy = policy
        self._rng = rng

    @property
    def between_takes(self) -> bool:
        """Whether notes come before and after takes at all."""
        return self.policy.mode is not InjectionMode.NEVER

    def mid_scene_cue(self, lines: Sequence[RehearsalLine], start: int, end: int) -> int | None:
        """A partner line in ``start..end`` to interrupt at, or None for an undisturbed take.

        The first line of the take is left out: a note there is a note before the take.
        """
        if self.policy.mode is not InjectionMode.MID_SCENE:
            return None
        if self._rng.random() >= self.policy.mid_scene_probability:
            return None
        candidates = [i for i in range(start + 1, end + 1) if not lines[i].own]
        return self._rng.choice(candidates) if candidates else None
