"""The line shapes of play texts: cues, headings, directions, speech split into parts."""

from __future__ import annotations

import pytest

from rehearsal.script.play_layout import (
    bare_direction,
    direction_blocks,
    heading_lines,
    is_heading,
    looks_like_name,
    opens_direction,
    parse_cue,
    split_speech,
    strip_emphasis,
    whole_direction,
)
from tests.script.support.text import play
from tests.script.support.views import actions, speeches


@pytest.mark.parametrize(
    ("line", "name", "sep", "rest"),
    [
        ("HAMLET. To be.", "HAMLET", ".", "To be."),
        ("LADY MACBETH. Out, damned spot!", "LADY MACBETH", ".", "Out, damned spot!"),
        ("Lady Bracknell: Good afternoon.", "Lady Bracknell", ":", "Good afternoon."),
        ("Ham. Words.", "Ham", ".", "Words."),
        ("Mrs. Ellis: The kettle.", "Mrs. Ellis", ":", "The kettle."),
        ("MRS. PEAKE. Is he back?", "MRS. PEAKE", ".", "Is he back?"),
        ("O'MALLEY: Right.", "O'MALLEY", ":", "Right."),
        ("JOSÉ. ¿Dónde?", "JOSÉ", ".", "¿Dónde?"),
        ("SOLDIER 2: Halt.", "SOLDIER 2", ":", "Halt."),
        ("ANNE & TOM: Together.", "ANNE & TOM", ":", "Together."),
        ("MARGARET", "MARGARET", "", ""),
        ("BARNARDO.", "BARNARDO", ".", ""),
        ("Hamlet.", "Hamlet", ".", ""),
    ],
)
def test_cue_shapes(line: str, name: str, sep: str, rest: str) -> None:
    cue = parse_cue(line)
    assert cue is not None
    assert (cue.name, cue.sep, cue.rest) == (name, sep, rest)
    assert cue.key == name.upper()
    assert cue.inline is bool(rest)


def test_direction_between_name_and_separator_and_extensions() -> None:
    cue = parse_cue("TOM (to Mary: low) [sitting]: Hi.")
    assert cue is not None
    assert (cue.name, cue.directions, cue.rest) == ("TOM", ("(to Mary: low)", "[sitting]"), "Hi.")
    cue = parse_cue("EDIE (V.O.) (CONT'D)")
    assert cue is not None
    assert (cue.name, cue.extension, cue.contd, cue.directions) == ("EDIE", "V.O.", True, ())


@pytest.mark.parametrize(
    "line",
    [
        "Yes. I know.",  # a common word, not a name
        "Note: bring the lamp.",
        "Enter HAMLET.",
        "He walks in. She follows.",
        "A kitchen. Night.",
        "Margaret",  # title case with no separator is prose
        "ACT II. A street.",
        "A. First point.",  # an initial or a list marker
        "(He sits.)",
        "The very long and winding sentence that goes on: and on.",
        "",
        "12. Item",
    ],
)
def test_lines_that_are_not_cues(line: str) -> None:
    assert parse_cue(line) is None


def test_looks_like_name_rules() -> None:
    assert looks_like_name("Ghost of Hamlet's Father", ",")
    assert looks_like_name("FIRST WITCH", ".")
    assert not looks_like_name("Mr", ".")
    assert not looks_like_name("ONE TWO THREE FOUR FIVE SIX", ".")
    assert not looks_like_name("1984", ":")


@pytest.mark.parametrize(
    "line",
    ["ACT I", "Act Two.", "ACT 2, SCENE 4", "FIRST ACT", "The Third Act", "SCENE 3.",
     "Scene: A garden", "SCENE. Elsinore.", "Scene II. A street.", "Actus Primus. Scaena Prima.",
     "Scoena Secunda.", "Actus Quintus.", "PROLOGUE", "Epilogue."],
)  # fmt: skip
def test_headings(line: str) -> None:
    assert is_heading(line)


@pytest.mark.parametrize(
    "line", ["Act now, he said.", "Scenery falls.", "ACTOR. Hello.", "Actually, no.", "scene"]
)
def test_not_headings(line: str) -> None:
    assert not is_heading(line)


def test_mixed_case_heading_must_start_a_paragraph() -> None:
    lines = ["JO. I was in", "Act two of my life.", "", "Act Two", "", "ACT III"]
    assert heading_lines(lines) == {3, 5}


def test_directions_on_their_own_lines() -> None:
    assert whole_direction("[He sits.]")
    assert whole_direction("(Pause.)")
    assert whole_direction("_Exit Anna._")
    assert not whole_direction("(a) and (b)")
    assert not whole_direction("[unclosed")
    assert opens_direction("[The lights")
    assert not opens_direction("[closed]")
    assert bare_direction("Enter ANNA and BORIS.")
    assert bare_direction("Exeunt.")
    assert not bare_direction("Entering the room, she stops.")


def test_direction_blocks_span_wrapped_lines() -> None:
    lines = ["ANNA. One.", "", "[The lights", "change slowly", "to blue.]", "", "Exit Anna and",
             "boris, slowly.", "ANNA. Two."]  # fmt: skip
    assert direction_blocks(lines, set()) == {2: 4, 6: 7}


def test_split_speech_direction_positions() -> None:
    parts = split_speech(
        "(to Tom) Out. (He sits.) I went (as you know) out [pointing] there (exits)"
    )
    assert [(p.kind.value, p.text) for p in parts] == [
        ("parenthetical", "(to Tom)"),
        ("speech", "Out."),
        ("parenthetical", "(He sits.)"),
        ("speech", "I went (as you know) out"),
        ("parenthetical", "[pointing]"),
        ("speech", "there"),
        ("parenthetical", "(exits)"),
    ]


def test_split_speech_with_an_unclosed_bracket_keeps_the_text() -> None:
    parts = split_speech("Wait (I mean")
    assert [(p.kind.value, p.text) for p in parts] == [("speech", "Wait (I mean")]


def test_strip_emphasis_only_when_closed() -> None:
    assert strip_emphasis("a _b_ **c** *d* e") == "a b c d e"
    assert strip_emphasis("snake_case and 2*3") == "snake_case and 2*3"
    assert strip_emphasis("*open only") == "*open only"


# -- directions -------------------------------------------------------------------------------


def test_bare_entrances_and_exits_inside_and_outside_speeches() -> None:
    text = """\
ANNA. I'll fetch the lamp.
Exit.

Enter BORIS, wet through.

BORIS. Is nobody home?
ANNA. [Off.] Nobody you'd want.
Exeunt.
"""
    script = play(text)
    assert speeches(script) == [
        ("ANNA", [("speec", "I'll fetch the lamp."), ("paren", "Exit.")]),
        ("BORIS", [("speec", "Is nobody home?")]),
        ("ANNA", [("paren", "[Off.]"), ("speec", "Nobody you'd want."), ("paren", "Exeunt.")]),
    ]
    assert actions(script) == ["Enter BORIS, wet through."]


def test_italic_directions_on_their_own_line() -> None:
    text = "ANNA. Listen.\n_She opens the window._\nANNA. Rain.\nBORIS. Only rain.\n\n_Blackout._\n"
    script = play(text)
    assert speeches(script)[0] == (
        "ANNA",
        [("speec", "Listen."), ("paren", "She opens the window.")],
    )
    assert actions(script) == ["Blackout."]


def test_a_direction_wrapped_over_lines_standing_alone_is_one_action() -> None:
    text = "ANNA. One.\nBORIS. Two.\n\n[The lights\nchange slowly\nto blue.]\n\nANNA. Three.\n"
    script = play(text)
    assert actions(script) == ["[The lights change slowly to blue.]"]
    assert len(speeches(script)) == 3


def test_parentheses_inside_a_sentence_are_speech() -> None:
    text = "ANNA. I saw him (the tall one) at the gate.\nBORIS. And?\nANNA. Nothing.\n"
    assert speeches(play(text))[0] == (
        "ANNA",
        [("speec", "I saw him (the tall one) at the gate.")],
    )


def test_emphasis_markers_are_removed_from_speech() -> None:
    text = "ANNA. I said _never_, and I meant *never*.\nBORIS. Oh.\nANNA. **Never.**\n"
    found = speeches(play(text))
    assert found[0] == ("ANNA", [("speec", "I said never, and I meant never.")])
    assert found[2] == ("ANNA", [("speec", "Never.")])


# -- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["ACT II", "Act Two", "SCENE 3.", "Scene: A garden", "SCENE II. A street.", "THE SECOND ACT",
     "Actus Tertius. Scoena Prima.", "ACT 2, SCENE 4"],
)  # fmt: skip
def test_act_and_scene_headings_start_a_scene_as_printed(heading: str) -> None:
    script = play(f"JO. One.\nSAM. Two.\n\n{heading}\n\nJO. Three.\nSAM. Four.\n")
    assert [s.heading for s in script.scenes] == [None, heading]
    assert len(list(script.scenes[1].dialogues())) == 2


def test_a_speech_line_starting_like_a_heading_is_still_speech() -> None:
    script = play("JO. I was in\nact two of my life then.\nSAM. And now?\nJO. Scene three.\n")
    assert len(script.scenes) == 1
    assert speeches(script)[0] == ("JO", [("speec", "I was in act two of my life then.")])


# -- page breaks and odd lines ----------------------------------------------------------------

PAGE_BREAK = """\
                    EDIE
          I know what I saw. I saw the
          light go on and off three times.
                    (MORE)

                                                  12.

                    EDIE (CONT'D)
          Three. Like a signal.
                    ROY
          Or a fuse.
                    EDIE
          A fuse doesn't count.
"""


def test_more_and_contd_across_a_page_number_join_one_speech() -> None:
    assert speeches(play(PAGE_BREAK)) == [
        ("EDIE", [("speec", "I know what I saw. I saw the light go on and off three times. "
                   "Three. Like a signal.")]),
        ("ROY", [("speec", "Or a fuse.")]),
        ("EDIE", [("speec", "A fuse doesn't count.")]),
    ]  # fmt: skip


def test_a_name_list_is_not_a_chain_of_empty_speeches() -> None:
    script = play("WITH\nANNA\nBORIS\nCLARA\n\nANNA. Hello.\nBORIS. Hi.\nANNA. Bye.\n")
    assert [name for name, _ in speeches(script)] == ["ANNA", "BORIS", "ANNA"]


def test_prose_is_not_a_play_and_says_so() -> None:
    script = play("It was a dark night. Nobody spoke.\n\nThen the rain came.\n")
    assert not list(script.dialogues())
    assert any("no speeches" in w for w in script.warnings)


def test_first_line_that_is_a_speech_is_not_the_title() -> None:
    script = play("ANNA. Hello.\nBORIS. Hi.\nANNA. Bye.\n")
    assert script.title is None
    assert len(speeches(script)) == 3


def test_title_key_line() -> None:
    assert play("Title: The Long Walk\n\nANNA. Hi.\nBORIS. Hi.\n").title == "The Long Walk"
