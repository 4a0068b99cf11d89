"""Final Draft: each paragraph type and how the paragraphs of a speech come together.

Scene headings, action, cues, dialogue, parentheticals, transitions and lyrics; runs of
text inside a paragraph; parentheticals typed over two paragraphs; dual dialogue in both of
the nestings writers save; and (MORE)/(CONT'D) joining a speech that a page break split.
"""

from __future__ import annotations

import pytest

from rehearsal.script.import_fdx import import_bytes, is_parenthetical
from rehearsal.script.model import Dialogue, ElementKind, TextElement
from tests.script.support.fdx import fdx, para, speeches

# -- paragraph types --------------------------------------------------------------------------


def test_scene_heading_number_action_transition_and_cue_extension() -> None:
    script = import_bytes(
        fdx(
            para("Scene Heading", "INT. SIGNAL BOX - NIGHT", attrs=' Number="12A"')
            + para("Action", "Rain on the glass.")
            + para("Character", "WREN (V.O.)")
            + para("Dialogue", "Points are frozen.")
            + para("Transition", "CUT TO:")
            + para("Shot", "CLOSE ON the lever.")
            + para("General", "A bell, somewhere.")
        )
    )
    assert script.format.value == "fdx"
    [scene] = script.scenes
    assert (scene.heading, scene.number) == ("INT. SIGNAL BOX - NIGHT", "12A")
    kinds = [e.kind if isinstance(e, TextElement) else "dialogue" for e in scene.elements]
    assert kinds == [
        ElementKind.ACTION,
        "dialogue",
        ElementKind.TRANSITION,
        ElementKind.ACTION,
        ElementKind.ACTION,
    ]
    dialogue = scene.elements[1]
    assert isinstance(dialogue, Dialogue)
    assert (dialogue.character, dialogue.extension) == ("WREN", "V.O.")


def test_text_before_first_heading_gets_a_scene_without_heading() -> None:
    script = import_bytes(
        fdx(para("New Act", "COLD OPEN") + para("Scene Heading", "EXT. QUAY - DAWN"))
    )
    assert [s.heading for s in script.scenes] == [None, "EXT. QUAY - DAWN"]
    first = script.scenes[0].elements[0]
    assert isinstance(first, TextElement)
    assert first.kind is ElementKind.CENTERED


def test_lyrics_after_a_cue_are_sung_lines_and_alone_are_a_lyric_element() -> None:
    script = import_bytes(
        fdx(
            para("Character", "ODILE")
            + para("Lyrics", "Over the water, under the moon")
            + para("Action", "Silence.")
            + para("Lyrics", "La la la")
        )
    )
    assert speeches(script) == [("ODILE", [("speech", "Over the water, under the moon")])]
    assert script.scenes[0].elements[-1] == TextElement(ElementKind.LYRIC, "La la la")


def test_several_runs_are_concatenated_and_an_empty_run_is_a_line_break() -> None:
    script = import_bytes(
        fdx(
            para("Character", "MOSS")
            + para("Dialogue", "It was ", "never", " mine.", "", "Not once.")
            + para("Action", "Qa", "’u split mid-word.")
        )
    )
    assert speeches(script) == [("MOSS", [("speech", "It was never mine. Not once.")])]
    assert script.scenes[0].elements[-1] == TextElement(ElementKind.ACTION, "Qa’u split mid-word.")


def test_styled_runs_keep_their_text_as_is() -> None:
    body = (
        para("Character", "ABE") + '<Paragraph Type="Dialogue"><Text Style="Italic">Really*</Text>'
        '<Text Style="Bold+Underline"> _now_</Text></Paragraph>'
    )
    assert speeches(import_bytes(fdx(body))) == [("ABE", [("speech", "Really* _now_")])]


def test_consecutive_dialogue_paragraphs_are_one_speech_and_empty_ones_are_skipped() -> None:
    script = import_bytes(
        fdx(
            para("Character", "DEALER")
            + para("Dialogue", "Dealer gets a seven.")
            + '<Paragraph Type="Dialogue"></Paragraph>'
            + para("Dialogue", "Hit or stand?")
        )
    )
    assert speeches(script) == [("DEALER", [("speech", "Dealer gets a seven. Hit or stand?")])]


def test_dialogue_without_a_cue_is_read_as_action_with_a_warning() -> None:
    script = import_bytes(fdx(para("Action", "Door.") + para("Dialogue", "Stray words.")))
    assert not list(script.dialogues())
    assert script.scenes[0].elements[-1] == TextElement(ElementKind.ACTION, "Stray words.")
    assert any("no character cue" in w for w in script.warnings)


def test_cue_without_letters_is_not_a_character() -> None:
    script = import_bytes(fdx(para("Character", "1984") + para("Dialogue", "Words.")))
    assert not list(script.dialogues())


def test_a_character_paragraph_with_nothing_said_is_no_character() -> None:
    """Writers type FADE TO BLACK. or THE END in the Character style at the end of a script."""
    script = import_bytes(
        fdx(
            para("Character", "PROGRAMMER")
            + para("Dialogue", "It compiles.")
            + para("Character", "FADE TO BLACK.")
            + para("Character", "THE END")
        )
    )
    assert script.characters == ["PROGRAMMER"]
    [scene] = script.scenes
    tail = [(e.kind, e.text) for e in scene.elements if isinstance(e, TextElement)]
    assert tail == [(ElementKind.TRANSITION, "FADE TO BLACK."), (ElementKind.ACTION, "THE END")]


# -- parentheticals ---------------------------------------------------------------------------


def test_parentheticals_in_order_and_inline_direction_is_speech() -> None:
    script = import_bytes(
        fdx(
            para("Character", "IVO")
            + para("Parenthetical", "(low)")
            + para("Dialogue", "Don't.")
            + para("Parenthetical", "(beat)")
            + para("Dialogue", "(to Mara) Then go.")
            + para("Dialogue", "(gently)")
        )
    )
    assert speeches(script) == [
        (
            "IVO",
            [
                ("parenthetical", "(low)"),
                ("speech", "Don't."),
                ("parenthetical", "(beat)"),
                ("speech", "(to Mara) Then go."),
                ("parenthetical", "(gently)"),
            ],
        )
    ]


def test_parenthetical_without_parentheses_gets_them() -> None:
    script = import_bytes(
        fdx(
            para("Character", "IVO") + para("Parenthetical", "whispering") + para("Dialogue", "Hi.")
        )
    )
    assert speeches(script) == [("IVO", [("parenthetical", "(whispering)"), ("speech", "Hi.")])]


def test_line_inside_dialogue_that_is_only_a_parenthetical_is_one() -> None:
    script = import_bytes(
        fdx(para("Character", "IVO") + para("Dialogue", "I said no.", "", "(beat)", "", "No."))
    )
    assert speeches(script) == [
        ("IVO", [("speech", "I said no."), ("parenthetical", "(beat)"), ("speech", "No.")])
    ]


def test_a_parenthetical_typed_over_two_paragraphs_is_one() -> None:
    script = import_bytes(
        fdx(
            para("Character", "JOE")
            + para("Parenthetical", "(looking about")
            + para("Parenthetical", "the room)")
            + para("Dialogue", "Where is everyone?")
            + para("Parenthetical", "(beat)")
            + para("Parenthetical", "(quieter)")
            + para("Dialogue", "Hello?")
        )
    )
    assert speeches(script) == [
        (
            "JOE",
            [
                ("parenthetical", "(looking about the room)"),
                ("speech", "Where is everyone?"),
                ("parenthetical", "(beat)"),
                ("parenthetical", "(quieter)"),
                ("speech", "Hello?"),
            ],
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(beat)", True),
        ("  (quietly, to Ann)  ", True),
        ("(beat) Then he left.", False),
        ("(a) and (b)", False),
        ("(unclosed", False),
        ("no parens", False),
    ],
)
def test_is_parenthetical(text: str, expected: bool) -> None:
    assert is_parenthetical(text) is expected


# -- dual dialogue ----------------------------------------------------------------------------

_DUAL_PAIR = (
    para("Character", "GIRL")
    + para("Dialogue", "Hey!")
    + para("Character", "GUY")
    + para("Parenthetical", "(waving)")
    + para("Dialogue", "Hello!")
)


@pytest.mark.parametrize(
    "body",
    [
        f"<Paragraph><DualDialogue>{_DUAL_PAIR}</DualDialogue></Paragraph>",
        f"<DualDialogue>{_DUAL_PAIR}</DualDialogue>",
    ],
    ids=["inside-paragraph", "under-content"],
)
def test_dual_dialogue_both_nestings(body: str) -> None:
    script = import_bytes(fdx(body + para("Character", "GIRL") + para("Dialogue", "Bye.")))
    found = [(d.character, d.dual, d.speech) for d in script.dialogues()]
    assert found == [("GIRL", True, "Hey!"), ("GUY", True, "Hello!"), ("GIRL", False, "Bye.")]


# -- (MORE) / (CONT'D) ------------------------------------------------------------------------


def test_more_and_contd_join_one_speech_split_by_a_page_break() -> None:
    script = import_bytes(
        fdx(
            para("Character", "NORA")
            + para("Dialogue", "I kept every letter.")
            + para("Dialogue", "(MORE)")
            + para("Character", "NORA (CONT'D)")
            + para("Dialogue", "Every single one.")
        )
    )
    assert speeches(script) == [("NORA", [("speech", "I kept every letter. Every single one.")])]


def test_more_at_the_end_of_a_dialogue_paragraph_is_removed() -> None:
    script = import_bytes(
        fdx(
            para("Character", "NORA")
            + para("Dialogue", "I kept every letter.", "", "(MORE)")
            + para("Character", "NORA (CONT’D)")
            + para("Dialogue", "Every one.")
        )
    )
    assert speeches(script) == [("NORA", [("speech", "I kept every letter. Every one.")])]


def test_contd_after_action_is_a_new_speech_without_the_mark() -> None:
    script = import_bytes(
        fdx(
            para("Character", "NORA")
            + para("Dialogue", "One.")
            + para("Action", "She sits.")
            + para("Character", "NORA (CONT'D)")
            + para("Dialogue", "Two.")
        )
    )
    dialogues = list(script.dialogues())
    assert [(d.character, d.extension, d.speech) for d in dialogues] == [
        ("NORA", None, "One."),
        ("NORA", None, "Two."),
    ]
