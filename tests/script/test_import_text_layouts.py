"""Plain-text plays: the layouts that set a speaker's name off from the speech.

Editions print the name inline in capitals with a stop, centred or flush above the speech,
alone after a blank line, with a colon, before a tab, or in title case; each layout here is
a whole excerpt, so the import has to recognise the layout from the file, not from one line.
Every excerpt is written for these tests, in the layout real editions use.
"""

from __future__ import annotations

from rehearsal.script.import_text import import_bytes
from tests.script.support.text import INLINE_CAPS, play
from tests.script.support.views import actions, speeches


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
