"""Finding the cast list at the top of a play so that it is not read as dialogue."""

from __future__ import annotations

from rehearsal.script.play_cast import cast_zone
from rehearsal.script.serialize import script_to_dict
from tests.script.support.text import play
from tests.script.support.views import actions, speeches


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


def test_header_and_comma_entries_with_a_wrapped_description() -> None:
    lines = lines_of(
        "THE PERSONS OF THE PLAY\n\nORLA, a ferrywoman,\n  tired of the river.\nBRAN, her brother."
        "\nLords, Ladies, and Attendants.\n\nThe action passes on a jetty.\n\nORLA. Push."
    )
    assert cast_zone(lines, set(), 0) == {0, 2, 3, 4, 5}


def test_header_zone_stops_at_a_heading() -> None:
    lines = lines_of("CAST\nANNA: a nurse\nBORIS: a porter\nACT I\nANNA: Hello.")
    assert cast_zone(lines, {3}, 0) == {0, 1, 2}


def test_header_zone_stops_at_a_block_that_speaks() -> None:
    lines = lines_of("Characters:\nANNA\nBORIS\n\nCLARA: Is anybody there?\nANNA: No.")
    assert cast_zone(lines, set(), 0) == {0, 1, 2}


def test_programme_style_entries_with_dot_leaders() -> None:
    lines = lines_of("CAST OF CHARACTERS\nANNA .......... a nurse\nBORIS ...... a porter\n")
    assert cast_zone(lines, set(), 0) == {0, 1, 2}


def test_headerless_list_needs_three_descriptive_entries() -> None:
    listed = lines_of(
        "THE PIER\n\nANNA: a nurse, thirties\nBORIS: her husband\nCLARA: their lodger\n"
    )
    assert cast_zone(listed, set(), 1) == {2, 3, 4}
    spoken = lines_of("ANNA: The kettle's on.\nBORIS: My mother's cooking.\nCLARA: Lovely.\n")
    assert cast_zone(spoken, set(), 0) == set()
    two = lines_of("ANNA: a nurse\nBORIS: her husband\n\nANNA: Hello.")
    assert cast_zone(two, set(), 0) == set()


def test_no_cast_list() -> None:
    assert cast_zone(lines_of("It was dark.\n\nNobody spoke."), set(), 0) == set()


# -- cast lists -------------------------------------------------------------------------------

HEADERLESS_CAST = """\
KITCHEN SINK

MARGARET: a teacher, late forties
TOM: her son, seventeen
DOUG: the lodger

TIME: The present.
PLACE: A kitchen.

MARGARET: Where were you?
TOM: Out.
MARGARET: Out where?
TOM: (shrugging) Just out.
DOUG: (entering) Is there tea?
MARGARET: There's always tea.
"""


def test_a_cast_list_without_a_header_is_not_dialogue() -> None:
    script = play(HEADERLESS_CAST)
    assert [name for name, _ in speeches(script)] == [
        "MARGARET",
        "TOM",
        "MARGARET",
        "TOM",
        "DOUG",
        "MARGARET",
    ]
    assert speeches(script)[3] == ("TOM", [("paren", "(shrugging)"), ("speec", "Just out.")])
    assert "MARGARET: a teacher, late forties" in actions(script)
    assert script.title == "KITCHEN SINK"


def test_a_dramatis_personae_in_the_shape_of_cues_is_not_dialogue() -> None:
    text = """\
DRAMATIS PERSONAE

ORLA. A ferrywoman.
BRAN. Her brother, a fisherman.
THE CUSTOMS MAN.

ACT I

ORLA. The tide's turning.
BRAN. It always is.
ORLA. Then push.
"""
    script = play(text)
    assert speeches(script) == [
        ("ORLA", [("speec", "The tide's turning.")]),
        ("BRAN", [("speec", "It always is.")]),
        ("ORLA", [("speec", "Then push.")]),
    ]


def test_a_cast_list_under_a_header_stops_where_dialogue_begins() -> None:
    text = """\
Characters

MARGARET
TOM

MARGARET: Where were you?
TOM: Out.
MARGARET: Out where?
"""
    assert [name for name, _ in speeches(play(text))] == ["MARGARET", "TOM", "MARGARET"]


def test_dialogue_at_the_top_is_not_mistaken_for_a_cast_list() -> None:
    text = "MARGARET: The kettle's on.\nTOM: My mother's cooking.\nMARGARET: Her own way.\n"
    assert [name for name, _ in speeches(play(text))] == ["MARGARET", "TOM", "MARGARET"]


def test_gutenberg_header_contents_and_licence_are_not_read() -> None:
    text = """\
The Project Gutenberg eBook of The Ferryman's Wager

Title: The Ferryman's Wager
Author: Nobody In Particular

*** START OF THE PROJECT GUTENBERG EBOOK THE FERRYMAN'S WAGER ***

THE FERRYMAN'S WAGER

Contents

 ACT I
 Scene I. A landing.
 Scene II. The river.

Dramatis Personæ

MALLORY, a merchant.
TOBIAS, his clerk.
A BOATMAN.

ACT I

SCENE I. A landing.

MALLORY.
Is the boat come?

TOBIAS.
Not yet, sir.

SCENE II. The river.

A BOATMAN.
Who calls for the ferry?

*** END OF THE PROJECT GUTENBERG EBOOK THE FERRYMAN'S WAGER ***

MALLORY.
This is licence text.
"""
    script = play(text)
    assert script.title == "The Ferryman's Wager"
    assert [s.heading for s in script.scenes] == [
        None,
        "SCENE I. A landing.",
        "SCENE II. The river.",
    ]
    assert [name for name, _ in speeches(script)] == ["MALLORY", "TOBIAS", "A BOATMAN"]
    assert "licence" not in str(script_to_dict(script))
