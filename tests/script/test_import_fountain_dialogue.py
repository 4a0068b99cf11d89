"""Fountain: character cues, dual dialogue, parentheticals and how a speech holds together.

What makes a line a cue (and what does not), the caret of dual dialogue, parentheticals
before, between and after speech, blank lines and two spaces, lyrics, and (MORE)/(CONT'D)
around a page break: each rule of the fountain.io syntax on a few lines written for it.
"""

from __future__ import annotations

import pytest

from rehearsal.script.import_fountain import parse_text
from rehearsal.script.model import ElementKind
from tests.script.support.fountain import blocks, parse, speech
from tests.script.support.views import texts

# -- character cues ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "name", "extension"),
    [
        ("MARY", "MARY", None),
        ("O'MALLEY", "O'MALLEY", None),
        ("R2D2", "R2D2", None),
        ("3CPO", "3CPO", None),
        ("JOSÉ", "JOSÉ", None),
        ("МАША", "МАША", None),
        ("JIM😆", "JIM😆", None),
        ("SCANNING THE AISLES…", "SCANNING THE AISLES…", None),
        ("MARY (V.O.)", "MARY", "V.O."),
        ("MARY (CONT'D)", "MARY", None),
        ("MARY (V.O.) (CONT’D)", "MARY", "V.O."),
        ("MOM (O. S.)", "MOM", "O. S."),
        ("HANS (on the radio)", "HANS", "on the radio"),
        ("@McDUCK", "MCDUCK", None),
        ("@Han (O.S.)", "HAN", "O.S."),
        ("@3CPO", "3CPO", None),
        ("\t\tEVE", "EVE", None),
    ],
)
def test_cues(cue: str, name: str, extension: str | None) -> None:
    assert blocks(parse(f"Before.\n\n{cue}\nLine.\n")) == [
        (name, extension, False, speech("Line."))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "23 (O.S.)\nNo letter in the name.\n",
        "Han (O.S.)\nMixed case is no cue.\n",
        "(Jack)\nKnife.\n",
        "BOB\n\nA blank line after the cue.\n",
        "BOSS\n",
        "Action first.\nBOB\nNo blank line before the cue.\n",
        "CUT TO:\nINT. HOUSE\n",
        "你好。\n世界\n",  # a caseless line is a cue only when it reads as a name
        "ジョンが座る、窓辺に\n外は雨\n",
        "밤이 깊어간다.\n그들은 말이 없다.\n",
        "Émile arrive\nIl pleut.\n",
        "ジョン（30代）が入ってくる\n雨の音\n",
    ],
)
def test_lines_that_are_not_cues(text: str) -> None:
    assert blocks(parse(text)) == []


def test_a_name_ending_in_to_colon_is_a_cue_and_a_play_style_colon_is_dropped() -> None:
    script = parse_text(
        "INT. MONASTERY - DAY\n\nCLOTTO:\nUtinam haberemus vinum.\n\n"
        "ZEUXIS:\nEt panem.\n\nCUT TO:\n\nEXT. SHORE - DAY\n"
    )
    assert [(d.character, d.parts[0].text) for d in script.dialogues()] == [
        ("CLOTTO", "Utinam haberemus vinum."),
        ("ZEUXIS", "Et panem."),
    ]
    kinds = [e.kind.value for e in script.scenes[0].elements if not hasattr(e, "character")]
    assert kinds == ["transition"]


def test_characters_are_listed_once_in_order_of_first_speech() -> None:
    script = parse("STEEL\nA.\n\nBRICK\nB.\n\nSTEEL (CONT'D)\nC.\n\nSteel\nnot a cue\n")
    assert script.characters == ["STEEL", "BRICK"]
    assert script.line_counts() == {"STEEL": 2, "BRICK": 1}


# -- dual dialogue ----------------------------------------------------------------------------


def test_caret_makes_both_speeches_dual() -> None:
    script = parse("ADAM\nYes.\n\nEVE ^\nNo.\n\nGUY\nSolo.\n\nGIRL\nHey!\n\nGUY^\nHello!\n")
    assert [(d.character, d.dual) for d in script.dialogues()] == [
        ("ADAM", True),
        ("EVE", True),
        ("GUY", False),
        ("GIRL", True),
        ("GUY", True),
    ]


def test_caret_only_counts_at_the_end_of_the_cue() -> None:
    script = parse("ME\nA.\n\nBUT (Dual) ^\nB.\n\nX\nC.\n\nAND ^ (Dual)\nD.\n")
    assert [(d.character, d.extension, d.dual) for d in script.dialogues()] == [
        ("ME", None, True),
        ("BUT", "Dual", True),
        ("X", None, False),
        ("AND", "Dual", False),
    ]


def test_caret_after_action_marks_only_its_own_speech() -> None:
    script = parse("Action.\n\nEVE ^\nNo.\n")
    assert [(d.character, d.dual) for d in script.dialogues()] == [("EVE", True)]


# -- dialogue and parentheticals --------------------------------------------------------------


def test_parentheticals_before_between_and_after_speech() -> None:
    script = parse(
        "BOB\n    (slowly)\nTrying this.\n(loudly)  \n(bouncy)\nAlso trying\nthis?\n  (damn)\n"
    )
    assert blocks(script) == [
        (
            "BOB",
            None,
            False,
            [
                ("parenthetical", "(slowly)"),
                ("speech", "Trying this."),
                ("parenthetical", "(loudly)"),
                ("parenthetical", "(bouncy)"),
                ("speech", "Also trying this?"),
                ("parenthetical", "(damn)"),
            ],
        )
    ]


def test_parenthetical_may_wrap_over_lines() -> None:
    script = parse("BOB\n(looking up at the\n  ceiling)\nHello.\n")
    assert blocks(script)[0][3] == [
        ("parenthetical", "(looking up at the ceiling)"),
        ("speech", "Hello."),
    ]


@pytest.mark.parametrize(
    "line",
    ["(beat) Then he left.", "(a) and (b)", "(never closed", "(wraps\nand then) goes on"],
)
def test_a_line_that_does_more_than_parentheses_is_speech(line: str) -> None:
    parts = blocks(parse(f"BOB\n{line}\n"))[0][3]
    assert parts == [("speech", " ".join(line.split()))]


def test_emphasis_inside_a_parenthetical_is_removed() -> None:
    script = parse("R2D2\nBleep Boop.\n(*This is a valid character cue.*)\n")
    assert blocks(script)[0][3][-1] == ("parenthetical", "(This is a valid character cue.)")


def test_blank_line_ends_dialogue_but_two_spaces_do_not() -> None:
    script = parse(
        "DEALER\nTen.\nFour.\n  \nHit or  stand?\n\nHe waits.\n\nFISH\nI am\n\t \nfish.\n"
    )
    assert blocks(script) == [
        ("DEALER", None, False, speech("Ten. Four. Hit or stand?")),
        ("FISH", None, False, speech("I am fish.")),
    ]
    assert texts(script, ElementKind.ACTION) == ["He waits."]


def test_lyrics_inside_dialogue_are_speech_and_stand_alone_as_lyrics() -> None:
    script = parse("SINGER\n~These are the songs\n~ That I sing.\n\n~La la\n~Lo lo\n")
    assert blocks(script) == [("SINGER", None, False, speech("These are the songs That I sing."))]
    assert texts(script, ElementKind.LYRIC) == ["La la Lo lo"]


def test_more_and_contd_around_a_page_break_make_one_speech() -> None:
    script = parse(
        "BOB\nI was going\nto say\n(MORE)\n\n===\n\nBOB (CONT'D)\nsomething else.\n(more)\n\n"
        "===\n\nBOB (CONT'D)\n(beat)\nDone.\n"
    )
    assert blocks(script) == [
        (
            "BOB",
            None,
            False,
            [
                ("speech", "I was going to say something else."),
                ("parenthetical", "(beat)"),
                ("speech", "Done."),
            ],
        )
    ]


def test_more_is_dropped_but_speeches_apart_stay_apart() -> None:
    script = parse("ALICE\nHi.\n(MORE)\n\nShe waves.\n\nALICE (CONT'D)\nAgain.\n\nBOB\nNo.\n")
    assert blocks(script) == [
        ("ALICE", None, False, speech("Hi.")),
        ("ALICE", None, False, speech("Again.")),
        ("BOB", None, False, speech("No.")),
    ]
