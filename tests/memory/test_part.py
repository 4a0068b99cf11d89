"""The part as lines to learn: own lines, each with the line that cues it."""

from __future__ import annotations

import pytest

from rehearsal.memory.part import normalise, part_lines, short_cue
from tests.memory.helpers import KITCHEN, fountain, mary


def test_each_own_line_carries_the_line_before_it_in_its_scene() -> None:
    part = mary()
    assert [line.text for line in part][:3] == [
        "The train was stopped outside the station.",
        "For as long as it took.",
        "I know you did.",
    ]
    assert [(line.cue_speaker, line.cue_text) for line in part][:2] == [
        ("JOHN", "You're late again."),
        ("JOHN", "For two hours?"),
    ]
    assert [line.position for line in part] == list(range(len(part)))
    street = [line for line in part if line.scene == 1]
    assert street[0].cue_text == "Where are you going?"
    assert street[0].scene_heading == "EXT. STREET - LATER"


def test_a_line_that_opens_a_scene_has_no_cue() -> None:
    part = part_lines(fountain(KITCHEN), "JOHN")
    assert part[0].cue_text is None
    assert part[0].cue_speaker is None
    street = next(line for line in part if line.scene == 1)
    assert street.cue_text is None, "the cue does not reach back into the previous scene"


def test_a_speech_that_is_only_direction_is_not_a_line_to_learn() -> None:
    text = "INT. HALL - DAY\n\nJOHN\nWell?\n\nMARY\n(shrugs)\n\nJOHN\nFine.\n\nMARY\nGood.\n"
    part = part_lines(fountain(text), "MARY")
    assert [line.text for line in part] == ["Good."]
    assert part[0].cue_text == "Fine."


def test_an_unknown_role_names_the_characters() -> None:
    with pytest.raises(ValueError, match="MARY"):
        part_lines(fountain(KITCHEN), "Ophelia")


def test_normalise_ignores_case_punctuation_apostrophes_and_spacing() -> None:
    assert normalise("Don’t go,  Mary!") == normalise("don't go mary") == "dont go mary"
    assert normalise("Café — now.") == "café now"


def test_short_cue_keeps_the_closing_words() -> None:
    assert short_cue("Did you even try to call me at all?", 4) == "… call me at all?"
    assert short_cue("Well?", 4) == "Well?"
