"""Plain-text plays whose speakers' directions stand between the name and the speech.

Shaw's editions (and the etexts made from them) print ``THE MOTHER [on her daughter's
right] Not so long.``: the name in capitals, a bracketed direction, then the speech with no
stop after the name or the direction, the direction often wrapping onto the next line.
The same play prints ``THE MOTHER. But we must have a cab.`` where there is no direction,
so both shapes have to be read as one speaker. Every excerpt is written for these tests.
"""

from __future__ import annotations

import io

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from rehearsal.script.import_pdf import import_bytes
from rehearsal.script.model import SourceFormat
from tests.script.support.text import play
from tests.script.support.views import actions, speeches

RUN_IN = """\
ACT I

A railway platform at midnight. Rain on the glass roof. Porters asleep on
their barrows.

THE AUNT [at the foot of the stairs, peering along the empty line towards
the signal box] It is twenty minutes late. Twenty.

THE NEPHEW [behind her, with both bags] It is always twenty minutes late.

A PORTER [waking] There's no train till the milk, lady.

THE AUNT. Then what is the lamp for?

THE PORTER. For the milk.

THE NEPHEW. You see, aunt, there is a reason for everything.

THE AUNT [sitting on the largest bag] There is a reason for nothing at this
hour. Go and find a cab.

THE NEPHEW. There are no cabs. [He goes all the same.]

THE PORTER [settling back on his barrow] He'll be back.

THE AUNT. Of course he will. He always is.
"""


RUN_IN_SPEECHES = [
    (
        "THE AUNT",
        [
            (
                "paren",
                "[at the foot of the stairs, peering along the empty line towards the signal box]",
            ),
            ("speec", "It is twenty minutes late. Twenty."),
        ],
    ),
    (
        "THE NEPHEW",
        [
            ("paren", "[behind her, with both bags]"),
            ("speec", "It is always twenty minutes late."),
        ],
    ),
    ("A PORTER", [("paren", "[waking]"), ("speec", "There's no train till the milk, lady.")]),
    ("THE AUNT", [("speec", "Then what is the lamp for?")]),
    ("THE PORTER", [("speec", "For the milk.")]),
    ("THE NEPHEW", [("speec", "You see, aunt, there is a reason for everything.")]),
    (
        "THE AUNT",
        [
            ("paren", "[sitting on the largest bag]"),
            ("speec", "There is a reason for nothing at this hour. Go and find a cab."),
        ],
    ),
    ("THE NEPHEW", [("speec", "There are no cabs."), ("paren", "[He goes all the same.]")]),
    (
        "THE PORTER",
        [("paren", "[settling back on his barrow]"), ("speec", "He'll be back.")],
    ),
    ("THE AUNT", [("speec", "Of course he will. He always is.")]),
]


def test_a_direction_between_the_name_and_the_speech_keeps_the_speech() -> None:
    assert speeches(play(RUN_IN)) == RUN_IN_SPEECHES
    assert actions(play(RUN_IN)) == [
        "A railway platform at midnight. Rain on the glass roof. Porters asleep on their barrows."
    ]


def test_parentheses_between_the_name_and_the_speech_too() -> None:
    text = (
        "JOHN (angrily) Where is it?\n"
        "MARY (not looking up) Where is what?\n"
        "JOHN (beat) The spare key.\n"
        "MARY (quietly) I gave it to Dad.\n"
    )
    assert speeches(play(text)) == [
        ("JOHN", [("paren", "(angrily)"), ("speec", "Where is it?")]),
        ("MARY", [("paren", "(not looking up)"), ("speec", "Where is what?")]),
        ("JOHN", [("paren", "(beat)"), ("speec", "The spare key.")]),
        ("MARY", [("paren", "(quietly)"), ("speec", "I gave it to Dad.")]),
    ]


def test_a_capitalised_action_line_with_a_bracket_is_not_a_speaker() -> None:
    """Capitals then a bracket once in a play is no shape the file uses: it stays prose."""
    text = (
        "NELL. You're late.\n"
        "OSWIN. The wick was drowned.\n"
        "NELL. Twice?\n"
        "OSWIN. Twice.\n"
        "\n"
        "OLD SAM [a portrait in oils] glowers down at OSWIN.\n"
    )
    script = play(text)
    assert [name for name, _ in speeches(script)] == ["NELL", "OSWIN", "NELL", "OSWIN"]
    assert actions(script) == ["OLD SAM [a portrait in oils] glowers down at OSWIN."]


def test_a_speaker_introduced_in_action_with_a_bracket_is_not_speaking() -> None:
    """``MARY (forties) enters.``: the name recurs as a speaker, the sentence goes on."""
    text = (
        "JOHN. Where is it?\n"
        "\n"
        "MARY (forties, in a coat she has long\n"
        "outgrown) comes in from the yard.\n"
        "\n"
        "MARY. Where is what?\n"
        "JOHN. The key.\n"
        "\n"
        "MARY (forties) sits.\n"
        "\n"
        "MARY. I gave it to Dad.\n"
    )
    script = play(text)
    assert [name for name, _ in speeches(script)] == ["JOHN", "MARY", "JOHN", "MARY"]
    assert actions(script) == [
        "MARY (forties, in a coat she has long outgrown) comes in from the yard.",
        "MARY (forties) sits.",
    ]


def test_the_same_edition_set_as_a_pdf() -> None:
    """A PDF of the edition (justified Times, the name in capitals) goes through the play
    reader too, so the same speeches come out of it."""
    out = io.BytesIO()
    style = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=13)
    style.alignment = TA_JUSTIFY
    style.spaceAfter = 6
    doc = SimpleDocTemplate(out, pagesize=LETTER, invariant=True)
    doc.build([Paragraph(" ".join(p.split()), style) for p in RUN_IN.split("\n\n")])
    script = import_bytes(out.getvalue())
    assert script.format is SourceFormat.PDF
    assert speeches(script) == RUN_IN_SPEECHES
