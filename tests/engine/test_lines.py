"""Turning a script and a role into the lines a run steps through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rehearsal.engine.lines import (
    Beat,
    BeatKind,
    LineId,
    LineKind,
    Speech,
    build_lines,
    parse_beat,
    word_count,
)
from rehearsal.script.model import ElementKind, TextElement
from rehearsal.script.serialize import script_from_dict
from tests.engine.builders import action, dlg, kitchen, scene, script


def test_lines_follow_the_script_and_mark_the_actors_own() -> None:
    lines = build_lines(kitchen(), "MARY")
    assert [(line.id, line.speaker, line.own) for line in lines] == [
        (LineId(0, 1), "MARY", True),
        (LineId(0, 2), "JOHN", False),
        (LineId(0, 4), "MARY", True),
        (LineId(0, 5), "JOHN", False),
        (LineId(0, 6), "MARY", True),
        (LineId(1, 0), "JOHN", False),
        (LineId(1, 1), "MARY", True),
    ]


def test_role_names_are_matched_like_cues_and_can_be_doubled() -> None:
    assert all(line.own for line in build_lines(kitchen(), ["mary ", "John"]))
    assert not any(line.own for line in build_lines(kitchen(), None))


def test_unknown_role_names_the_characters() -> None:
    with pytest.raises(ValueError, match=r"no character BOB .*MARY, JOHN"):
        build_lines(kitchen(), "Bob")


def test_scene_range_and_its_errors() -> None:
    assert [line.id.scene for line in build_lines(kitchen(), "MARY", scenes=[1])] == [1, 1]
    with pytest.raises(ValueError, match="scene index 5 is out of range: the script has 2"):
        build_lines(kitchen(), "MARY", scenes=[5])


def test_parenthetical_beat_and_inline_pause_become_chunks() -> None:
    john, walk = build_lines(kitchen(), "MARY")[1], build_lines(kitchen(), "MARY")[3]
    assert john.chunks == (Beat(BeatKind.BEAT), Speech("Out."))
    assert john.text == "Out."
    assert walk.chunks == (Speech("Just out."), Beat(BeatKind.PAUSE), Speech("Walking."))
    assert walk.text == "Just out. Walking."
    assert walk.beats == (Beat(BeatKind.PAUSE),)


def test_action_beat_becomes_a_pause_at_the_start_of_the_next_line() -> None:
    mary = build_lines(kitchen(), "MARY")[2]
    assert mary.chunks == (Beat(BeatKind.BEAT), Speech("Out where, John?"))


def test_non_beat_parentheticals_stay_in_parts_but_not_in_speech() -> None:
    mary = build_lines(kitchen(), "MARY")[4]
    assert [p.text for p in mary.parts] == ["(quietly)", "I called you six times."]
    assert mary.chunks == (Speech("I called you six times."),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(beat)", Beat(BeatKind.BEAT)),
        ("(Beats)", Beat(BeatKind.BEAT)),
        ("(a beat, then softly)", Beat(BeatKind.BEAT)),
        ("(two beats)", Beat(BeatKind.BEAT, 2)),
        ("(pause)", Beat(BeatKind.PAUSE)),
        ("(short pause)", Beat(BeatKind.BEAT)),
        ("(a long pause)", Beat(BeatKind.LONG_PAUSE)),
        ("Beat.", Beat(BeatKind.BEAT)),
        ("A long pause.", Beat(BeatKind.LONG_PAUSE)),
        ("Silence.", Beat(BeatKind.LONG_PAUSE)),
        ("(beating his chest)", None),
        ("(paused)", None),
        ("They beat him.", None),
        ("(smiles)", None),
    ],
)
def test_parse_beat(text: str, expected: Beat | None) -> None:
    assert parse_beat(text) == expected


def test_actions_are_read_out_only_when_asked() -> None:
    plain = build_lines(kitchen(), "MARY")
    with_actions = build_lines(kitchen(), "MARY", include_actions=True)
    assert len(with_actions) == len(plain) + 1
    first = with_actions[0]
    assert (first.kind, first.speaker, first.own) == (LineKind.ACTION, None, False)
    assert first.text == "The kitchen. Night. MARY waits."
    assert all(line.kind is LineKind.DIALOGUE for line in plain)


def test_transitions_and_sections_are_never_lines() -> None:
    sc = scene(
        TextElement(ElementKind.SECTION, "ACT ONE", 1),
        dlg("MARY", "Hi."),
        TextElement(ElementKind.TRANSITION, "CUT TO:"),
        TextElement(ElementKind.PAGE_BREAK, ""),
    )
    assert len(build_lines(script(sc), "MARY", include_actions=True)) == 1


def test_a_line_of_only_direction_is_kept_with_nothing_to_say() -> None:
    lines = build_lines(script(scene(dlg("JOHN", "(nods)"), dlg("MARY", "Good."))), "MARY")
    assert lines[0].text == ""
    assert lines[0].chunks == ()
    assert lines[0].words == 0


def test_speech_starting_with_a_beat_is_split() -> None:
    line = build_lines(script(scene(dlg("MARY", "(beat) Then what?"))), "MARY")[0]
    assert line.chunks == (Beat(BeatKind.BEAT), Speech("Then what?"))


def test_trailing_action_beat_is_dropped() -> None:
    lines = build_lines(script(scene(dlg("MARY", "Hi."), action("Beat."))), "MARY")
    assert [line.chunks for line in lines] == [(Speech("Hi."),)]


def test_word_count() -> None:
    assert word_count("Don't — go, Mary-Ann!") == 4
    assert word_count("…") == 0


def test_real_screenplay_gives_one_line_per_dialogue(corpus_dir: Path) -> None:
    data = json.loads((corpus_dir / "truth/jumpcut/gumshoe.fountain.json").read_text("utf-8"))
    gumshoe = script_from_dict(data)
    role = gumshoe.line_counts().most_common(1)[0][0]
    lines = build_lines(gumshoe, role)
    assert len(lines) == sum(1 for _ in gumshoe.dialogues())
    assert sum(line.own for line in lines) == gumshoe.line_counts()[role]
    assert [line.id for line in lines] == sorted(line.id for line in lines)
    assert all(
        line.text == " ".join(c.text for c in line.chunks if isinstance(c, Speech))
        for line in lines
    )


def test_real_phone_call_keeps_its_written_pauses(corpus_dir: Path) -> None:
    data = json.loads((corpus_dir / "truth/jouvence/scripts-02.fountain.json").read_text("utf-8"))
    (steel,) = build_lines(script_from_dict(data), None)
    assert [type(c).__name__ for c in steel.chunks] == [
        "Speech",
        "Beat",
        "Speech",
        "Beat",
        "Speech",
    ]
    assert steel.beats == (Beat(BeatKind.PAUSE), Beat(BeatKind.PAUSE))
    assert steel.text.startswith("They're coming out of the woodwork! No, everybody")


def test_a_joint_cue_is_each_speakers_own_line() -> None:
    sides = script(
        scene(dlg("EDWARD", "Fish."), dlg("EDWARD AND WILL", "Together."), dlg("WILL", "Fine."))
    )
    for role in ("EDWARD", "WILL"):
        lines = build_lines(sides, role)
        assert lines[1].own, role
    assert not build_lines(sides, "EDWARD")[2].own
