"""Fountain: the markup an actor never hears, notes, boneyard, emphasis and escapes.

Notes ``[[…]]`` and boneyard ``/*…*/`` vanish inline and over lines; emphasis markers are
removed only where they open and close on one line, escapes keep a literal star; a file
with more stars than the budget allows is left literal with a warning rather than parsed
slowly.
"""

from __future__ import annotations

import pytest

from rehearsal.script.fountain_inline import (
    EmphasisStripper,
    remove_boneyard,
    remove_notes,
    strip_emphasis,
)
from rehearsal.script.import_fountain import parse_text
from rehearsal.script.model import ElementKind
from tests.script.support.fountain import blocks, parse, speech
from tests.script.support.views import texts

# -- notes and boneyard -----------------------------------------------------------------------


def test_notes_are_removed_inline_and_over_lines() -> None:
    script = parse(
        "Before1 [[some notes]]After1\n\nBefore2 [[multi\nline\n  \nnote]] After2\n\n"
        "Multiple [[notes]]on one[[line]]\n\n[[A paragraph of its own]]\n\nEnd.\n"
    )
    assert texts(script, ElementKind.ACTION) == [
        "Before1 After1",
        "Before2 After2",
        "Multiple on one",
        "End.",
    ]


def test_a_note_on_its_own_line_does_not_end_a_speech() -> None:
    script = parse("BOB\nI'm going.\n[[cut this?]]\nReally.\n")
    assert blocks(script) == [("BOB", None, False, speech("I'm going. Really."))]


def test_unclosed_note_and_boneyard_stay_literal() -> None:
    assert remove_notes("a [[ b") == "a [[ b"
    assert remove_boneyard("a /* b") == "a /* b"


def test_boneyard_is_removed_inline_and_over_lines() -> None:
    script = parse(
        "This is an /* internal */ boneyard.\n\nCUT TO:\n/*\nINT. GARAGE - DAY\n\n"
        "BRICK\nGone.\n*/\nEXT. MANSION - DAY\n\nA beer.\n"
    )
    assert blocks(script) == []
    assert [s.heading for s in script.scenes] == [None, "EXT. MANSION - DAY"]
    assert texts(script, ElementKind.ACTION) == ["This is an boneyard.", "A beer."]
    assert texts(script, ElementKind.TRANSITION) == ["CUT TO:"]


# -- emphasis and escapes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("*italics*", "italics"),
        ("**bold**", "bold"),
        ("***bold italics***", "bold italics"),
        ("_underline_", "underline"),
        (
            "_Steel's face FILLS the *Leupold Mark 4* scope_.",
            "Steel's face FILLS the Leupold Mark 4 scope.",
        ),
        ("He dialed *69 and then *23, and hung up.", "He dialed *69 and then *23, and hung up."),
        ("He dialed *69 and then 23*, and hung up.", "He dialed 69 and then 23, and hung up."),
        ("He dialed _69 and then 23 _, and hung up.", "He dialed _69 and then 23 _, and hung up."),
        ("He dialed *69 and then 23\\*, and hung up.", "He dialed *69 and then 23*, and hung up."),
        ("The code: **\\*9765\\***", "The code: *9765*"),
        ("Brick and Steel *share a look.", "Brick and Steel *share a look."),
        ("*Qa**’u yha kugywad...*", "Qa*’u yha kugywad...*"),
        ("this_is_also_a_tag", "thisisalsoatag"),
        ("C:\\Users\\bob", "C:\\Users\\bob"),
    ],
)
def test_emphasis(line: str, expected: str) -> None:
    assert strip_emphasis(line) == expected


def test_emphasis_must_close_on_its_own_line() -> None:
    script = parse("Brick and Steel *share a look.\nThis is going to be BAD.*\n")
    assert texts(script, ElementKind.ACTION) == [
        "Brick and Steel *share a look. This is going to be BAD.*"
    ]


def test_emphasis_is_removed_from_speech_and_headings() -> None:
    script = parse(".*DREAM* SEQUENCE\n\nDAN\nThen let's retire them.\n_Permanently_.\n")
    assert script.scenes[0].heading == "DREAM SEQUENCE"
    assert blocks(script) == [("DAN", None, False, speech("Then let's retire them. Permanently."))]


def test_star_budget_leaves_hostile_lines_literal_and_warns() -> None:
    stripper = EmphasisStripper(budget=1000)
    assert stripper("*a* " * 10) == "a " * 10
    assert not stripper.exhausted
    line = "*a *a " * 100
    assert stripper(line) == line
    assert stripper.exhausted
    script = parse_text(("*a " * 3000 + "\n\n") * 30)
    assert script.warnings
    assert "emphasis" in script.warnings[0]
