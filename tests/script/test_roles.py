"""Reading the role out of the sides: the ``Role:`` header and cues shared by two speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearsal.script.loader import load_script
from rehearsal.script.model import Script, SourceFormat
from rehearsal.script.roles import joint_cues, joint_speakers, named_role, role_choices
from tests.engine.builders import action, dlg, scene, script

BIG_FISH = [
    dlg("EDWARD", "There are some fish that cannot be caught."),
    dlg("WILL", "Dad, not this again."),
    dlg("EDWARD AND WILL", "Together now."),
    dlg("WILL", "I mean it."),
    dlg("SANDRA", "Enough."),
    dlg("WILL", "Fine."),
]


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("EDWARD AND WILL", ("EDWARD", "WILL")),
        ("EDWARD & WILL", ("EDWARD", "WILL")),
        ("EDWARD/WILL", ("EDWARD", "WILL")),
        ("EDWARD, WILL AND SANDRA", ("EDWARD", "WILL", "SANDRA")),
        ("EDWARD", ()),
        ("SALT AND PEPPER", ()),  # a double act that never speaks apart is a part of its own
        ("EDWARD AND THE WITCH", ()),  # the witch never speaks alone: not a shared cue
    ],
)
def test_joint_speakers(cue: str, expected: tuple[str, ...]) -> None:
    assert joint_speakers(cue, {"EDWARD", "WILL", "SANDRA"}) == expected


def test_joint_cues_are_listed_under_their_speakers_not_as_a_role() -> None:
    sides = script(scene(*BIG_FISH))
    assert joint_cues(sides) == {"EDWARD AND WILL": ("EDWARD", "WILL")}
    choices = {choice.name: choice for choice in role_choices(sides)}
    assert set(choices) == {"EDWARD", "WILL", "SANDRA"}
    assert (choices["WILL"].lines, choices["WILL"].shared) == (4, 1)
    assert (choices["EDWARD"].lines, choices["EDWARD"].shared) == (2, 1)
    assert role_choices(sides)[0].name == "WILL"  # most lines first


def test_the_role_header_in_the_page_text_names_the_role() -> None:
    sides = script(scene(action("Role: EDWARD"), *BIG_FISH))
    assert named_role(sides) == "EDWARD"


def test_the_role_header_on_the_title_page_names_the_role() -> None:
    sides = Script(SourceFormat.FOUNTAIN, [scene(*BIG_FISH)], title_page={"Role": "Edward"})
    assert named_role(sides) == "EDWARD"


@pytest.mark.parametrize(
    "header",
    ["ROLE: Edward Bloom", "Character: EDWARD (60s)", "role - edward", "Sides for: EDWARD"],
)
def test_header_spellings(header: str) -> None:
    assert named_role(script(scene(action(header), *BIG_FISH))) == "EDWARD"


def test_no_header_or_an_unknown_name_names_nothing() -> None:
    assert named_role(script(scene(*BIG_FISH))) is None
    assert named_role(script(scene(action("Role: THE WITCH"), *BIG_FISH))) is None
    spoken = dlg("SANDRA", "Role: EDWARD")  # words someone says are not a header
    assert named_role(script(scene(spoken, *BIG_FISH))) is None


@pytest.mark.parametrize("suffix", [".txt", ".fountain"])
def test_imported_sides_with_a_header(tmp_path: Path, suffix: str) -> None:
    if suffix == ".txt":
        body = "Role: EDWARD\n\nEDWARD. Fish.\n\nWILL. Not again.\n\nWILL. Fine.\n"
    else:
        body = (
            "Role: EDWARD\n\nINT. HOUSE - NIGHT\n\n"
            "EDWARD\nFish.\n\nWILL\nNot again.\n\nWILL\nFine.\n"
        )
    path = tmp_path / f"sides{suffix}"
    path.write_text(body, encoding="utf-8")
    assert named_role(load_script(path)) == "EDWARD"
