"""Pick up your cues: only the cue before each of the actor's lines, and the pickup time.

Picking up cues is a skill of its own (the director's "tighten it up"), and drilling it in
the full scene wastes most of the time on lines that are not the actor's. This drill runs
a take of pairs — the partner's cue, then the actor's line — in script order or shuffled,
and judges each pickup against a target the actor sets.

It is an ordinary take on the ordinary engine (labelled ``cue_pickup`` in the history), so
every wait mode works: with *Follow my words* or *Listen for my voice* the pickup is the
time to the first voiced sound; with the key, the time to the key, pressed as one comes
in.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from rehearsal.engine.lines import RehearsalLine
from rehearsal.engine.timing import LineTiming

DRILL_NAME = "cue_pickup"
DEFAULT_TARGET_S = 0.8
TARGET_RANGE = (0.1, 5.0)


@dataclass(frozen=True, slots=True)
class CueDrillConfig:
    """The actor's choices: the order of the cues and the pickup to aim for."""

    shuffle: bool = False
    target_s: float = DEFAULT_TARGET_S

    def __post_init__(self) -> None:
        low, high = TARGET_RANGE
        if not low <= self.target_s <= high:
            raise ValueError(f"the target pickup must be {low:g} to {high:g} s")


def cue_pairs(
    lines: Sequence[RehearsalLine], *, shuffle: bool = False, rng: random.Random | None = None
) -> list[RehearsalLine]:
    """The cue and the line for each of the actor's lines that has a cue, flattened.

    A line with no partner line before it (the scene opens on it, or it follows another of
    the actor's lines) has no cue to pick up and is left out.
    """
    pairs = [
        (lines[i - 1], line)
        for i, line in enumerate(lines)
        if line.own and i > 0 and not lines[i - 1].own
    ]
    if shuffle:
        (rng or random.Random()).shuffle(pairs)
    return [line for pair in pairs for line in pair]


@dataclass(frozen=True, slots=True)
class PickupMark:
    """One pickup against the target: None when it was not measured (skipped, left)."""

    timing: LineTiming
    pickup_s: float | None
    target_s: float

    @property
    def on_target(self) -> bool:
        return self.pickup_s is not None and self.pickup_s <= self.target_s

    @property
    def late_by(self) -> float:
        return 0.0 if self.pickup_s is None else max(0.0, self.pickup_s - self.target_s)


def judge(timing: LineTiming, target_s: float) -> PickupMark:
    """The pickup of one of the actor's lines: heard (voice or words) or, failing that,
    the time to the key."""
    pickup = timing.pickup_s
    if pickup is None and not timing.skipped:
        pickup = timing.response_s
    return PickupMark(timing, pickup, target_s)
