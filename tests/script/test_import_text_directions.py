"""Plain-text plays: stage directions, and where a speech ends and prose begins.

Directions come bracketed, in parentheses, in italics or as plain prose naming characters;
inside a speech they are the speaker's directions, standing alone they are action. A speech
may run over paragraphs, so after a direction the import has to decide whether the speaker
goes on or the page has turned to prose. Every excerpt is written for these tests.
"""

from __future__ import annotations

from tests.script.support.text import INLINE_CAPS, play
from tests.script.support.views import actions, speeches

# -- directions -------------------------------------------------------------------------------


def test_a_direction_standing_alone_after_a_blank_line_is_action() -> None:
    script = play(INLINE_CAPS)
    assert "[A knock. MRS. PEAKE puts her head round the door.]" in actions(script)


def test_a_direction_between_a_spaced_cue_and_its_speech() -> None:
    text = "NURSE\n\n(quietly)\n\nAre you family?\n\nABEL\n\nYes.\n\nNURSE\n\nSit.\n\nABEL\n\nNo.\n"
    assert speeches(play(text))[0] == (
        "NURSE",
        [("paren", "(quietly)"), ("speec", "Are you family?")],
    )


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


def test_prose_after_a_speech_that_was_only_a_direction_is_action() -> None:
    text = "ANNA. Go.\nBORIS. [He does not move.]\n\nThe clock strikes.\n\nANNA. Go!\n"
    script = play(text)
    assert speeches(script)[1] == ("BORIS", [("paren", "[He does not move.]")])
    assert actions(script) == ["The clock strikes."]


# -- where a speech ends ----------------------------------------------------------------------


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


def test_after_a_plain_prose_direction_the_next_paragraph_stays_action() -> None:
    text = (
        "NURSE\nAre you family?\n\n[She checks the chart.]\n\n"
        "ABEL paces.\n\nABEL\nHow long?\n\nNURSE\nHours.\n"
    )
    script = play(text)
    assert actions(script) == ["[She checks the chart.]", "ABEL paces."]
    assert [name for name, _ in speeches(script)] == ["NURSE", "ABEL", "NURSE"]
