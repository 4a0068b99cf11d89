"""Corrections over an import: what each operation does to the script.

The actor fixes what an importer got wrong: a line's kind (cue, speech, parenthetical,
action, heading, transition), a character's name (merge, rename), where a speech is cut or
joined, and lines left out. Each operation is applied to a small screenplay with the usual
import mistakes, including the cases it must refuse and report rather than guess.
"""

from __future__ import annotations

from rehearsal.script.corrections import (
    Correction,
    JoinSpeeches,
    MergeCharacters,
    RenameCharacter,
    SetExcluded,
    SetKind,
    SplitSpeech,
    apply_corrections,
    apply_with_report,
)
from rehearsal.script.lines import HEADING, LineId, LineKind
from rehearsal.script.model import Dialogue, ElementKind, Part, PartKind, TextElement
from tests.script.support.corrections import act, sample_script, say

# --- line kinds ------------------------------------------------------------------------------


def test_an_action_line_made_a_cue_over_action_made_speech_becomes_a_dialogue() -> None:
    script = sample_script()
    fixed = apply_corrections(
        script, [SetKind((LineId(0, 2),), LineKind.CUE), SetKind((LineId(0, 3),), LineKind.SPEECH)]
    )
    element = fixed.scenes[0].elements[2]
    assert element == say("BOB", "I forgot my keys. And my coat.")
    assert len(fixed.scenes[0].elements) == len(script.scenes[0].elements) - 1
    assert fixed.line_counts()["BOB"] == 3


def test_a_speech_line_made_action_cuts_the_dialogue_and_the_speaker_goes_on() -> None:
    fixed = apply_corrections(sample_script(), [SetKind((LineId(0, 5, 2),), LineKind.ACTION)])
    elements = fixed.scenes[0].elements
    assert elements[5] == say("BOB", "Fine.")
    assert elements[6] == act("I'll go.")
    assert elements[7] == say("BOB", "Goodbye.")


def test_a_cut_speech_keeps_its_extension() -> None:
    fixed = apply_corrections(sample_script(), [SetKind((LineId(0, 1, 1),), LineKind.ACTION)])
    assert fixed.scenes[0].elements[1] == Dialogue("MARY", [], extension="V.O.")
    assert fixed.scenes[0].elements[3] == say("MARY", "You came back.", extension="V.O.")


def test_a_cue_made_action_leaves_its_speech_as_action_and_says_so() -> None:
    applied = apply_with_report(sample_script(), [SetKind((LineId(0, 4),), LineKind.ACTION)])
    elements = applied.script.scenes[0].elements
    assert elements[4] == act("MARRY")
    assert elements[5] == act("Liar.")
    assert applied.orphans == [LineId(0, 4, 1)]
    assert applied.skipped == []


def test_a_speech_line_made_cue_starts_a_new_speech_by_that_name() -> None:
    script = sample_script()
    script.scenes[0].elements[5] = say("BOB", "Fine.", "Anna (O.S.)", "Goodbye.")
    fixed = apply_corrections(script, [SetKind((LineId(0, 5, 2),), LineKind.CUE)])
    assert fixed.scenes[0].elements[5] == say("BOB", "Fine.")
    assert fixed.scenes[0].elements[6] == say("ANNA", "Goodbye.", extension="O.S.")


def test_speech_made_parenthetical_gets_brackets_and_back_keeps_them() -> None:
    fixed = apply_corrections(
        sample_script(), [SetKind((LineId(0, 5, 2),), LineKind.PARENTHETICAL)]
    )
    assert fixed.scenes[0].elements[5].parts[1] == Part(PartKind.PARENTHETICAL, "(I'll go.)")  # type: ignore[union-attr]
    back = apply_corrections(
        sample_script(),
        [
            SetKind((LineId(0, 1, 1),), LineKind.SPEECH),
            SetKind((LineId(0, 1, 1),), LineKind.PARENTHETICAL),
        ],
    )
    assert back.scenes[0].elements[1] == say(
        "MARY", "(quietly)", "You came back.", extension="V.O."
    )


def test_an_action_line_made_a_heading_starts_a_scene() -> None:
    fixed = apply_corrections(sample_script(), [SetKind((LineId(0, 7),), LineKind.HEADING)])
    assert [s.heading for s in fixed.scenes] == [
        "INT. KITCHEN - NIGHT",
        "EXT. GARDEN - DAY",
        "INT. HALL - NIGHT",
    ]
    assert fixed.scenes[1].elements == [act("Birds.")]
    assert fixed.scenes[1].number is None


def test_a_heading_made_action_joins_its_scene_to_the_one_before() -> None:
    fixed = apply_corrections(sample_script(), [SetKind((LineId(1, HEADING),), LineKind.ACTION)])
    assert len(fixed.scenes) == 1
    assert fixed.scenes[0].elements[-2:] == [act("INT. HALL - NIGHT"), say("MARY", "Wait!")]


def test_the_first_heading_made_action_leaves_a_scene_without_heading() -> None:
    fixed = apply_corrections(sample_script(), [SetKind((LineId(0, HEADING),), LineKind.ACTION)])
    assert fixed.scenes[0].heading is None
    assert fixed.scenes[0].elements[0] == act("INT. KITCHEN - NIGHT")


def test_a_transition() -> None:
    fixed = apply_corrections(sample_script(), [SetKind((LineId(0, 8),), LineKind.TRANSITION)])
    assert fixed.scenes[0].elements[8] == TextElement(ElementKind.TRANSITION, "Birds.")


def test_a_line_cannot_become_a_kind_only_importers_make_nor_a_cue_without_letters() -> None:
    script = sample_script()
    script.scenes[0].elements[8] = act("1984")
    applied = apply_with_report(
        script,
        [SetKind((LineId(0, 0),), LineKind.LYRIC), SetKind((LineId(0, 8),), LineKind.CUE)],
    )
    assert [s.index for s in applied.skipped] == [0, 1]
    assert "not a name" in applied.skipped[1].reason
    assert applied.script == script


# --- characters ------------------------------------------------------------------------------


def test_merge_two_characters_into_one() -> None:
    fixed = apply_corrections(sample_script(), [MergeCharacters(("MARRY", "MARY"), "MARY")])
    assert fixed.characters == ["MARY", "BOB"]
    assert fixed.line_counts()["MARY"] == 3


def test_merge_under_a_new_name_is_canonical() -> None:
    fixed = apply_corrections(sample_script(), [MergeCharacters(("MARRY", "MARY"), "Mary Ann")])
    assert fixed.characters == ["MARY ANN", "BOB"]


def test_rename_applies_to_the_names_at_its_place_in_the_list() -> None:
    ops: list[Correction] = [
        RenameCharacter("BOB", "ROBERT"),
        SetKind((LineId(0, 2),), LineKind.CUE),  # a BOB cue made after the rename stays BOB
        SetKind((LineId(0, 3),), LineKind.SPEECH),
    ]
    fixed = apply_corrections(sample_script(), ops)
    assert fixed.line_counts() == {"MARY": 2, "BOB": 1, "MARRY": 1, "ROBERT": 2}


def test_renaming_a_character_nobody_plays_is_skipped() -> None:
    applied = apply_with_report(sample_script(), [RenameCharacter("ZED", "ZOE")])
    assert [(s.index, s.reason) for s in applied.skipped] == [
        (0, "no character of that name speaks")
    ]
    assert applied.script == sample_script()


# --- splitting and joining -------------------------------------------------------------------


def test_split_a_speech_at_a_sentence() -> None:
    script = sample_script()
    text = "I forgot my keys. And my coat."
    at = text.index("And")
    ops: list[Correction] = [
        SetKind((LineId(0, 2),), LineKind.CUE),
        SetKind((LineId(0, 3),), LineKind.SPEECH),
        SplitSpeech(LineId(0, 3), at),
    ]
    elements = apply_corrections(script, ops).scenes[0].elements
    assert elements[2:4] == [say("BOB", "I forgot my keys."), say("BOB", "And my coat.")]


def test_split_to_another_speaker_and_retype_the_cut_piece_by_its_own_id() -> None:
    text = "I forgot my keys. And my coat."
    at = text.index("And")
    ops: list[Correction] = [
        SetKind((LineId(0, 2),), LineKind.CUE),
        SetKind((LineId(0, 3),), LineKind.SPEECH),
        SplitSpeech(LineId(0, 3), at, "mary"),
    ]
    elements = apply_corrections(sample_script(), ops).scenes[0].elements
    assert elements[3] == say("MARY", "And my coat.")
    again = apply_corrections(
        sample_script(), [*ops, SetKind((LineId(0, 3, 0, at),), LineKind.ACTION)]
    )
    assert again.scenes[0].elements[2:4] == [say("BOB", "I forgot my keys."), act("And my coat.")]


def test_split_before_a_part_and_where_the_speech_starts() -> None:
    fixed = apply_corrections(sample_script(), [SplitSpeech(LineId(0, 5, 3))])
    assert fixed.scenes[0].elements[5:7] == [
        say("BOB", "Fine.", "I'll go."),
        say("BOB", "Goodbye."),
    ]
    start = apply_corrections(sample_script(), [SplitSpeech(LineId(0, 5, 1), 0, "ANNA")])
    assert start.scenes[0].elements[5] == say("ANNA", "Fine.", "I'll go.", "Goodbye.")


def test_splits_that_cannot_be_made_are_skipped() -> None:
    applied = apply_with_report(
        sample_script(),
        [
            SplitSpeech(LineId(0, 0), 3),  # action
            SplitSpeech(LineId(0, 6, 1), 99),  # past the end
            SplitSpeech(LineId(0, 1, 2), 3),  # "You| came back." is fine, but then
            SplitSpeech(LineId(0, 1, 2), 4),  # " |came back." leaves only a space
            SplitSpeech(LineId(7, 0, 1), 0),  # no such line
        ],
    )
    assert [s.index for s in applied.skipped] == [0, 1, 3, 4]
    assert "only a speech" in applied.skipped[0].reason
    assert "past the end" in applied.skipped[1].reason
    assert "nothing would be left" in applied.skipped[2].reason
    assert "not in this script" in applied.skipped[3].reason


def test_join_two_consecutive_speeches_the_first_speaker_wins() -> None:
    fixed = apply_corrections(sample_script(), [JoinSpeeches(LineId(0, 6))])
    assert fixed.scenes[0].elements[5] == say("BOB", "Fine.", "I'll go.", "Goodbye.", "Really.")
    other = apply_corrections(sample_script(), [JoinSpeeches(LineId(0, 5))])
    assert other.scenes[0].elements[4] == say("MARRY", "Liar.", "Fine.", "I'll go.", "Goodbye.")


def test_a_join_whose_cue_was_then_made_action_is_reported() -> None:
    applied = apply_with_report(
        sample_script(), [JoinSpeeches(LineId(0, 6)), SetKind((LineId(0, 6),), LineKind.ACTION)]
    )
    assert [s.index for s in applied.skipped] == [0]
    assert applied.script.scenes[0].elements[6] == act("BOB")


def test_a_parenthetical_is_split_only_before_it() -> None:
    applied = apply_with_report(
        sample_script(), [SplitSpeech(LineId(0, 1, 1), 3), SplitSpeech(LineId(0, 1, 1), 0, "ANNA")]
    )
    assert [(s.index, s.reason) for s in applied.skipped] == [
        (0, "a parenthetical can only be split before it")
    ]
    assert applied.script.scenes[0].elements[1] == Dialogue(
        "ANNA",
        [Part(PartKind.PARENTHETICAL, "(quietly)"), Part(PartKind.SPEECH, "You came back.")],
    )


def test_join_across_action_is_skipped_until_the_action_is_left_out() -> None:
    applied = apply_with_report(sample_script(), [JoinSpeeches(LineId(0, 4))])
    assert [(s.index, s.reason) for s in applied.skipped] == [
        (0, "the two speeches are not next to each other")
    ]
    assert applied.script == sample_script()
    joined = apply_corrections(
        sample_script(),
        [JoinSpeeches(LineId(0, 4)), SetExcluded((LineId(0, 2), LineId(0, 3)))],
    )
    assert joined.scenes[0].elements[1] == say(
        "MARY", "(quietly)", "You came back.", "Liar.", extension="V.O."
    )


# --- leaving lines out -----------------------------------------------------------------------


def test_left_out_lines_vanish_and_come_back() -> None:
    out = apply_corrections(sample_script(), [SetExcluded((LineId(0, 0), LineId(0, 5, 2)))])
    assert out.scenes[0].elements[0] == say("MARY", "(quietly)", "You came back.", extension="V.O.")
    assert out.scenes[0].elements[4] == say("BOB", "Fine.", "Goodbye.")
    back = apply_corrections(
        sample_script(),
        [SetExcluded((LineId(0, 0), LineId(0, 5, 2))), SetExcluded((LineId(0, 0),), False)],
    )
    assert back.scenes[0].elements[0] == act("Rain on the window.")


def test_a_left_out_cue_takes_its_speech_along_and_does_not_join_the_one_before() -> None:
    fixed = apply_corrections(sample_script(), [SetExcluded((LineId(0, 6),))])
    assert fixed.scenes[0].elements[5:] == [
        say("BOB", "Fine.", "I'll go.", "Goodbye."),
        act("EXT. GARDEN - DAY"),
        act("Birds."),
    ]


def test_a_left_out_heading_keeps_the_scene_break() -> None:
    fixed = apply_corrections(sample_script(), [SetExcluded((LineId(1, HEADING),))])
    assert [s.heading for s in fixed.scenes] == ["INT. KITCHEN - NIGHT", None]
