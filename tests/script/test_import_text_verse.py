"""Plain-text plays: verse as old and numbered editions print it.

The Folio heads its scenes in Latin and shortens its speakers' names; old e-texts indent the
cues and set exits in the right margin; editions with line numbers print every fifth number
at the right margin, which is no part of the verse. Every excerpt is written for these
tests; the Folio's own layouts (indents, abbreviations that are English words) are in
``test_play_folio.py``.
"""

from __future__ import annotations

from tests.script.support.text import play
from tests.script.support.views import actions, speeches

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
