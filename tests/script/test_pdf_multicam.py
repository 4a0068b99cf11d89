"""Multi-camera (sitcom) scripts and scripts with numbered cues, as PDFs.

Multi-camera scripts follow Final Draft's template: speeches double-spaced, action in
capitals, direction typed at the start of a speech line, scenes lettered under ``ACT ONE``
headers. Each test renders the same script in a few page sizes, fonts and margins, so the
import must follow the layout it finds, not one file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from rehearsal.script.import_pdf import NO_DIALOGUE_WARNING, import_bytes
from rehearsal.script.model import ElementKind, Script, TextElement
from tests.script import pdf_factory as pf
from tests.script.pdf_factory import act, dlg, scene, script

LONG = (
    "You know what your problem is? You think every single thing in this apartment is a "
    "sign from the universe. The toaster burns the bread, it's a sign. The super fixes the "
    "heat, it's a sign. Sometimes, Dennis, a toaster is just a toaster."
)


def centred(text: str) -> dict[str, Any]:
    return {"type": "centered", "text": text}


def sitcom() -> dict[str, Any]:
    """Two lettered scenes of an act: inline directions, a wrapped speech, a page break."""
    first = scene(
        "INT. DENNIS'S APARTMENT - NIGHT",
        act("(DENNIS, CARLA)"),
        act("DENNIS IS ON THE COUCH, STARING AT THE TOASTER. CARLA ENTERS WITH GROCERIES."),
        dlg("CARLA", "What are you doing?"),
        dlg("DENNIS", "(QUIETLY, TO HER) It's making a noise."),
        dlg("CARLA", "It's a toaster. Toasters make noises."),
        dlg("DENNIS", "Not this noise.", "(THEN)", "Listen."),
        act("THEY BOTH LISTEN. NOTHING."),
        dlg("CARLA", LONG),
        dlg("DENNIS", "(HURT) I said no."),
    )
    second = scene(
        "INT. HALLWAY - CONTINUOUS",
        act("CARLA STORMS OUT. MR. PAPPAS IS WAITING BY THE DOOR."),
        dlg("MR. PAPPAS", "Is he talking to the toaster again?"),
        dlg("CARLA", "(SIGHS) Every night this week."),
        dlg("MR. PAPPAS", LONG),
        dlg("CARLA", "I'll tell him you said hello."),
    )
    return script(
        {"heading": None, "number": None, "elements": [centred("ACT ONE"), centred("SCENE A")]},
        first,
        {"heading": None, "number": None, "elements": [centred("SCENE B")]},
        second,
        {"heading": None, "number": None, "elements": [centred("END OF ACT ONE")]},
    )


MULTI_CAM_VARIANTS = {
    "letter-courier": pf.MULTI_CAM,
    "a4-wide-margins-blank-after-cue": replace(
        pf.MULTI_CAM, page=A4, action=1.75, cue=4.2, dialogue=3.0, paren=3.5, blank_after_cue=True
    ),
    "letter-embedded-mono-11pt": replace(
        pf.MULTI_CAM, font="DejaVuSansMono", size=11.0, action=1.3, cue=3.8, dialogue=2.6
    ),
}


def speeches(result: Script) -> list[tuple[str, str]]:
    return [(d.character, " ".join(p.text for p in d.parts)) for d in result.dialogues()]


@pytest.mark.parametrize("lay", MULTI_CAM_VARIANTS.values(), ids=MULTI_CAM_VARIANTS.keys())
def test_multi_camera_script_reads_every_speech(lay: pf.Layout) -> None:
    result = import_bytes(pf.render(sitcom(), lay))
    assert NO_DIALOGUE_WARNING not in result.warnings
    assert result.characters == ["CARLA", "DENNIS", "MR. PAPPAS"]
    got = speeches(result)
    assert len(got) == 10
    assert got[1] == ("DENNIS", "(QUIETLY, TO HER) It's making a noise.")
    assert got[4] == ("CARLA", LONG)
    assert got[8] == ("MR. PAPPAS", LONG)
    dennis = [d for d in result.dialogues() if d.character == "DENNIS"][1]
    assert [(p.kind.value, p.text) for p in dennis.parts] == [
        ("speech", "Not this noise."),
        ("parenthetical", "(THEN)"),
        ("speech", "Listen."),
    ]


@pytest.mark.parametrize("lay", MULTI_CAM_VARIANTS.values(), ids=MULTI_CAM_VARIANTS.keys())
def test_multi_camera_action_in_capitals_stays_action(lay: pf.Layout) -> None:
    result = import_bytes(pf.render(sitcom(), lay))
    text = [getattr(e, "text", "") for s in result.scenes for e in s.elements]
    assert "THEY BOTH LISTEN. NOTHING." in text
    assert "(DENNIS, CARLA)" in text


def test_single_spaced_screenplay_is_not_read_as_multi_camera() -> None:
    """The same script single-spaced: nothing changes in how it reads."""
    result = import_bytes(pf.render(sitcom(), pf.FINAL_DRAFT))
    assert len(speeches(result)) == 10


def test_lettered_scenes_and_act_breaks() -> None:
    result = import_bytes(pf.render(sitcom(), pf.MULTI_CAM))
    headed = [(s.heading, s.number) for s in result.scenes if s.heading]
    assert headed == [("INT. DENNIS'S APARTMENT - NIGHT", "A"), ("INT. HALLWAY - CONTINUOUS", "B")]
    sections = [
        e.text
        for s in result.scenes
        for e in s.elements
        if isinstance(e, TextElement) and e.kind is ElementKind.SECTION
    ]
    assert sections == ["ACT ONE", "END OF ACT ONE"]


# -- numbered cues ---------------------------------------------------------------------------


def numbered() -> dict[str, Any]:
    """Speeches numbered in reading order, as dubbing and table-read scripts print them."""
    lines = [
        ("STEEL", "Where's the package?"),
        ("BRICK", "Safe. Safer than you."),
        ("STEEL", "That's not an answer."),
        ("GUARD 2", "Nobody moves!"),
        ("BRICK", "(TO STEEL) Told you we were followed."),
        ("STEEL", "Then we run."),
        ("GUARD 2", "I said nobody moves."),
        ("BRICK", "And I said we run."),
    ]
    elements: list[dict[str, Any]] = [act("A warehouse at night. Rain on the roof.")]
    for take, (name, text) in enumerate(lines, start=1):
        element = dlg(name, text)
        element["take"] = str(take)
        elements.append(element)
    return script(scene("INT. WAREHOUSE - NIGHT", *elements))


NUMBERED_VARIANTS = {
    "left-letter": pf.layout(cue_numbers="left"),
    "right-a4-index-page": pf.layout(
        pf.A4_LAYOUT,
        cue_numbers="right",
        cast=(("BRICK", 3), ("GUARD 2", 2), ("STEEL", 3)),
        cast_title="CHARACTER INDEX / TAKES",
    ),
    "left-screenplain-index-page": pf.layout(
        pf.SCREENPLAIN, page=LETTER, cue_numbers="left", cast=(("STEEL", 3), ("BRICK", 3))
    ),
}


@pytest.mark.parametrize("lay", NUMBERED_VARIANTS.values(), ids=NUMBERED_VARIANTS.keys())
def test_numbers_beside_cues_are_not_part_of_the_name(lay: pf.Layout) -> None:
    result = import_bytes(pf.render(numbered(), lay))
    assert result.characters == ["STEEL", "BRICK", "GUARD 2"]
    got = speeches(result)
    assert len(got) == 8
    assert got[4] == ("BRICK", "(TO STEEL) Told you we were followed.")
    assert got[6] == ("GUARD 2", "I said nobody moves.")


def test_a_digit_that_never_changes_is_part_of_the_name() -> None:
    data = script(
        scene(
            "INT. GATE - DAY",
            dlg("GUARD 2", "Papers."),
            dlg("ANNA", "Here."),
            dlg("GUARD 2", "These are expired."),
            dlg("GUARD 1", "Let her through."),
        )
    )
    assert import_bytes(pf.render(data)).characters == ["GUARD 2", "ANNA", "GUARD 1"]
