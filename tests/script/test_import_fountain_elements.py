"""Fountain: every element around the dialogue, as the fountain.io syntax defines it.

The title page and its keys, scene headings with their prefixes, forcing and numbers, action
and its soft wraps, transitions, centred text, sections, synopses and page breaks: each rule
of the syntax on a few lines written for it, including where a line is *not* that element.
"""

from __future__ import annotations

import pytest

from rehearsal.script.model import ElementKind, TextElement
from tests.script.support.fountain import blocks, parse
from tests.script.support.views import texts

# -- title page -------------------------------------------------------------------------------


def test_title_page_sets_title_and_keeps_every_key() -> None:
    script = parse(
        "Title:\n    _**BRICK & STEEL**_\n    _**FULL RETIRED**_\nCredit: Written by\n"
        "Author: Stu Maschwitz\nDraft date: 1/20/2012\nContact:\n    1588 Mission Dr.\n"
        "    Solvang, CA\n\nINT. HOUSE - DAY\n\nHe waits.\n"
    )
    assert script.title == "BRICK & STEEL FULL RETIRED"
    assert script.title_page == {
        "Title": "BRICK & STEEL\nFULL RETIRED",
        "Credit": "Written by",
        "Author": "Stu Maschwitz",
        "Draft date": "1/20/2012",
        "Contact": "1588 Mission Dr.\nSolvang, CA",
    }
    assert [s.heading for s in script.scenes] == ["INT. HOUSE - DAY"]


def test_title_key_is_case_insensitive_and_page_only_file_has_no_scenes() -> None:
    script = parse("title: Something for Testing\nauthor: Moi\n")
    assert script.title == "Something for Testing"
    assert script.scenes == []


def test_title_page_ends_at_the_first_blank_line() -> None:
    script = parse("Title: Short\n\nNot a title entry.\nStill: not one.\n")
    assert script.title == "Short"
    assert texts(script, ElementKind.ACTION) == ["Not a title entry. Still: not one."]


def test_a_first_line_that_is_prose_ending_in_a_colon_is_no_title_page() -> None:
    script = parse("He opens the card. Inside, hand written:\n\n    Scott --\n    Jacob\n")
    assert script.title is None
    assert texts(script, ElementKind.ACTION)[0].startswith("He opens the card.")


# -- scene headings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "INT. HOUSE - DAY",
        "EXT HOUSE DAY",
        "INT/EXT. HOUSE - DAY",
        "INT./EXT. HOUSE - DAY",
        "I/E HOUSE DAY",
        "I./E. HOUSE - DAY",
        "EST. HOUSE - DAY",
        "INT - HOUSE - DAY",
        "int. house - day",
    ],
)
def test_scene_heading_prefixes(heading: str) -> None:
    script = parse(f"{heading}\n\nAction.\n")
    assert [s.heading for s in script.scenes] == [heading]


def test_forced_heading_and_ellipsis() -> None:
    script = parse(".KITCHEN\n\n... not a heading.\n\n. SPACED\n\nEnd.\n")
    assert [s.heading for s in script.scenes] == ["KITCHEN", "SPACED"]
    assert texts(script, ElementKind.ACTION) == ["... not a heading.", "End."]


def test_heading_needs_a_blank_line_after_it_and_is_never_a_cue() -> None:
    script = parse("INT. HOUSE - DAY\nEXT. HOUSE - DAY\n\nESTABLISHING\n")
    assert script.scenes[0].heading is None
    assert texts(script, ElementKind.ACTION) == [
        "INT. HOUSE - DAY EXT. HOUSE - DAY",
        "ESTABLISHING",
    ]
    assert blocks(script) == []


@pytest.mark.parametrize(
    ("line", "heading", "number"),
    [
        ("INT. HOUSE - DAY #1#", "INT. HOUSE - DAY", "1"),
        ("INT. HOUSE - DAY #I-1-A#", "INT. HOUSE - DAY", "I-1-A"),
        (
            "INT. HOUSE - DAY - FLASHBACK (1944) #110A#",
            "INT. HOUSE - DAY - FLASHBACK (1944)",
            "110A",
        ),
        (".FORCED #1.#", "FORCED", "1."),
        ("INT. HOUSE #3# #tag", "INT. HOUSE #3# #tag", None),
        ("INT. HOUSE #not a number#", "INT. HOUSE #not a number#", None),
    ],
)
def test_scene_numbers(line: str, heading: str, number: str | None) -> None:
    scene = parse(f"{line}\n\nAction.\n").scenes[0]
    assert (scene.heading, scene.number) == (heading, number)


def test_text_before_the_first_heading_is_a_scene_without_heading() -> None:
    script = parse("FADE IN on a field.\n\nBOB\nHi.\n\nEXT. FIELD - DAY\n\nWind.\n")
    assert [(s.heading, len(s.elements)) for s in script.scenes] == [
        (None, 2),
        ("EXT. FIELD - DAY", 1),
    ]


# -- action -----------------------------------------------------------------------------------


def test_action_joins_soft_wraps_and_ignores_indentation() -> None:
    script = parse("This is a multi-line\n    block of  Action.\n\n  Two spaces\n")
    assert texts(script, ElementKind.ACTION) == [
        "This is a multi-line block of Action.",
        "Two spaces",
    ]


def test_forced_action_is_never_a_cue() -> None:
    script = parse("!BANG\nBANG\n\n!SCANNING THE AISLES\nWhere is he?\n")
    assert texts(script, ElementKind.ACTION) == ["BANG BANG", "SCANNING THE AISLES Where is he?"]
    assert blocks(script) == []


def test_two_spaces_keep_an_action_paragraph_together() -> None:
    script = parse("One.\n  \nTwo.\n\nThree.\n")
    assert texts(script, ElementKind.ACTION) == ["One. Two.", "Three."]


# -- transitions, centred text, page breaks, sections, synopses -------------------------------


def test_transitions() -> None:
    script = parse(
        "Start.\n\nCUT TO:\n\n    GO TO:\n\nboop boop TO:\n\n> Burn to White.\n\n"
        "        >Another one\n\nFADE TO BLACK.\n\nSMASH CUT TO:  \n"
    )
    assert texts(script, ElementKind.TRANSITION) == [
        "CUT TO:",
        "GO TO:",
        "Burn to White.",
        "Another one",
        "SMASH CUT TO:",
    ]
    assert texts(script, ElementKind.ACTION) == ["Start.", "boop boop TO:", "FADE TO BLACK."]


def test_centered_text() -> None:
    script = parse("> Centered <\n\n>**THE END**<\n\n>      Lots of Space\t\t<  \n")
    assert texts(script, ElementKind.CENTERED) == ["Centered", "THE END", "Lots of Space"]


def test_page_breaks_sections_and_synopses() -> None:
    script = parse(
        "# Act One\n= Set up.\n\n## Sequence\n\nPage one.\n\n===\n   ===\n\n"
        "EXT. PATIO - DAY\n= A synopsis under the line.\n\nA gorgeous day.\n"
    )
    elements = [e for s in script.scenes for e in s.elements]
    kinds = [(e.kind.value, e.text, e.level) for e in elements if isinstance(e, TextElement)]
    assert kinds == [
        ("section", "Act One", 1),
        ("synopsis", "Set up.", 0),
        ("section", "Sequence", 2),
        ("action", "Page one.", 0),
        ("page_break", "", 0),
        ("page_break", "", 0),
        ("action", "EXT. PATIO - DAY", 0),
        ("synopsis", "A synopsis under the line.", 0),
        ("action", "A gorgeous day.", 0),
    ]
