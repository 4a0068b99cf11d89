"""How notes are phrased and when the planner lets the director in."""

from __future__ import annotations

import random

import pytest

from rehearsal.engine.direction import (
    InjectionMode,
    NoteEvent,
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
        ("Angrier.", NotePlacement.BEFORE_TAKE, "Angrier."),
        ("Angrier.", NotePlacement.MID_SCENE, "Angrier."),
    ],
)
def test_announcements(text: str, placement: NotePlacement, shown: str) -> None:
    assert announce(Note(text, "x"), placement, 2)[0] == shown


def test_spoken_version_is_used_for_the_voice() -> None:
    note = Note("Smaller — close-up.", "technical", "Smaller, it's a close up.")
    assert announce(note, NotePlacement.BEFORE_TAKE, 1) == (
        "Smaller — close-up.",
        "Take 1. Smaller, it's a close up.",
    )


@pytest.mark.parametrize(
    ("placement", "take", "headline"),
    [
        (NotePlacement.BEFORE_TAKE, 1, "Take 1 — Angrier."),
        (NotePlacement.BEFORE_TAKE, None, "Angrier."),
        (NotePlacement.AFTER_TAKE, 2, "Again, but angrier."),
        (NotePlacement.MID_SCENE, 2, "Angrier."),
    ],
)
def test_the_take_is_added_once_for_display_and_the_note_keeps_its_own_words(
    placement: NotePlacement, take: int | None, headline: str
) -> None:
    """The stored and rated note is what the director said about the scene; "Take 1 — " is
    framing the banner adds, so it must not end up inside the note's own text."""
    shown, spoken = announce(Note("Angrier.", "x"), placement, take)
    event = NoteEvent(Note("Angrier.", "x"), placement, 0.0, shown, spoken, take=take)
    assert not event.shown.startswith("Take")
    assert event.headline == headline


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
