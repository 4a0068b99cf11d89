"""How notes are phrased and when the planner lets the director in."""

from __future__ import annotations

import random

import pytest

from rehearsal.engine.direction import (
    InjectionMode,
    NotePlacement,
    NotePlanner,
    NotePolicy,
    announce,
)
from rehearsal.engine.lines import build_lines
from tests.engine.builders import Note, kitchen


@pytest.mark.parametrize(
    ("text", "placement", "shown"),
    [
        ("It's 3 a.m.", NotePlacement.AFTER_TAKE, "Again, but it's 3 a.m."),
        ("I think you're lying.", NotePlacement.AFTER_TAKE, "Again, but I think you're lying."),
        ("TV is on too loud.", NotePlacement.AFTER_TAKE, "Again, but TV is on too loud."),
        ("Angrier.", NotePlacement.BEFORE_TAKE, "Take 2 — Angrier."),
        ("Angrier.", NotePlacement.MID_SCENE, "Angrier."),
    ],
)
def test_announcements(text: str, placement: NotePlacement, shown: str) -> None:
    assert announce(Note(text, "x"), placement, 2)[0] == shown


def test_spoken_version_is_used_for_the_voice() -> None:
    note = Note("Smaller — close-up.", "technical", "Smaller, it's a close up.")
    assert announce(note, NotePlacement.BEFORE_TAKE, 1) == (
        "Take 1 — Smaller — close-up.",
        "Take 1. Smaller, it's a close up.",
    )


def test_policy_probability_is_checked() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        NotePolicy(InjectionMode.MID_SCENE, 1.5)


def test_planner_only_picks_partner_lines_after_the_first() -> None:
    lines = build_lines(kitchen(), "JOHN")  # JOHN's run: MARY speaks lines 0, 2, 4, 6
    planner = NotePlanner(NotePolicy(InjectionMode.MID_SCENE, 1.0), random.Random(0))
    assert {planner.mid_scene_cue(lines, 0, 6) for _ in range(100)} == {2, 4, 6}
    assert planner.mid_scene_cue(lines, 6, 6) is None
    for mode in (InjectionMode.NEVER, InjectionMode.BETWEEN_TAKES):
        quiet = NotePlanner(NotePolicy(mode, 1.0), random.Random(0))
        assert quiet.mid_scene_cue(lines, 0, 6) is None
    assert not NotePlanner(NotePolicy(InjectionMode.NEVER), random.Random()).between_takes
