"""Plain-text plays: each common layout, front matter, directions, headings, encodings.

Every play excerpt here is written for these tests, in the layout real editions use.
"""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.import_text import import_bytes, import_play_text
from rehearsal.script.loader import load_script
from rehearsal.script.model import Dialogue, ElementKind, Script, TextElement
from rehearsal.script.serialize import script_to_dict

Speech = tuple[str, list[tuple[str, str]]]


def play(text: str) -> Script:
    return import_play_text(text)


def speeches(script: Script) -> list[Speech]:
    return [
        (d.character, [(p.kind.value[:5], p.text) for p in d.parts]) for d in script.dialogues()
    ]


def actions(script: Script) -> list[str]:
    return [
        e.text
        for scene in script.scenes
        for e in scene.elements
        if isinstance(e, TextElement) and e.kind is ElementKind.ACTION
    ]


# -- the layouts ------------------------------------------------------------------------------

INLINE_CAPS = """\
THE LAMPLIGHTER'S DAUGHTER
A Play in One Act
by Imogen Vale

CHARACTERS
NELL HARROW, the lamplighter's daughter, nineteen.
OSWIN HARROW, her father.
MRS. PEAKE, a neighbour.

SCENE: A cramped parlour above a chandler's shop. Evening.

NELL HARROW. You're late again. [She sets down the kettle.] The street's
been dark an hour.
OSWIN HARROW. The wick on Fenner Lane was drowned. I had to climb twice.
NELL HARROW. Twice. (beat) And the pay?
OSWIN HARROW. The same as once. It always is (more or less) the same.

[A knock. MRS. PEAKE puts her head round the door.]

MRS. PEAKE. Is he back? Oh, he's back.
NELL HARROW. He's back, Mrs. Peake.
MRS. PEAKE. Then I'll say nothing.
(She goes.)
OSWIN HARROW. She'll say it to the whole street.
"""


def test_inline_capital_names_with_a_dot() -> None:
    script = play(INLINE_CAPS)
    assert speeches(script) == [
        (
            "NELL HARROW",
            [
                ("speec", "You're late again."),
                ("paren", "[She sets down the kettle.]"),
                ("speec", "The street's been dark an hour."),
            ],
        ),
        ("OSWIN HARROW", [("speec", "The wick on Fenner Lane was drowned. I had to climb twice.")]),
        ("NELL HARROW", [("speec", "Twice."), ("paren", "(beat)"), ("speec", "And the pay?")]),
        ("OSWIN HARROW", [("speec", "The same as once. It always is (more or less) the same.")]),
        ("MRS. PEAKE", [("speec", "Is he back? Oh, he's back.")]),
        ("NELL HARROW", [("speec", "He's back, Mrs. Peake.")]),
        ("MRS. PEAKE", [("speec", "Then I'll say nothing."), ("paren", "(She goes.)")]),
        ("OSWIN HARROW", [("speec", "She'll say it to the whole street.")]),
    ]


def test_title_subtitle_author_and_cast_list_are_front_matter() -> None:
    script = play(INLINE_CAPS)
    assert script.title == "THE LAMPLIGHTER'S DAUGHTER"
    assert script.title_page == {
        "Title": "THE LAMPLIGHTER'S DAUGHTER",
        "Subtitle": "A Play in One Act",
        "Author": "Imogen Vale",
    }
    assert script.characters == ["NELL HARROW", "OSWIN HARROW", "MRS. PEAKE"]
    assert "MRS. PEAKE, a neighbour." in actions(script)
    assert script.format.value == "text"


def test_a_direction_standing_alone_after_a_blank_line_is_action() -> None:
    script = play(INLINE_CAPS)
    assert "[A knock. MRS. PEAKE puts her head round the door.]" in actions(script)


CENTRED = """\
                         ACT ONE

                         Scene 1

A bus shelter. Rain.

                         DORA
          Is this the forty-two?
                         FELIX
          It's the forty-two if it comes.
                         DORA
                 (shaking her umbrella)
          And if it doesn't?
                         FELIX
          Then it's a shelter.

Lightning. Neither of them moves.

                         DORA (CONT'D)
          I've waited longer for worse.
"""


def test_centred_names_alone_with_speeches_following_without_blank_lines() -> None:
    script = play(CENTRED)
    assert speeches(script) == [
        ("DORA", [("speec", "Is this the forty-two?")]),
        ("FELIX", [("speec", "It's the forty-two if it comes.")]),
        ("DORA", [("paren", "(shaking her umbrella)"), ("speec", "And if it doesn't?")]),
        ("FELIX", [("speec", "Then it's a shelter.")]),
        ("DORA", [("speec", "I've waited longer for worse.")]),
    ]
    assert [s.heading for s in script.scenes] == ["Scene 1"]  # the empty ACT scene is dropped
    assert actions(script) == ["A bus shelter. Rain.", "Lightning. Neither of them moves."]
    assert script.title is None


FLUSH = """\
MARGARET
Where were you?

TOM
Out.

MARGARET
Out where? (She waits.) Well?

TOM
Nowhere you'd know.
"""


def test_flush_names_alone_with_blank_lines_between_speeches() -> None:
    assert speeches(play(FLUSH)) == [
        ("MARGARET", [("speec", "Where were you?")]),
        ("TOM", [("speec", "Out.")]),
        ("MARGARET", [("speec", "Out where?"), ("paren", "(She waits.)"), ("speec", "Well?")]),
        ("TOM", [("speec", "Nowhere you'd know.")]),
    ]


SPACED = """\
SCENE ONE

A hospital corridor.

NURSE

Are you family?

ABEL

I'm all she's got.

NURSE

Then you'd better sit.

ABEL sits.

ABEL

How long?
"""


def test_names_alone_with_a_blank_line_before_the_speech() -> None:
    script = play(SPACED)
    assert speeches(script) == [
        ("NURSE", [("speec", "Are you family?")]),
        ("ABEL", [("speec", "I'm all she's got.")]),
        ("NURSE", [("speec", "Then you'd better sit.")]),
        ("ABEL", [("speec", "How long?")]),
    ]
    assert "ABEL sits." in actions(script)


COLON_TITLECASE = """\
Lady Wren: I asked for tea, not a confession.
Pim: The tea is coming, my lady. The confession came first.
Note: the actor playing Pim should not wink.
Lady Wren: (sighs) Then pour.
Pim: As you wish.
"""


def test_title_case_names_with_a_colon_and_a_note_line_that_is_no_speaker() -> None:
    script = play(COLON_TITLECASE)
    assert speeches(script) == [
        ("LADY WREN", [("speec", "I asked for tea, not a confession.")]),
        ("PIM", [("speec", "The tea is coming, my lady. The confession came first.")]),
        ("LADY WREN", [("paren", "(sighs)"), ("speec", "Then pour.")]),
        ("PIM", [("speec", "As you wish.")]),
    ]
    assert actions(script) == ["Note: the actor playing Pim should not wink."]


def test_a_colon_label_that_does_not_recur_is_not_a_speaker() -> None:
    script = play("Reminder: keep the pace up.\n\nJO: Ready?\nSAM: Ready.\nJO: Go.\nSAM: Going.\n")
    assert script.characters == ["JO", "SAM"]
    assert "REMINDER" not in script.characters


FOLIO = """\
Actus Primus. Scaena Prima.

Enter Corvino and Lysander.

  Corvino. Good morrow, Lysander: how fares the towne?
  Lys. As euer, sir; the market hath more noise
than money, and the money more noise than sense.
  Cor. Then we are rich in noise.
  Lys. Rich as a drum, my lord.
Exit Lysander.
  Cor. Alone at last. What newes?

Enter a Messenger.

  Mes. None, my lord.
  Cor. Then welcome, None.

Scena Secunda.

  Lys. Back againe.
"""


def test_latin_headings_and_abbreviated_names_in_an_old_edition() -> None:
    script = play(FOLIO)
    assert [s.heading for s in script.scenes] == [
        "Actus Primus. Scaena Prima.",
        "Scena Secunda.",
    ]
    assert speeches(script) == [
        ("CORVINO", [("speec", "Good morrow, Lysander: how fares the towne?")]),
        (
            "LYS",
            [
                (
                    "speec",
                    "As euer, sir; the market hath more noise than money, and the money "
                    "more noise than sense.",
                )
            ],
        ),
        ("COR", [("speec", "Then we are rich in noise.")]),
        ("LYS", [("speec", "Rich as a drum, my lord."), ("paren", "Exit Lysander.")]),
        ("COR", [("speec", "Alone at last. What newes?")]),
        ("MES", [("speec", "None, my lord.")]),
        ("COR", [("speec", "Then welcome, None.")]),
        ("LYS", [("speec", "Back againe.")]),
    ]
    assert actions(script) == ["Enter Corvino and Lysander.", "Enter a Messenger."]


OLD_ETEXT = """\
  Cor. Who goes there?
  Lys. A friend to the watch,
    And liegeman to the Duke.
  Cor. Give you good night.
  Lys. O, farewell, honest soldier.
    Who hath relieved you?
  Cor. Stephano hath my place.
    Give you good night.                                Exit.
  Lys. Holla, Stephano!
  Ste. Say,
    What, is Lysander there?
  Lys. A piece of him.
"""


def test_indented_cues_mark_a_speaker_heard_once_and_margin_exits() -> None:
    script = play(OLD_ETEXT)
    found = speeches(script)
    assert [name for name, _ in found] == [
        "COR", "LYS", "COR", "LYS", "COR", "LYS", "STE", "LYS",
    ]  # fmt: skip
    assert found[4] == (
        "COR",
        [("speec", "Stephano hath my place. Give you good night."), ("paren", "Exit.")],
    )
    assert found[6] == ("STE", [("speec", "Say, What, is Lysander there?")])


MODERN_SHAKESPEARE_EDITION = """\
THE FERRY

ACT I

SCENE I. A ferry landing at dawn.

 Enter MALLORY and a BOATMAN.

MALLORY.
How far across?

BOATMAN.
Far enough to change your mind,
And near enough to wish you hadn't.

MALLORY.
[_Paying him._] Then row.

 [_Exeunt._]
"""


def test_names_alone_with_a_dot_and_italic_markers_removed() -> None:
    script = play(MODERN_SHAKESPEARE_EDITION)
    assert script.title == "THE FERRY"
    assert speeches(script) == [
        ("MALLORY", [("speec", "How far across?")]),
        (
            "BOATMAN",
            [("speec", "Far enough to change your mind, And near enough to wish you hadn't.")],
        ),
        ("MALLORY", [("paren", "[Paying him.]"), ("speec", "Then row.")]),
    ]
    assert actions(script) == ["Enter MALLORY and a BOATMAN.", "[Exeunt.]"]
    assert [s.heading for s in script.scenes] == ["SCENE I. A ferry landing at dawn."]


NAME_WITH_DIRECTION = """\
ACT I

A study in a vicarage. Morning. The Reverend Hugh Tallis is at his desk, writing
with great energy and no success.

TALLIS [without looking up]. Come in, Miss Crane.
MISS CRANE [entering with the post]. There are eleven letters.
TALLIS. Eleven! [He throws down his pen.] Read me the worst.
MISS CRANE. They are all the worst. [She sorts them
into two heaps, then into one.] This one is from the Bishop.
TALLIS [taking it]. Then it is the best of the worst.
"""


def test_direction_between_name_and_dot_and_a_direction_wrapped_over_lines() -> None:
    script = play(NAME_WITH_DIRECTION)
    found = speeches(script)
    assert found[0] == (
        "TALLIS",
        [("paren", "[without looking up]"), ("speec", "Come in, Miss Crane.")],
    )
    assert found[3] == (
        "MISS CRANE",
        [
            ("speec", "They are all the worst."),
            ("paren", "[She sorts them into two heaps, then into one.]"),
            ("speec", "This one is from the Bishop."),
        ],
    )
    assert actions(script)[0].startswith("A study in a vicarage. Morning.")


PARENTHESISED_NAMES = """\
ACT I

(A room in the Lund house. Evening.)

Petra (calls out from the hall). Is that the post?
Karsten (at the window). Only the wind.
Petra. The wind does not knock twice.
Karsten. It does in this house. (He turns.) Sit down, Petra.
Petra (sitting). I have been sitting all day.
"""


def test_title_case_names_with_a_parenthesised_direction_before_the_dot() -> None:
    script = play(PARENTHESISED_NAMES)
    found = speeches(script)
    assert found[0] == (
        "PETRA",
        [("paren", "(calls out from the hall)"), ("speec", "Is that the post?")],
    )
    assert found[3] == (
        "KARSTEN",
        [
            ("speec", "It does in this house."),
            ("paren", "(He turns.)"),
            ("speec", "Sit down, Petra."),
        ],
    )
    assert actions(script) == ["(A room in the Lund house. Evening.)"]


DRAWING_ROOM = """\
FIRST ACT

A parlour in a house by the harbour.  The lamp is lit although it is
still afternoon.

[Osgood is polishing a telescope; after a while Henrietta enters.]

Henrietta.  Is there a ship, Osgood?

Osgood.  There is always a ship, madam.  Whether it is ours is another
matter altogether.

Henrietta.  You are very discouraging.

Osgood.  I am paid to be accurate, madam.

Henrietta.  [Sitting.]  Then be accurate.  Is it ours?

[Enter Bellamy.]

Bellamy.  I came the moment I heard.

Henrietta.  Heard what?
"""


def test_title_case_names_and_a_speaker_named_only_by_his_entrance() -> None:
    script = play(DRAWING_ROOM)
    assert [name for name, _ in speeches(script)] == [
        "HENRIETTA", "OSGOOD", "HENRIETTA", "OSGOOD", "HENRIETTA", "BELLAMY", "HENRIETTA",
    ]  # fmt: skip
    assert speeches(script)[1][1] == [
        ("speec", "There is always a ship, madam. Whether it is ours is another matter altogether.")
    ]
    assert [s.heading for s in script.scenes] == ["FIRST ACT"]


def test_abbreviated_names_keep_their_spelling() -> None:
    caps = "HAM. To the point.\nHOR. Which point?\nHAM. This one.\nHOR. Yours too.\n"
    assert [name for name, _ in speeches(play(caps))] == ["HAM", "HOR", "HAM", "HOR"]
    title_case = "Ma. Supper.\nPa. Later.\nMa. Now.\nPa. Coming.\nMa. Good.\n"
    assert [name for name, _ in speeches(play(title_case))] == ["MA", "PA", "MA", "PA", "MA"]


def test_honorific_and_initials_are_part_of_the_name() -> None:
    text = (
        "Mrs. Ellis: The kettle, Dr. Finch.\nDr. Finch: Boiling.\nMrs. Ellis: Then pour.\n"
        "Dr. Finch: Poured.\n"
    )
    assert [name for name, _ in speeches(play(text))] == [
        "MRS. ELLIS", "DR. FINCH", "MRS. ELLIS", "DR. FINCH",
    ]  # fmt: skip


# -- encodings and line ends ------------------------------------------------------------------

CURLY = "ANNA. It’s “late” – isn’t it?\r\nBORIS. Yes… it’s late.\r\nANNA. Then go.\r\n"


def test_crlf_line_ends() -> None:
    script = import_bytes(CURLY.encode("utf-8"))
    assert speeches(script)[0] == ("ANNA", [("speec", "It’s “late” – isn’t it?")])


def test_utf16_with_bom() -> None:
    for codec in ("utf-16", "utf-16-be"):
        data = CURLY.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        assert speeches(import_bytes(data)) == speeches(import_bytes(CURLY.encode()))


def test_utf8_with_bom() -> None:
    script = import_bytes(b"\xef\xbb\xbf" + CURLY.encode())
    assert [name for name, _ in speeches(script)] == ["ANNA", "BORIS", "ANNA"]


def test_cp1252_file_keeps_its_structure() -> None:
    script = import_bytes(CURLY.encode("cp1252"))
    assert [name for name, _ in speeches(script)] == ["ANNA", "BORIS", "ANNA"]
    assert speeches(script)[2] == ("ANNA", [("speec", "Then go.")])


def test_accented_and_non_latin_names() -> None:
    text = "JOSÉ. ¿Dónde?\nМАША. Здесь.\nJOSÉ. Bien.\nМАША. Да.\n"
    assert play(text).characters == ["JOSÉ", "МАША"]


def test_binary_data_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ScriptImportError, match="binary"):
        import_bytes(b"\x00\x01\x02PK\x03\x04" * 50)


def test_loader_reads_a_play_text_file(tmp_path: Path) -> None:
    path = tmp_path / "scene.txt"
    path.write_bytes(INLINE_CAPS.encode("utf-8"))
    script = load_script(path)
    assert script.format.value == "text"
    assert script.title == "THE LAMPLIGHTER'S DAUGHTER"


# -- progress, speed --------------------------------------------------------------------------


def _long_play(speeches_count: int, seed: int = 7) -> str:
    """A play text the length of a full evening, mixing every direction form."""
    rng = random.Random(seed)
    names = ["NELL", "OSWIN", "MRS. PEAKE", "THE DOCTOR", "ALBERT", "FIRST WATCHMAN"]
    lines = ["THE LONG NIGHT", "", "CHARACTERS", *[f"{n}, a person" for n in names], ""]
    for n in range(speeches_count):
        if n % 120 == 0:
            lines += ["", f"SCENE {n // 120 + 1}. A room.", ""]
        speaker = rng.choice(names)
        lines.append(f"{speaker}. Words of the speech, (quietly) and more of it. [Turning.] Yes.")
        if n % 3 == 0:
            lines.append("and a second line that runs on from the first one here.")
        if n % 9 == 0:
            lines += ["", "[A direction standing alone between two speeches.]", ""]
    return "\n".join(lines) + "\n"


def test_a_full_length_play_imports_whole() -> None:
    # Speed is measured by benchmarks/bench_parse.py, not asserted here.
    text = _long_play(1500)  # more speeches than a 120-page play has
    script = import_bytes(text.encode())
    assert len(list(script.dialogues())) == 1500


def test_progress_is_reported_and_can_cancel() -> None:
    text = _long_play(3000)
    seen: list[float] = []
    import_play_text(text, seen.append)
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)

    def cancel(fraction: float) -> None:
        if fraction > 0.2:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        import_play_text(text, cancel)


# -- property tests ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_raise_only_script_import_error(data: bytes) -> None:
    with contextlib.suppress(ScriptImportError):
        import_bytes(data)


_PLAYISH = st.lists(
    st.one_of(
        st.sampled_from(
            ["", "ACT I", "Scene: a garden", "ANNA.", "BORIS", "(beat)", "[Exit.]", "Enter ANNA.",
             "ANNA. Words (aside) more.", "Lady Wren: yes", "CHARACTERS", "(MORE)", "ANNA (CONT'D)",
             "_Blackout._", "[unclosed", "12.", "*** START OF THE PROJECT GUTENBERG EBOOK X ***"]
        ),
        st.text(max_size=40),
    ),
    max_size=60,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_PLAYISH)
def test_random_play_like_text_always_imports_consistently(lines: list[str]) -> None:
    script = import_play_text("\n".join(lines))
    for dialogue in script.dialogues():
        assert isinstance(dialogue, Dialogue)
        assert dialogue.character
        assert dialogue.character == dialogue.character.upper()
        assert dialogue.parts
        for part in dialogue.parts:
            assert part.text
            assert part.text == part.text.strip()
    script_to_dict(script)


NAMES_WITH_COLON_ABOVE = """\
First Boatman:
The fog is on the water, and the bell
Has stopped its ringing.

All:
Row, then, row.

First Boatman:
I cannot see the bank.

GRAVELLE:
Then steer by ear; the gulls will tell you where.
Keep left of them.

Second Boatman:
And if the gulls are lying?

GRAVELLE:
Gulls never lie; they only exaggerate.

Ferrywoman:
Who calls so late?

All:
Friends!
"""


def test_names_alone_with_a_colon_in_capitals_and_title_case() -> None:
    script = play(NAMES_WITH_COLON_ABOVE)
    assert [name for name, _ in speeches(script)] == [
        "FIRST BOATMAN", "ALL", "FIRST BOATMAN", "GRAVELLE", "SECOND BOATMAN", "GRAVELLE",
        "FERRYWOMAN", "ALL",
    ]  # fmt: skip
    assert speeches(script)[3] == (
        "GRAVELLE",
        [("speec", "Then steer by ear; the gulls will tell you where. Keep left of them.")],
    )


HANGING_INDENT = """\
MARGARET    Where were you? I waited up all
            night for you.
TOM         Out.
MARGARET    (sitting) Out where?
TOM         Nowhere you'd know.
            (He goes.)
"""


def test_names_in_capitals_with_a_tab_before_the_speech() -> None:
    script = import_bytes(HANGING_INDENT.replace("    ", "\t", 1).encode())
    assert speeches(script) == [
        ("MARGARET", [("speec", "Where were you? I waited up all night for you.")]),
        ("TOM", [("speec", "Out.")]),
        ("MARGARET", [("paren", "(sitting)"), ("speec", "Out where?")]),
        ("TOM", [("speec", "Nowhere you'd know."), ("paren", "(He goes.)")]),
    ]


def test_a_direction_between_a_spaced_cue_and_its_speech() -> None:
    text = "NURSE\n\n(quietly)\n\nAre you family?\n\nABEL\n\nYes.\n\nNURSE\n\nSit.\n\nABEL\n\nNo.\n"
    assert speeches(play(text))[0] == (
        "NURSE",
        [("paren", "(quietly)"), ("speec", "Are you family?")],
    )


def test_prose_after_a_speech_that_was_only_a_direction_is_action() -> None:
    text = "ANNA. Go.\nBORIS. [He does not move.]\n\nThe clock strikes.\n\nANNA. Go!\n"
    script = play(text)
    assert speeches(script)[1] == ("BORIS", [("paren", "[He does not move.]")])
    assert actions(script) == ["The clock strikes."]


def test_a_line_at_the_margin_after_an_indented_speech_is_action() -> None:
    text = (
        "                    DORA\n"
        "          Is this the forty-two?\n"
        "Lightning. Neither of them moves.\n"
        "                    FELIX\n"
        "          It's the forty-two if it comes,\n"
        "          and it never comes.\n"
        "                    DORA\n"
        "          Then we wait.\n"
    )
    script = play(text)
    assert speeches(script)[0] == ("DORA", [("speec", "Is this the forty-two?")])
    assert speeches(script)[1] == (
        "FELIX",
        [("speec", "It's the forty-two if it comes, and it never comes.")],
    )
    assert actions(script) == ["Lightning. Neither of them moves."]


LONG_SPEECH_MARKED = """\
HARRIET
I kept every letter. I read them at the kitchen table, one a night,
so they would last.

And then they stopped, and I read them again from the start.

[She puts the bundle down.]

EDMUND
I wrote to your sister.

HARRIET
I know.
"""


def test_a_speech_printed_in_paragraphs_goes_on_when_directions_are_marked() -> None:
    script = play(LONG_SPEECH_MARKED)
    assert speeches(script)[0] == (
        "HARRIET",
        [
            (
                "speec",
                "I kept every letter. I read them at the kitchen table, one a night, so they "
                "would last. And then they stopped, and I read them again from the start.",
            )
        ],
    )
    assert actions(script) == ["[She puts the bundle down.]"]
    assert [name for name, _ in speeches(script)] == ["HARRIET", "EDMUND", "HARRIET"]


def test_inline_names_with_a_speech_in_paragraphs() -> None:
    text = (
        "PROSPERO. Now I want spirits to enforce.\n\n"
        "And my ending is despair.\n\n"
        "MIRANDA. Father?\n\n"
        "PROSPERO. Go, child.\n"
    )
    assert speeches(play(text))[0] == (
        "PROSPERO",
        [("speec", "Now I want spirits to enforce. And my ending is despair.")],
    )


def test_plain_directions_naming_characters_keep_paragraphs_as_action() -> None:
    """Scripts that lost their italics print directions as plain prose with CAPS names."""
    text = (
        "NURSE\nAre you family?\n\n"
        "She looks at the clipboard.\n\n"
        "ABEL\nI'm all she's got.\n\n"
        "NURSE turns away.\n\n"
        "ABEL\nWait.\n"
    )
    script = play(text)
    assert actions(script) == ["She looks at the clipboard.", "NURSE turns away."]
    assert speeches(script)[0] == ("NURSE", [("speec", "Are you family?")])


def test_bare_pauses_keep_paragraphs_as_action() -> None:
    text = "MEG\nIs it nice?\n\nPause.\n\nPETEY\nVery nice.\n\nShe sits.\n\nMEG\nGood.\n"
    script = play(text)
    assert actions(script) == ["Pause.", "She sits."]
    assert speeches(script)[1] == ("PETEY", [("speec", "Very nice.")])


SHORT_SIDE = """\
THE KITCHEN

                    JOHN
          I never liked this house.

                    MARY
          Then why?

                    JOHN
          Because.

                    MARY
          Liar.
"""


def test_short_replies_in_a_short_side_are_speeches_not_a_cast_list() -> None:
    """Two people, two speeches each: one-word replies must not pass for a cast list."""
    script = play(SHORT_SIDE)
    assert speeches(script) == [
        ("JOHN", [("speec", "I never liked this house.")]),
        ("MARY", [("speec", "Then why?")]),
        ("JOHN", [("speec", "Because.")]),
        ("MARY", [("speec", "Liar.")]),
    ]
    assert script.title == "THE KITCHEN"
    assert not script.warnings


def test_a_cast_list_without_a_header_still_comes_before_the_dialogue() -> None:
    text = (
        "THE VISIT\n\n"
        "ANNA, a widow, sixties\nPETER, her son\nGRETA, a neighbour\n\n"
        "ANNA\nYou came.\n\nPETER\nI said I would.\n\nANNA\nYou say a lot.\n"
    )
    script = play(text)
    assert "ANNA, a widow, sixties" in " ".join(actions(script))
    assert [name for name, _ in speeches(script)] == ["ANNA", "PETER", "ANNA"]


ETEXT_ITALIC_DIRECTIONS = """\
NORA.
_[busy opening some of the parcels]_. Yes, it is! There is a shilling. _[The PORTER
thanks her and goes out.]_ Keep the change.

HELMER.
_[calls out from his room]_ Is that my lark?

NORA.
[Languidly_._] Yes.

HELMER.
[Aside]. Two truths are told.
"""


def test_italic_bracket_directions_and_the_stop_after_them_leave_the_speech_clean() -> None:
    assert speeches(play(ETEXT_ITALIC_DIRECTIONS)) == [
        (
            "NORA",
            [
                ("paren", "[busy opening some of the parcels]"),
                ("speec", "Yes, it is! There is a shilling."),
                ("paren", "[The PORTER thanks her and goes out.]"),
                ("speec", "Keep the change."),
            ],
        ),
        ("HELMER", [("paren", "[calls out from his room]"), ("speec", "Is that my lark?")]),
        ("NORA", [("paren", "[Languidly.]"), ("speec", "Yes.")]),
        ("HELMER", [("paren", "[Aside]"), ("speec", "Two truths are told.")]),
    ]


def test_the_speaker_goes_on_after_a_direction_standing_alone() -> None:
    text = (
        "MARCELLUS. 'Tis gone.\n\n"
        "[Exit Ghost.]\n\n"
        "We do it wrong, being so majestical,\nTo offer it the show of violence.\n\n"
        "BERNARDO. It was about to speak.\n\n"
        "MARCELLUS. Shall I strike at it?\n\n"
        "BERNARDO. Do, if it will not stand.\n"
    )
    script = play(text)
    assert speeches(script)[:3] == [
        ("MARCELLUS", [("speec", "'Tis gone.")]),
        (
            "MARCELLUS",
            [("speec", "We do it wrong, being so majestical, To offer it the show of violence.")],
        ),
        ("BERNARDO", [("speec", "It was about to speak.")]),
    ]
    assert actions(script) == ["[Exit Ghost.]"]


def test_after_a_plain_prose_direction_the_next_paragraph_stays_action() -> None:
    text = (
        "NURSE\nAre you family?\n\n[She checks the chart.]\n\n"
        "ABEL paces.\n\nABEL\nHow long?\n\nNURSE\nHours.\n"
    )
    script = play(text)
    assert actions(script) == ["[She checks the chart.]", "ABEL paces."]
    assert [name for name, _ in speeches(script)] == ["NURSE", "ABEL", "NURSE"]


def test_a_line_in_parentheses_inside_a_sentence_is_the_speakers() -> None:
    text = (
        "HORATIO. Our last king was, as you know, by Fortinbras of Norway,\n"
        "(Thereto pricked on by a most emulate pride)\n"
        "Dared to the combat.\n\n"
        "MARCELLUS. Peace, break thee off.\n\n"
        "HORATIO. Look where it comes again.\n(He points.)\n"
        "MARCELLUS. Speak to it, Horatio.\n"
    )
    assert speeches(play(text)) == [
        (
            "HORATIO",
            [
                (
                    "speec",
                    "Our last king was, as you know, by Fortinbras of Norway, (Thereto pricked "
                    "on by a most emulate pride) Dared to the combat.",
                )
            ],
        ),
        ("MARCELLUS", [("speec", "Peace, break thee off.")]),
        ("HORATIO", [("speec", "Look where it comes again."), ("paren", "(He points.)")]),
        ("MARCELLUS", [("speec", "Speak to it, Horatio.")]),
    ]


def test_a_list_of_the_scenes_in_the_front_matter_is_not_scenes() -> None:
    text = (
        "THE SCENES OF THE PLAY\n\n"
        "ACT I. A flat in Half-Moon Street.\n\n"
        "ACT II. The garden at the Manor House.\n\n"
        "TIME: The present.\n\n"
        "FIRST ACT\n\n"
        "LANE. Yes, sir.\n\nALGERNON. Thank you, Lane.\n\n"
        "LANE. Sir.\n\nALGERNON. That will do.\n"
    )
    script = play(text)
    assert [scene.heading for scene in script.scenes if scene.heading] == ["FIRST ACT"]
    assert [name for name, _ in speeches(script)] == ["LANE", "ALGERNON", "LANE", "ALGERNON"]


SPACED_INDENTED = """\
SCENE I. A public place.

    Enter SAMPSON and GREGORY

SAMPSON

    Gregory, on my word, we'll not carry coals.

GREGORY

    No, for then we should be colliers.

SAMPSON

    I mean, if we be in choler, we'll draw.

GREGORY

    Ay, while you live, draw your neck out of the collar.

First Citizen

    Clubs, bills, and partisans! Strike! Beat them down!

PRINCE

    Rebellious subjects, enemies to peace.
"""


def test_speakers_heard_once_in_a_file_of_flush_cues_over_indented_speeches() -> None:
    script = play(SPACED_INDENTED)
    assert [name for name, _ in speeches(script)] == [
        "SAMPSON",
        "GREGORY",
        "SAMPSON",
        "GREGORY",
        "FIRST CITIZEN",
        "PRINCE",
    ]
    assert actions(script) == ["Enter SAMPSON and GREGORY"]


def test_a_group_in_capitals_after_a_name_alone_is_an_extension() -> None:
    text = (
        "THE NOTE TAKER (HIGGINS)\nWhere do you come from?\n\n"
        "ELIZA (quietly)\nLisson Grove.\n\n"
        "THE NOTE TAKER\nThat will do.\n\nELIZA\nAnd what of it?\n"
    )
    script = play(text)
    first, second = list(script.dialogues())[:2]
    assert (first.character, first.extension) == ("THE NOTE TAKER", "HIGGINS")
    assert [(p.kind.value, p.text) for p in first.parts] == [("speech", "Where do you come from?")]
    assert (second.character, second.extension) == ("ELIZA", None)
    assert [(p.kind.value, p.text) for p in second.parts] == [
        ("parenthetical", "(quietly)"),
        ("speech", "Lisson Grove."),
    ]


NUMBERED_VERSE = """\
ACT I

SCENE 1.

  ORSINO. If music be the food of love, play on,
    Give me excess of it, that, surfeiting,
    The appetite may sicken and so die.                      5
  CURIO. Will you go hunt, my lord?
  ORSINO. What, Curio?
  CURIO. The hart.
  ORSINO. Why, so I do, the noblest that I have.             10

SCENE 2.

  VIOLA. What country, friends, is this?
  CAPTAIN. This is Illyria, lady.
  VIOLA. And what should I do in Illyria?                     5
    My brother he is in Elysium.
  CAPTAIN. It is perchance that you yourself were saved.
  VIOLA. O my poor brother! and so perchance may he be.
  CAPTAIN. True, madam, and to comfort you with chance,      10
"""


def test_verse_line_numbers_at_the_right_margin_are_removed() -> None:
    found = speeches(play(NUMBERED_VERSE))
    assert found[0] == (
        "ORSINO",
        [
            (
                "speec",
                "If music be the food of love, play on, Give me excess of it, that, "
                "surfeiting, The appetite may sicken and so die.",
            )
        ],
    )
    assert found[4] == ("ORSINO", [("speec", "Why, so I do, the noblest that I have.")])
    assert found[7] == (
        "VIOLA", [("speec", "And what should I do in Illyria? My brother he is in Elysium.")]
    )  # fmt: skip
    assert found[-1] == ("CAPTAIN", [("speec", "True, madam, and to comfort you with chance,")])


def test_a_number_after_a_gap_that_counts_nothing_is_the_speakers() -> None:
    text = (
        "ANNA. Which room?\nBORIS. Room    101\nANNA. And the floor?\nBORIS. Floor    3\n"
        "ANNA. And the code?\nBORIS. Code    42\n"
    )
    found = speeches(play(text))
    assert [parts[0][1] for _, parts in found[1::2]] == ["Room 101", "Floor 3", "Code 42"]
