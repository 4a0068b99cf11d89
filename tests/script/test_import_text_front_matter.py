"""Plain-text plays: what comes before the dialogue is front matter, not speeches.

Title, subtitle and author go to the title page; a cast list, with or without a header, and
a list of the scenes are kept as text but never read as dialogue or scenes, while a short
side whose replies are one word each must not pass for a cast list. Every excerpt is written
for these tests.
"""

from __future__ import annotations

from tests.script.support.text import INLINE_CAPS, play
from tests.script.support.views import actions, speeches


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


def test_a_cast_list_without_a_header_still_comes_before_the_dialogue() -> None:
    text = (
        "THE VISIT\n\n"
        "ANNA, a widow, sixties\nPETER, her son\nGRETA, a neighbour\n\n"
        "ANNA\nYou came.\n\nPETER\nI said I would.\n\nANNA\nYou say a lot.\n"
    )
    script = play(text)
    assert "ANNA, a widow, sixties" in " ".join(actions(script))
    assert [name for name, _ in speeches(script)] == ["ANNA", "PETER", "ANNA"]


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
