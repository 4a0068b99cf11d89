"""Plain-text plays: what a speaker's name is, however the edition spells it.

A cue must be told from a label, a shortened name keeps its spelling, an honorific or an
initial belongs to the name, names may be in any alphabet, and what stands between the name
and its stop (a direction, a group in capitals) is a direction or an extension, not part of
the name. Every excerpt is written for these tests.
"""

from __future__ import annotations

from tests.script.support.text import play
from tests.script.support.views import actions, speeches


def test_a_colon_label_that_does_not_recur_is_not_a_speaker() -> None:
    script = play("Reminder: keep the pace up.\n\nJO: Ready?\nSAM: Ready.\nJO: Go.\nSAM: Going.\n")
    assert script.characters == ["JO", "SAM"]
    assert "REMINDER" not in script.characters


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


def test_accented_and_non_latin_names() -> None:
    text = "JOSÉ. ¿Dónde?\nМАША. Здесь.\nJOSÉ. Bien.\nМАША. Да.\n"
    assert play(text).characters == ["JOSÉ", "МАША"]


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
